import { z } from 'zod';
import { MESSAGE_AUTHOR_SIDES, THREAD_SUBJECT_TYPES } from '../model';
import { idSchema } from './common';

/** Correspondence between a brand and its account manager, optionally about one record. */
export const messageThreadSchema = z.object({
  id: idSchema,
  brandId: idSchema,
  subject: z.string().min(1).max(300),
  subjectType: z.enum(THREAD_SUBJECT_TYPES).nullable(),
  subjectId: idSchema.nullable(),
  /** Read state per side: a message is unread for a side when it is newer than that side's mark. */
  brandReadAt: z.date().nullable(),
  staffReadAt: z.date().nullable(),
  lastMessageAt: z.date(),
  createdAt: z.date(),
});
export type MessageThread = z.infer<typeof messageThreadSchema>;

export const messageSchema = z.object({
  id: idSchema,
  threadId: idSchema,
  brandId: idSchema,
  /** Null once the author has been deleted; `authorSide` still says who wrote it. */
  authorId: idSchema.nullable(),
  authorSide: z.enum(MESSAGE_AUTHOR_SIDES),
  body: z.string().min(1).max(10_000),
  createdAt: z.date(),
});
export type Message = z.infer<typeof messageSchema>;
