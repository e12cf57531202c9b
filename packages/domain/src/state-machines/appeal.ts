import { ok, type Result } from '../errors';
import type { AppealState } from '../model';
import { assertNever, refuse } from './shared';

export const APPEAL_EVENTS = ['uphold', 'reinstate'] as const;
/** `uphold`: the removal stands (and the seller gets a strike); `reinstate`: the listing comes back. */
export type AppealEvent = (typeof APPEAL_EVENTS)[number];

export function transitionAppeal(state: AppealState, event: AppealEvent): Result<AppealState> {
  switch (state) {
    case 'open':
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
