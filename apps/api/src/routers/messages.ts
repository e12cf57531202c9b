import {
  brandThreadsInput,
  forbidden,
  invalidInput,
  listStaffThreadsInput,
  notFound,
  replyInput,
  scopeCovers,
  scopeMayWrite,
  staffThreadScope,
  startStaffThreadInput,
  startThreadInput,
  threadRefInput,
  type FieldIssues,
  type MessageAuthorSide,
  type StartThreadInput,
} from '@jf/domain';
import {
  brandThreads,
  brandUnreadSummary,
  findBrand,
  findDocument,
  findThread,
  markThreadRead,
  noticeOfSubject,
  notify,
  postMessage,
  staffThreads,
  staffUnreadSummary,
  startThread,
  threadMessages,
  threadSubjectExists,
  type Message,
  type MessageThread,
} from '@jf/db';
import type { Context } from '../trpc/context';
import { audit, brandScopedProcedure, requirePermission } from '../trpc/init';


function presentThread(thread: MessageThread, side: MessageAuthorSide) {
  return {
    id: thread.id,
    brandId: thread.brand.id,
    brandName: thread.brand.name ?? null,
    subject: thread.subject,
    about: thread.subjectType && thread.subjectId ? { type: thread.subjectType, id: thread.subjectId } : null,
    startedBy: thread.startedBy ? { id: thread.startedBy.id, name: thread.startedBy.name ?? null } : null,
    unread: side === 'brand' ? thread.brandUnread : thread.staffUnread,
    /** What the other side has not read yet, so the writer knows whether they have seen it. */
    unreadByOtherSide: side === 'brand' ? thread.staffUnread : thread.brandUnread,
    lastMessageAt: thread.lastMessageAt.toISOString(),
    createdAt: thread.createdAt.toISOString(),
  };
}

function presentMessage(message: Message, readMark: Date | null, side: MessageAuthorSide) {
  return {
    id: message.id,
    authorSide: message.authorSide,
    author: message.author ? { id: message.author.id, name: message.author.name } : null,
    body: message.body,
    attachments: message.attachments,
    /** Unread for the caller when they opened the thread (before this visit marked it read). */
    unread: message.authorSide !== side && (readMark === null || message.createdAt > readMark),
    createdAt: message.createdAt.toISOString(),
  };
}

/** Attachments must be documents uploaded for the thread's brand; nothing is stored when one is not. */
async function checkAttachments(ctx: Context, brandId: string, ids: string[]): Promise<void> {
  const issues: FieldIssues = {};
  for (const [index, id] of ids.entries()) {
    if (!(await findDocument(ctx.em, id, brandId))) issues[`attachmentIds.${index}`] = ['is not a document uploaded for this brand'];
  }
  if (Object.keys(issues).length > 0) throw invalidInput('The message was not sent', issues);
}

async function checkSubject(ctx: Context, brandId: string, about: StartThreadInput['about']): Promise<void> {
  if (about && !(await threadSubjectExists(ctx.em, brandId, about))) {
    throw invalidInput('The thread was not started', { 'about.id': [`is not a ${about.type.replace('_', ' ')} of this brand`] });
  }
}

/** Opens the thread for the caller's side: answers it with its messages and clears the side's unread count. */
async function openThread(ctx: Context, thread: MessageThread, side: MessageAuthorSide) {
  const readMark = side === 'brand' ? thread.brandReadAt : thread.staffReadAt;
  const [messages, aboutNoticeId] = await Promise.all([threadMessages(ctx.em, thread.id), noticeOfSubject(ctx.em, thread)]);
  return { thread: { ...presentThread(thread, side), aboutNoticeId }, messages: messages.map((message) => presentMessage(message, readMark, side)) };
}

/** The start of a message, as notifications and their e-mails quote it. */
const preview = (body: string) => (body.length > 500 ? `${body.slice(0, 497)}…` : body);

function notifyBrandOfStaffMessage(ctx: Context, thread: MessageThread, body: string) {
  notify(ctx.em, {
    brandId: thread.brand.id,
    kind: 'message',
    title: `New message from your account manager: ${thread.subject}`,
    body: preview(body),
    entityType: 'message_thread',
    entityId: thread.id,
  });
}

/** A brand's message reaches its account manager; a brand without one reaches nobody until one is assigned. */
function notifyManagerOfBrandMessage(ctx: Context, thread: MessageThread, body: string) {
  const managerId = thread.brand.accountManager?.id;
  if (!managerId) return;
  notify(ctx.em, {
    brandId: thread.brand.id,
    userId: managerId,
    kind: 'message',
    title: `${thread.brand.name}: ${thread.subject}`,
    body: preview(body),
    entityType: 'message_thread',
    entityId: thread.id,
  });
}

async function brandThreadOrNotFound(ctx: Context & { brandId: string }, threadId: string): Promise<MessageThread> {
  const thread = await findThread(ctx.em, threadId);
  if (!thread || thread.brand.id !== ctx.brandId) throw notFound('Thread');
  return thread;
}

export const messagesRouter = {
  threads: brandScopedProcedure()
    .input(brandThreadsInput)
    .query(async ({ ctx, input }) => {
      const page = await brandThreads(ctx.em, ctx.brandId, input);
      return { data: page.items.map((thread) => presentThread(thread, 'brand')), total: page.total };
    }),

  unread: brandScopedProcedure().query(({ ctx }) => brandUnreadSummary(ctx.em, ctx.brandId)),

  /** The thread and its messages; opening it marks it read for the brand. */
  open: brandScopedProcedure()
    .input(threadRefInput)
    .mutation(async ({ ctx, input }) => {
      const thread = await brandThreadOrNotFound(ctx, input.threadId);
      const opened = await openThread(ctx, thread, 'brand');
      markThreadRead(thread, 'brand', new Date());
      return opened;
    }),

  start: brandScopedProcedure()
    .input(startThreadInput)
    .mutation(async ({ ctx, input }) => {
      await checkSubject(ctx, ctx.brandId, input.about);
      await checkAttachments(ctx, ctx.brandId, input.attachmentIds);
      const { thread } = startThread(ctx.em, ctx.brandId, input.subject, input.about, { author: ctx.user, side: 'brand', body: input.body, attachments: input.attachmentIds, now: new Date() });
      await ctx.em.flush();
      const stored = (await findThread(ctx.em, thread.id))!;
      notifyManagerOfBrandMessage(ctx, stored, input.body);
      audit(ctx, { action: 'thread_started', entityType: 'message_thread', entityId: thread.id, brandId: ctx.brandId, after: { subject: thread.subject, about: input.about ?? null } });
      return presentThread(stored, 'brand');
    }),

  reply: brandScopedProcedure()
    .input(replyInput)
    .mutation(async ({ ctx, input }) => {
      const thread = await brandThreadOrNotFound(ctx, input.threadId);
      await checkAttachments(ctx, ctx.brandId, input.attachmentIds);
      const message = postMessage(ctx.em, thread, { author: ctx.user, side: 'brand', body: input.body, attachments: input.attachmentIds, now: new Date() });
      notifyManagerOfBrandMessage(ctx, thread, input.body);
      audit(ctx, { action: 'message_posted', entityType: 'message_thread', entityId: thread.id, brandId: ctx.brandId, after: { messageId: message.id } });
      return presentMessage(message, null, 'brand');
    }),
};

async function staffThreadOrNotFound(ctx: Context & { user: NonNullable<Context['user']> }, threadId: string, forWriting: boolean): Promise<MessageThread> {
  const thread = await findThread(ctx.em, threadId);
  const scope = staffThreadScope(ctx.user.role, ctx.user.id);
  const managerId = thread?.brand.accountManager?.id ?? null;
  if (!thread || !scopeCovers(scope, managerId)) throw notFound('Thread');
  if (forWriting && !scopeMayWrite(scope, managerId)) throw forbidden('Only the brand’s account manager or a platform admin can write to this brand');
  return thread;
}

export const adminMessagesRouter = {
  list: requirePermission('messages.read')
    .input(listStaffThreadsInput)
    .query(async ({ ctx, input }) => {
      const page = await staffThreads(ctx.em, staffThreadScope(ctx.user.role, ctx.user.id), input);
      return { data: page.items.map((thread) => presentThread(thread, 'staff')), total: page.total };
    }),

  unread: requirePermission('messages.read').query(({ ctx }) => staffUnreadSummary(ctx.em, staffThreadScope(ctx.user.role, ctx.user.id))),

  /** Opening marks the thread read for staff only when the reader may answer it (leadership reads silently). */
  open: requirePermission('messages.read')
    .input(threadRefInput)
    .mutation(async ({ ctx, input }) => {
      const thread = await staffThreadOrNotFound(ctx, input.threadId, false);
      const opened = await openThread(ctx, thread, 'staff');
      if (scopeMayWrite(staffThreadScope(ctx.user.role, ctx.user.id), thread.brand.accountManager?.id ?? null)) markThreadRead(thread, 'staff', new Date());
      return opened;
    }),

  start: requirePermission('messages.read')
    .input(startStaffThreadInput)
    .mutation(async ({ ctx, input }) => {
      const brand = await findBrand(ctx.em, input.brandId);
      const scope = staffThreadScope(ctx.user.role, ctx.user.id);
      if (!brand || !scopeCovers(scope, brand.accountManager?.id ?? null)) throw notFound('Brand');
      if (!scopeMayWrite(scope, brand.accountManager?.id ?? null)) throw forbidden('Only the brand’s account manager or a platform admin can write to this brand');
      await checkSubject(ctx, brand.id, input.about);
      await checkAttachments(ctx, brand.id, input.attachmentIds);
      const { thread } = startThread(ctx.em, brand.id, input.subject, input.about, { author: ctx.user, side: 'staff', body: input.body, attachments: input.attachmentIds, now: new Date() });
      notifyBrandOfStaffMessage(ctx, thread, input.body);
      await ctx.em.flush();
      audit(ctx, { action: 'thread_started', entityType: 'message_thread', entityId: thread.id, brandId: brand.id, after: { subject: thread.subject, about: input.about ?? null } });
      return presentThread((await findThread(ctx.em, thread.id))!, 'staff');
    }),

  reply: requirePermission('messages.read')
    .input(replyInput)
    .mutation(async ({ ctx, input }) => {
      const thread = await staffThreadOrNotFound(ctx, input.threadId, true);
      await checkAttachments(ctx, thread.brand.id, input.attachmentIds);
      const message = postMessage(ctx.em, thread, { author: ctx.user, side: 'staff', body: input.body, attachments: input.attachmentIds, now: new Date() });
      notifyBrandOfStaffMessage(ctx, thread, input.body);
      audit(ctx, { action: 'message_posted', entityType: 'message_thread', entityId: thread.id, brandId: thread.brand.id, after: { messageId: message.id } });
      return presentMessage(message, null, 'staff');
    }),
};
