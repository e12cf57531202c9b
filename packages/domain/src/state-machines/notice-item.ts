import { ok, type Result } from '../errors';
import type { NoticeItemState } from '../model';
import { assertNever, refuse } from './shared';

export const NOTICE_ITEM_EVENTS = [
  'remove',
  'reject',
  'request_info',
  'resubmit',
  'appeal_reinstated',
  'audit_overturned',
] as const;
/**
 * - `remove`, `reject`, `request_info`: a reviewer's decision (or, for GFT notices, the
 *   marketplace acknowledging the immediate removal).
 * - `resubmit`: the brand answered a request for information; the item goes back to the queue.
 * - `appeal_reinstated`: the seller's counter-notice succeeded.
 * - `audit_overturned`: a GFT audit found the removal wrong.
 */
export type NoticeItemEvent = (typeof NOTICE_ITEM_EVENTS)[number];

/** `rejected` and `reinstated` are final: the brand files a new notice instead. */
export function transitionNoticeItem(
  state: NoticeItemState,
  event: NoticeItemEvent,
): Result<NoticeItemState> {
  switch (state) {
    case 'pending':
      if (event === 'remove') return ok('removed');
      if (event === 'reject') return ok('rejected');
      if (event === 'request_info') return ok('needs_info');
      break;
    case 'needs_info':
      if (event === 'resubmit') return ok('pending');
      break;
    case 'removed':
      if (event === 'appeal_reinstated' || event === 'audit_overturned') return ok('reinstated');
      break;
    case 'rejected':
    case 'reinstated':
      break;
    default:
      return assertNever(state);
  }
  return refuse(`Cannot ${event} a notice item that is ${state}`);
}

export const canNoticeItem = (state: NoticeItemState, event: NoticeItemEvent): boolean =>
  transitionNoticeItem(state, event).ok;

export const allowedEventsNoticeItem = (state: NoticeItemState): NoticeItemEvent[] =>
  NOTICE_ITEM_EVENTS.filter((event) => canNoticeItem(state, event));
