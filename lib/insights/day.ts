// Days are UTC dates (YYYY-MM-DD): a rollup row, a salt and a day's visitor hashes all belong to one.

const DAY_MS = 86_400_000;

/** The UTC date of `ms`. */
export function utcDay(ms = Date.now()): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** When the UTC day of `ms` ends (the next midnight, in ms). */
export function endOfDay(ms = Date.now()): number {
  return (Math.floor(ms / DAY_MS) + 1) * DAY_MS;
}

/** The last `n` UTC dates up to today, oldest first. */
export function lastDays(n: number, now = Date.now()): string[] {
  const today = Math.floor(now / DAY_MS);
  return Array.from({ length: n }, (_, i) => utcDay((today - n + 1 + i) * DAY_MS));
}

/** The UTC date `n` days before `now`'s. */
export function daysAgo(n: number, now = Date.now()): string {
  return utcDay(now - n * DAY_MS);
}
