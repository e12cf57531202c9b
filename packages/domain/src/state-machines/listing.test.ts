import { describe, expect, it } from 'vitest';
import { LISTING_STATUSES } from '../model';
import { LISTING_EVENTS, allowedEventsListing, canListing, transitionListing } from './listing';
import { describeTransitionTable } from './transition-table.testing';

describe('listing state machine', () => {
  describeTransitionTable({
    states: LISTING_STATUSES,
    events: LISTING_EVENTS,
    legal: {
      active: { remove: 'removed' },
      removed: { reinstate: 'reinstated' },
      reinstated: { remove: 'removed' },
    },
    transition: transitionListing,
    can: canListing,
    allowedEvents: allowedEventsListing,
  });

  it('refuses to reinstate a listing that was never removed', () => {
    const result = transitionListing('active', 'reinstate');
    expect(!result.ok && result.error.message).toBe('Cannot reinstate a listing that is active');
  });
});
