import { describe, expect, it } from 'vitest';
import { NOTICE_ITEM_STATES } from '../model';
import {
  NOTICE_ITEM_EVENTS,
  allowedEventsNoticeItem,
  canNoticeItem,
  transitionNoticeItem,
} from './notice-item';
import { describeTransitionTable } from './transition-table.testing';

describe('notice item state machine', () => {
  describeTransitionTable({
    states: NOTICE_ITEM_STATES,
    events: NOTICE_ITEM_EVENTS,
    legal: {
      pending: { remove: 'removed', reject: 'rejected', request_info: 'needs_info' },
      needs_info: { resubmit: 'pending' },
      removed: { appeal_reinstated: 'reinstated', audit_overturned: 'reinstated' },
      rejected: {},
      reinstated: {},
    },
    transition: transitionNoticeItem,
    can: canNoticeItem,
    allowedEvents: allowedEventsNoticeItem,
  });

  it('names the event and the state in the error message', () => {
    const result = transitionNoticeItem('removed', 'resubmit');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.message).toBe('Cannot resubmit a notice item that is removed');
  });
});
