/** A moment as organisers read it in tables and histories: "2026-11-27 23:05 UTC" (or with seconds). */
export function formatUtc(date: Date, precision: "minute" | "second" = "minute"): string {
  return `${date
    .toISOString()
    .slice(0, precision === "minute" ? 16 : 19)
    .replace("T", " ")} UTC`;
}
