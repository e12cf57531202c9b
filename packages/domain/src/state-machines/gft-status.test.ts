import { describe, expect, it } from 'vitest';
import { GFT_STATUSES } from '../model';
import { GFT_EVENTS, allowedEventsGftStatus, canGftStatus, transitionGftStatus } from './gft-status';
import { describeTransitionTable } from './transition-table.testing';

describe('brand GFT status state machine', () => {
  describeTransitionTable({
    states: GFT_STATUSES,
    events: GFT_EVENTS,
    legal: {
      not_eligible: { qualify: 'eligible' },
      eligible: { disqualify: 'not_eligible', enrol: 'enrolled' },
      enrolled: { suspend: 'suspended' },
      suspended: { requalify: 'eligible' },
    },
    transition: transitionGftStatus,
    can: canGftStatus,
    allowedEvents: allowedEventsGftStatus,
  });

  it('refuses to enrol a brand that has not qualified', () => {
    const result = transitionGftStatus('not_eligible', 'enrol');
    expect(!result.ok && result.error.message).toBe('Cannot enrol a brand whose GFT status is not_eligible');
  });
});
