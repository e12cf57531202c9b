import { ok, type Result } from '../errors';
import type { AuthRequestState } from '../model';
import { assertNever, refuse } from './shared';

export const AUTH_REQUEST_EVENTS = ['answer', 'expire'] as const;
/** `answer`: the brand replied (any of counterfeit / genuine / unsure); `expire`: the due date passed. */
export type AuthRequestEvent = (typeof AUTH_REQUEST_EVENTS)[number];

export function transitionAuthRequest(
  state: AuthRequestState,
  event: AuthRequestEvent,
): Result<AuthRequestState> {
  switch (state) {
    case 'open':
      if (event === 'answer') return ok('answered');
      if (event === 'expire') return ok('expired');
      break;
    // A late answer to an expired request is refused: the listing has already been handled without it.
    case 'answered':
    case 'expired':
      break;
    default:
      return assertNever(state);
  }
  return refuse(`Cannot ${event} an authentication request that is ${state}`);
}

export const canAuthRequest = (state: AuthRequestState, event: AuthRequestEvent): boolean =>
  transitionAuthRequest(state, event).ok;

export const allowedEventsAuthRequest = (state: AuthRequestState): AuthRequestEvent[] =>
  AUTH_REQUEST_EVENTS.filter((event) => canAuthRequest(state, event));
