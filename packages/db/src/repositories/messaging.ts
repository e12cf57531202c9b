import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import type { BrandWorkload, ListStaffThreadsInput, MessageAuthorSide, ThreadScope, ThreadSubjectInput } from '@jf/domain';
import type { Brand} from '../entities';
import { AccountManagerAssignment, AllowlistEntry, Appeal, AuthRequest, Listing, Message, MessageThread, Notice, NoticeItem, type User } from '../entities';
import { containsText, findPage, type Page } from './paging';
import { selectRows } from './sql';

// ————————————————————————————————————————————————————————————— threads and messages

export interface NewMessage {
  author: User;
  side: MessageAuthorSide;
  body: string;
  attachments: string[];
  now: Date;
}

/** Appends a message: the writer has read everything so far, the other side has one more unread. */
export function postMessage(em: EntityManager, thread: MessageThread, message: NewMessage): Message {
  const created = em.create(Message, {
    thread,
    brand: thread.brand,
    author: message.author,
    authorSide: message.side,
    body: message.body,
    attachments: message.attachments,
    createdAt: message.now,
  });
  thread.lastMessageAt = message.now;
  if (message.side === 'brand') {
    thread.brandReadAt = message.now;
    thread.brandUnread = 0;
    thread.staffUnread += 1;
  } else {
    thread.staffReadAt = message.now;
    thread.staffUnread = 0;
    thread.brandUnread += 1;
  }
  return created;
}

export function startThread(em: EntityManager, brandId: string, subject: string, about: ThreadSubjectInput | undefined, first: NewMessage): { thread: MessageThread; message: Message } {
  const thread = em.create(MessageThread, {
    brand: brandId,
    subject,
    subjectType: about?.type ?? null,
    subjectId: about?.id ?? null,
    startedBy: first.author,
    lastMessageAt: first.now,
    createdAt: first.now,
  });
  return { thread, message: postMessage(em, thread, first) };
}

/** Opening a thread reads it; answers whether anything was unread. */
export function markThreadRead(thread: MessageThread, side: MessageAuthorSide, now: Date): boolean {
  const unread = side === 'brand' ? thread.brandUnread : thread.staffUnread;
  if (side === 'brand') {
    thread.brandReadAt = now;
    thread.brandUnread = 0;
  } else {
    thread.staffReadAt = now;
    thread.staffUnread = 0;
  }
  return unread > 0;
}

export const findThread = (em: EntityManager, id: string): Promise<MessageThread | null> =>
  em.findOne(MessageThread, id, { populate: ['brand', 'brand.accountManager', 'startedBy'] });

export const threadMessages = (em: EntityManager, threadId: string): Promise<Message[]> =>
  em.find(Message, { thread: threadId }, { orderBy: { createdAt: 'ASC', id: 'ASC' }, populate: ['author'] });

export interface BrandThreadQuery {
  about?: ThreadSubjectInput;
  unreadOnly: boolean;
  page: number;
  perPage: number;
}

export function brandThreads(em: EntityManager, brandId: string, query: BrandThreadQuery): Promise<Page<MessageThread>> {
  const where: FilterQuery<MessageThread> = { brand: brandId };
  if (query.about) Object.assign(where, { subjectType: query.about.type, subjectId: query.about.id });
  if (query.unreadOnly) where.brandUnread = { $gt: 0 };
  return findPage(em, MessageThread, where, { page: query.page, perPage: query.perPage, sort: { field: 'lastMessageAt', order: 'DESC' } }, { populate: ['startedBy'] });
}

/** The staff-visible condition on threads for a scope; null when the scope sees nothing. */
function scopeCondition(scope: ThreadScope): Exclude<FilterQuery<MessageThread>, string> | null {
  if (scope.kind === 'none') return null;
  return scope.kind === 'all' ? {} : { brand: { accountManager: scope.managerId } };
}

export async function staffThreads(em: EntityManager, scope: ThreadScope, input: ListStaffThreadsInput): Promise<Page<MessageThread>> {
  const visible = scopeCondition(scope);
  if (!visible) return { items: [], total: 0 };
  const { q, brandId, unread, subjectType, subjectId } = input.filter;
  const conditions: FilterQuery<MessageThread>[] = [visible];
  if (brandId) conditions.push({ brand: brandId });
  if (q) conditions.push({ subject: containsText(em, q) });
  if (unread !== undefined) conditions.push({ staffUnread: unread ? { $gt: 0 } : 0 });
  if (subjectType) conditions.push({ subjectType });
  if (subjectId) conditions.push({ subjectId });
  return findPage(em, MessageThread, { $and: conditions }, input, { populate: ['brand', 'startedBy'] });
}

export interface UnreadSummary {
  threads: number;
  messages: number;
}

async function unreadSummary(em: EntityManager, where: FilterQuery<MessageThread>, column: 'brandUnread' | 'staffUnread'): Promise<UnreadSummary> {
  const threads = await em.find(MessageThread, { $and: [where, { [column]: { $gt: 0 } }] }, { limit: 1000 });
  return { threads: threads.length, messages: threads.reduce((sum, thread) => sum + thread[column], 0) };
}

export const brandUnreadSummary = (em: EntityManager, brandId: string) => unreadSummary(em, { brand: brandId }, 'brandUnread');

export async function staffUnreadSummary(em: EntityManager, scope: ThreadScope): Promise<UnreadSummary> {
  const visible = scopeCondition(scope);
  return visible ? unreadSummary(em, visible, 'staffUnread') : { threads: 0, messages: 0 };
}

/** Whether the record a thread is about exists and belongs to the brand (a listing belongs to nobody). */
export async function threadSubjectExists(em: EntityManager, brandId: string, about: ThreadSubjectInput): Promise<boolean> {
  switch (about.type) {
    case 'notice':
      return (await em.count(Notice, { id: about.id, brand: brandId })) > 0;
    case 'notice_item':
      return (await em.count(NoticeItem, { id: about.id, brand: brandId })) > 0;
    case 'auth_request':
      return (await em.count(AuthRequest, { id: about.id, brand: brandId })) > 0;
    case 'appeal':
      return (await em.count(Appeal, { id: about.id, brand: brandId })) > 0;
    case 'listing':
      return (await em.count(Listing, { id: about.id })) > 0;
  }
}

/** The notice a thread's subject belongs to, so both apps can link to it; null for other subjects. */
export async function noticeOfSubject(em: EntityManager, thread: MessageThread): Promise<string | null> {
  if (thread.subjectType === 'notice') return thread.subjectId;
  if (thread.subjectType !== 'notice_item' || !thread.subjectId) return null;
  const item = await em.findOne(NoticeItem, thread.subjectId);
  return item?.notice.id ?? null;
}

// ————————————————————————————————————————————————————————————— account managers

/** Ends the brand's current stretch of management and starts the next one (also for "no manager"). */
export async function assignAccountManager(em: EntityManager, brand: Brand, manager: User | null, by: User, note: string | null, now: Date): Promise<void> {
  await em.nativeUpdate(AccountManagerAssignment, { brand, endedAt: null }, { endedAt: now });
  brand.accountManager = manager;
  em.create(AccountManagerAssignment, { brand, manager, assignedBy: by, note, startedAt: now, endedAt: null });
}

export const managerHistory = (em: EntityManager, brandId: string): Promise<AccountManagerAssignment[]> =>
  em.find(AccountManagerAssignment, { brand: brandId }, { orderBy: { startedAt: 'DESC', id: 'DESC' }, populate: ['manager', 'assignedBy'] });

/**
 * What waits on the manager for each of the brands (all brands when `managerId` is null, at most
 * `limit`). One statement with a correlated count per concern, each served by an index on the brand.
 */
export async function brandWorkloads(em: EntityManager, managerId: string | null, recentSince: Date, now: Date, limit = 500): Promise<BrandWorkload[]> {
  const rows = await selectRows<Record<string, unknown>>(
    em,
    `select b.id, b.name, b.gft_status, b.accuracy,
       (select count(*) from notice_items i where i.brand_id = b.id and i.state in ('pending', 'needs_info')) as open_items,
       (select count(*) from auth_requests a where a.brand_id = b.id and a.state = 'open' and a.due_at < ?) as overdue_auth,
       (select count(*) from appeals p where p.brand_id = b.id and p.state = 'open') as open_appeals,
       (select count(*) from message_threads t where t.brand_id = b.id and t.staff_unread > 0) as unread_threads,
       (select count(*) from notice_items r where r.brand_id = b.id and r.state = 'rejected' and r.decided_at >= ?) as recent_rejections
     from brands b
     where ${managerId ? 'b.account_manager_id = ?' : '1 = 1'}
     order by b.name
     limit ?`,
    managerId ? [now, recentSince, managerId, limit] : [now, recentSince, limit],
  );
  return rows.map((row) => ({
    brandId: row.id as string,
    brandName: row.name as string,
    gftStatus: row.gft_status as BrandWorkload['gftStatus'],
    accuracy: row.accuracy === null ? null : Number(row.accuracy),
    openNoticeItems: Number(row.open_items),
    overdueAuthRequests: Number(row.overdue_auth),
    pendingAppeals: Number(row.open_appeals),
    unreadThreads: Number(row.unread_threads),
    recentRejections: Number(row.recent_rejections),
  }));
}

// ————————————————————————————————————————————————————————————— allowlist

export const brandAllowlist = (em: EntityManager, brandId: string): Promise<AllowlistEntry[]> =>
  em.find(AllowlistEntry, { brand: brandId }, { orderBy: { createdAt: 'DESC', id: 'ASC' }, populate: ['addedBy'] });

/** Whether a seller is authorised by the brand on the marketplace; detection asks this before acting. */
export async function isAllowlisted(em: EntityManager, brandId: string, marketplaceCode: string, sellerExternalId: string): Promise<boolean> {
  return (await em.count(AllowlistEntry, { brand: brandId, marketplace: marketplaceCode as never, sellerExternalId })) > 0;
}
