/** Round steps a campaign passes on the way to its goal: 10, 25, 50, 100, 250, 500, 1,000, 2,500… */
function* steps(): Generator<number> {
  for (let scale = 10; ; scale *= 10) {
    yield scale;
    yield scale * 2.5;
    yield scale * 5;
  }
}

/**
 * The next step above the count, never past the goal; null once the goal is reached. A first step of 10
 * makes 5 signatures look like progress, where a bar towards 10,000 would look empty.
 */
export function nextMilestone(count: number, goal: number): number | null {
  if (count >= goal) return null;
  for (const step of steps()) {
    if (step >= goal) return goal;
    if (step > count) return step;
  }
  return goal;
}

const LARGEST = 100_000_000;

/**
 * The counts at which organisers are told a campaign got somewhere: 100, 1,000, 10,000… below the goal,
 * half the goal and the goal itself (without a goal, every power of ten from 100). Ascending, no repeats.
 */
export function milestoneThresholds(goal: number): number[] {
  const limit = goal > 0 ? goal : LARGEST;
  const thresholds = new Set<number>();
  for (let power = 100; power < limit; power *= 10) thresholds.add(power);
  if (goal > 0) {
    if (goal >= 2) thresholds.add(Math.ceil(goal / 2));
    thresholds.add(goal);
  } else thresholds.add(LARGEST);
  return [...thresholds].sort((a, b) => a - b);
}
