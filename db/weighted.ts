/** Weighted random choice: a cumulative table of weights, and the index a uniform draw lands on. */
export function cumulative(weights: readonly number[]): Float64Array {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  if (!(total > 0) || weights.some((weight) => !(weight >= 0))) {
    throw new RangeError("Weights must be >= 0 with a positive sum");
  }
  let running = 0;
  const table = Float64Array.from(weights, (weight) => (running += weight / total));
  // Rounding must never let a draw fall through to the zero-weight entries at the end.
  return table.fill(
    Infinity,
    weights.findLastIndex((weight) => weight > 0),
  );
}

export function pickIndex(table: Float64Array, r: number): number {
  let index = 0;
  while (index < table.length - 1 && r >= table[index]) index++;
  return index;
}
