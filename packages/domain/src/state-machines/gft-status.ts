import { ok, type Result } from '../errors';
import type { GftStatus } from '../model';
import { assertNever, refuse } from './shared';

export const GFT_EVENTS = ['qualify', 'disqualify', 'enrol', 'suspend', 'requalify'] as const;
/**
 * - `qualify` / `disqualify`: the rolling record crossed the eligibility bar (policy/gft.ts).
 * - `enrol`: an account manager admits an eligible brand to the fast track.
 * - `suspend`: an enrolled brand's record fell below the suspension bar.
 * - `requalify`: a suspended brand's cooldown is over and its record is good again.
 */
export type GftEvent = (typeof GFT_EVENTS)[number];

/**
 * An enrolled brand leaves the fast track only through `suspend`: the one exit that is
 * explained to the brand and starts the cooldown. A requalified brand comes back as
 * `eligible`, so re-enrolment is again an account manager's decision.
 */
export function transitionGftStatus(state: GftStatus, event: GftEvent): Result<GftStatus> {
  switch (state) {
    case 'not_eligible':
      if (event === 'qualify') return ok('eligible');
      break;
    case 'eligible':
      if (event === 'disqualify') return ok('not_eligible');
      if (event === 'enrol') return ok('enrolled');
      break;
    case 'enrolled':
      if (event === 'suspend') return ok('suspended');
      break;
    case 'suspended':
      if (event === 'requalify') return ok('eligible');
      break;
    default:
      return assertNever(state);
  }
  return refuse(`Cannot ${event} a brand whose GFT status is ${state}`);
}

export const canGftStatus = (state: GftStatus, event: GftEvent): boolean =>
  transitionGftStatus(state, event).ok;

export const allowedEventsGftStatus = (state: GftStatus): GftEvent[] =>
  GFT_EVENTS.filter((event) => canGftStatus(state, event));
