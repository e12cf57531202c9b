import { z } from 'zod';
import { THREAD_SUBJECT_TYPES } from '../model';
import { idSchema, listParamsSchema } from './common';

export const MAX_MESSAGE_ATTACHMENTS = 5;
export const MAX_MESSAGE_LENGTH = 10_000;

const messageBodySchema = z
  .string()
  .trim()
  .min(1, { error: 'is required: write a message' })
  .max(MAX_MESSAGE_LENGTH, { error: `must be at most ${MAX_MESSAGE_LENGTH} characters` });

const attachmentIdsSchema = z
  .array(idSchema)
  .max(MAX_MESSAGE_ATTACHMENTS, { error: `at most ${MAX_MESSAGE_ATTACHMENTS} attachments per message` })
  .default([]);

/** A thread is about one record (a notice item, an appeal…) or, without a subject, general correspondence. */
export const threadSubjectInput = z.object({ type: z.enum(THREAD_SUBJECT_TYPES), id: idSchema });
export type ThreadSubjectInput = z.infer<typeof threadSubjectInput>;

export const startThreadInput = z.object({
  subject: z.string().trim().min(3, { error: 'must be at least 3 characters' }).max(300, { error: 'must be at most 300 characters' }),
  body: messageBodySchema,
  about: threadSubjectInput.optional(),
  attachmentIds: attachmentIdsSchema,
});
export type StartThreadInput = z.infer<typeof startThreadInput>;

/** Staff open a thread with a brand they may correspond with. */
export const startStaffThreadInput = startThreadInput.extend({ brandId: idSchema });
export type StartStaffThreadInput = z.infer<typeof startStaffThreadInput>;

export const replyInput = z.object({ threadId: idSchema, body: messageBodySchema, attachmentIds: attachmentIdsSchema });
export type ReplyInput = z.infer<typeof replyInput>;

export const threadRefInput = z.object({ threadId: idSchema });

export const brandThreadsInput = z.object({
  about: threadSubjectInput.optional(),
  unreadOnly: z.boolean().default(false),
  page: z.int().min(1).default(1),
  perPage: z.int().min(1).max(100).default(25),
});
export type BrandThreadsInput = z.infer<typeof brandThreadsInput>;

export const THREAD_SORT_FIELDS = ['lastMessageAt', 'subject', 'createdAt'] as const;
export const staffThreadFilterSchema = z.object({
  q: z.string().trim().max(200).optional(),
  brandId: idSchema.optional(),
  unread: z.boolean().optional(),
  subjectType: z.enum(THREAD_SUBJECT_TYPES).optional(),
  subjectId: idSchema.optional(),
});
export const listStaffThreadsInput = listParamsSchema(staffThreadFilterSchema, THREAD_SORT_FIELDS);
export type ListStaffThreadsInput = z.infer<typeof listStaffThreadsInput>;
