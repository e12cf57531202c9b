import { describe, expect, it } from 'vitest';
import { APPEAL_STATES } from '../model';
import { APPEAL_EVENTS, allowedEventsAppeal, canAppeal, transitionAppeal } from './appeal';
import { describeTransitionTable } from './transition-table.testing';

describe('appeal state machine', () => {
  describeTransitionTable({
    states: APPEAL_STATES,
    events: APPEAL_EVENTS,
    legal: {
      open: { retract: 'reinstated', contest: 'contested' },
      contested: { uphold: 'upheld', reinstate: 'reinstated' },
      upheld: {},
      reinstated: {},
    },
    transition: transitionAppeal,
    can: canAppeal,
    allowedEvents: allowedEventsAppeal,
  });

  it('refuses to decide an appeal twice', () => {
    const result = transitionAppeal('upheld', 'reinstate');
    expect(!result.ok && result.error.message).toBe('Cannot reinstate an appeal that is upheld');
  });

  it('lets no reviewer decide before the brand has contested', () => {
    expect(canAppeal('open', 'uphold')).toBe(false);
    expect(allowedEventsAppeal('open')).toEqual(['retract', 'contest']);
  });
});
