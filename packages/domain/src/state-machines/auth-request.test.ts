import { describe, expect, it } from 'vitest';
import { AUTH_REQUEST_STATES } from '../model';
import {
  AUTH_REQUEST_EVENTS,
  allowedEventsAuthRequest,
  canAuthRequest,
  transitionAuthRequest,
} from './auth-request';
import { describeTransitionTable } from './transition-table.testing';

describe('authentication request state machine', () => {
  describeTransitionTable({
    states: AUTH_REQUEST_STATES,
    events: AUTH_REQUEST_EVENTS,
    legal: {
      open: { answer: 'answered', expire: 'expired' },
      answered: {},
      expired: {},
    },
    transition: transitionAuthRequest,
    can: canAuthRequest,
    allowedEvents: allowedEventsAuthRequest,
  });

  it('refuses a late answer with a message naming both', () => {
    const result = transitionAuthRequest('expired', 'answer');
    expect(!result.ok && result.error.message).toBe(
      'Cannot answer an authentication request that is expired',
    );
  });
});
