import { z } from 'zod';
import { REMOVAL_SOURCES } from '../model';
import { idSchema, marketplaceCodeSchema } from './common';

/** One enforcement action on a listing. Turnaround = removedAt − requestedAt. */
export const removalSchema = z.object({
  id: idSchema,
  /** The brand the removal protects; null for proactive removals matched to no brand. */
  brandId: idSchema.nullable(),
  marketplaceCode: marketplaceCodeSchema,
  listingId: idSchema,
  source: z.enum(REMOVAL_SOURCES),
  /** Set for `notice_gft` and `notice_standard` removals. */
  noticeItemId: idSchema.nullable(),
  /** Set for `authentication` removals. */
  authRequestId: idSchema.nullable(),
  requestedAt: z.date(),
  /** When the marketplace acknowledged the removal; null while the command is in flight. */
  removedAt: z.date().nullable(),
  reinstatedAt: z.date().nullable(),
  createdAt: z.date(),
});
export type Removal = z.infer<typeof removalSchema>;
