import { ok, type Result } from '../errors';
import type { ListingStatus } from '../model';
import { assertNever, refuse } from './shared';

export const LISTING_EVENTS = ['remove', 'reinstate'] as const;
export type ListingEvent = (typeof LISTING_EVENTS)[number];

/** A reinstated listing can be removed again, e.g. by a later notice or a newer detection score. */
export function transitionListing(state: ListingStatus, event: ListingEvent): Result<ListingStatus> {
  switch (state) {
    case 'active':
    case 'reinstated':
      if (event === 'remove') return ok('removed');
      break;
    case 'removed':
      if (event === 'reinstate') return ok('reinstated');
      break;
    default:
      return assertNever(state);
  }
  return refuse(`Cannot ${event} a listing that is ${state}`);
}

export const canListing = (state: ListingStatus, event: ListingEvent): boolean =>
  transitionListing(state, event).ok;

export const allowedEventsListing = (state: ListingStatus): ListingEvent[] =>
  LISTING_EVENTS.filter((event) => canListing(state, event));
