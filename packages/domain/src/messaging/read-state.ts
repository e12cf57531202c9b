import type { MessageAuthorSide } from '../model';

export interface ThreadReadMarks {
  brandReadAt: Date | null;
  staffReadAt: Date | null;
}

export const readMarkOf = (marks: ThreadReadMarks, side: MessageAuthorSide) => (side === 'brand' ? marks.brandReadAt : marks.staffReadAt);

/** A message is unread for a side when the other side wrote it after that side last read the thread. */
export function isUnreadFor(side: MessageAuthorSide, marks: ThreadReadMarks, message: { authorSide: MessageAuthorSide; createdAt: Date }): boolean {
  if (message.authorSide === side) return false;
  const mark = readMarkOf(marks, side);
  return mark === null || message.createdAt > mark;
}

export const otherSide = (side: MessageAuthorSide): MessageAuthorSide => (side === 'brand' ? 'staff' : 'brand');
