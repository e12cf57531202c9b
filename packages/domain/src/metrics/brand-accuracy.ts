import type { DecidedItemOutcome } from '../model';
import { isWithinWindow } from './rolling-window';

/** A notice item with a final verdict, dated by when that verdict was reached. */
export interface DecidedItem {
  decidedAt: Date;
  outcome: DecidedItemOutcome;
}

export interface BrandAccuracy {
  decided: number;
  valid: number;
  /** Rejected, reinstated on appeal, or overturned in a GFT audit. */
  invalid: number;
  /** valid / decided; null when nothing was decided in the window. */
  accuracy: number | null;
}

/** Brand accuracy over the rolling window (now − windowDays, now]; see isWithinWindow. */
export function brandAccuracy(items: readonly DecidedItem[], now: Date, windowDays = 90): BrandAccuracy {
  const inWindow = items.filter((item) => isWithinWindow(item.decidedAt, now, windowDays));
  const valid = inWindow.filter((item) => item.outcome === 'valid').length;
  const decided = inWindow.length;
  return { decided, valid, invalid: decided - valid, accuracy: decided === 0 ? null : valid / decided };
}
