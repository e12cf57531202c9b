import { ok, type Result } from '../errors';
import type { AppealState } from '../model';
import { assertNever, refuse } from './shared';

/**
 * The brand answers a counter-notice first: `retract` gives the listing back, `contest` sends the
 * appeal to a reviewer, who may `uphold` the removal (the seller gets a strike) or `reinstate` it.
 * A brand that stays silent past its window is taken to retract (or, by setting, to contest).
 */
export const APPEAL_EVENTS = ['retract', 'contest', 'uphold', 'reinstate'] as const;
export type AppealEvent = (typeof APPEAL_EVENTS)[number];

export function transitionAppeal(state: AppealState, event: AppealEvent): Result<AppealState> {
  switch (state) {
    case 'open':
      if (event === 'retract') return ok('reinstated');
      if (event === 'contest') return ok('contested');
      break;
    case 'contested':
      if (event === 'uphold') return ok('upheld');
      if (event === 'reinstate') return ok('reinstated');
      break;
    case 'upheld':
    case 'reinstated':
      break;
    default:
      return assertNever(state);
  }
  return refuse(`Cannot ${event} an appeal that is ${state}`);
}

export const canAppeal = (state: AppealState, event: AppealEvent): boolean =>
  transitionAppeal(state, event).ok;

export const allowedEventsAppeal = (state: AppealState): AppealEvent[] =>
  APPEAL_EVENTS.filter((event) => canAppeal(state, event));
