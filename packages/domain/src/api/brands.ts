import { z } from 'zod';
import { BRAND_STATUSES, GFT_STATUSES, JOINT_FORCE_PHASES } from '../model';
import { GFT_EVENTS } from '../state-machines/gft-status';
import { idSchema, listParamsSchema } from './common';

export const BRAND_SORT_FIELDS = ['name', 'gftStatus', 'status', 'accuracy', 'createdAt'] as const;

export const brandFilterSchema = z.object({
  q: z.string().trim().max(200).optional(),
  gftStatus: z.enum(GFT_STATUSES).optional(),
  status: z.enum(BRAND_STATUSES).optional(),
  accountManagerId: idSchema.optional(),
  ids: z.array(idSchema).max(500).optional(),
});
export type BrandFilter = z.infer<typeof brandFilterSchema>;

export const listBrandsInput = listParamsSchema(brandFilterSchema, BRAND_SORT_FIELDS);
export type ListBrandsInput = z.infer<typeof listBrandsInput>;

/** Plain attribute edits; the GFT status only moves through its state machine (gftTransition). */
export const updateBrandInput = z.object({
  id: idSchema,
  status: z.enum(BRAND_STATUSES).optional(),
  jointForcePhase: z.enum(JOINT_FORCE_PHASES).optional(),
  accountManagerId: idSchema.nullable().optional(),
  /** Why the brand changes hands; kept in the assignment history. */
  managerNote: z.string().trim().max(1000).optional(),
});
export type UpdateBrandInput = z.infer<typeof updateBrandInput>;

export const gftTransitionInput = z.object({
  id: idSchema,
  event: z.enum(GFT_EVENTS),
  reason: z.string().trim().min(3, { error: 'must explain the change to the brand' }).max(2000),
});
export type GftTransitionInput = z.infer<typeof gftTransitionInput>;

export const managerHistoryInput = z.object({ brandId: idSchema });

/** An authorised seller or licensee of the brand on one marketplace: never auto-removed, never sent as a suspect. */
export const addAllowlistEntryInput = z.object({
  brandId: idSchema,
  marketplaceCode: z.string().trim().min(1, { error: 'is required' }).max(50),
  sellerExternalId: z.string().trim().min(1, { error: 'is required' }).max(200),
  sellerName: z.string().trim().max(300).optional(),
  note: z.string().trim().min(3, { error: 'must say why the seller is authorised (licence, distribution contract…)' }).max(2000),
});
export type AddAllowlistEntryInput = z.infer<typeof addAllowlistEntryInput>;

export const removeAllowlistEntryInput = z.object({ id: idSchema, reason: z.string().trim().min(3, { error: 'must say why' }).max(2000) });
