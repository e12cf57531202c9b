export const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Rolling windows are half-open, (now − days, now]: something exactly `days` × 24 h old has
 * left the window, and anything dated after `now` is not in it yet. Consecutive windows
 * therefore never count an item twice, and a 90-day window that starts at a suspension
 * contains nothing from before it.
 */
export function isWithinWindow(at: Date, now: Date, days: number): boolean {
  const age = now.getTime() - at.getTime();
  return age >= 0 && age < days * DAY_MS;
}
