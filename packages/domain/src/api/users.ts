import { z } from 'zod';
import { STAFF_ROLES, USER_STATUSES } from '../model';
import { emailSchema, idSchema, listParamsSchema, newPasswordSchema, personNameSchema } from './common';

export const STAFF_SORT_FIELDS = ['name', 'email', 'role', 'status', 'createdAt'] as const;

export const staffFilterSchema = z.object({
  q: z.string().trim().max(200).optional(),
  role: z.enum(STAFF_ROLES).optional(),
  status: z.enum(USER_STATUSES).optional(),
  ids: z.array(idSchema).max(500).optional(),
});
export const listStaffInput = listParamsSchema(staffFilterSchema, STAFF_SORT_FIELDS);
export type ListStaffInput = z.infer<typeof listStaffInput>;

export const createStaffUserInput = z.object({
  email: emailSchema,
  name: personNameSchema,
  role: z.enum(STAFF_ROLES),
  password: newPasswordSchema,
});
export type CreateStaffUserInput = z.infer<typeof createStaffUserInput>;

export const updateStaffUserInput = z.object({
  id: idSchema,
  name: personNameSchema.optional(),
  role: z.enum(STAFF_ROLES).optional(),
  status: z.enum(['active', 'deactivated']).optional(),
});
export type UpdateStaffUserInput = z.infer<typeof updateStaffUserInput>;

export const inviteBrandUserInput = z.object({
  email: emailSchema,
  name: personNameSchema,
});
export type InviteBrandUserInput = z.infer<typeof inviteBrandUserInput>;

export const brandUserRefInput = z.object({ userId: idSchema });
export type BrandUserRefInput = z.infer<typeof brandUserRefInput>;
