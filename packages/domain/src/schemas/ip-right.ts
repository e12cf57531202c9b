import { z } from 'zod';
import { IP_RIGHT_KINDS, IP_RIGHT_STATUSES } from '../model';
import { idSchema } from './common';

export const ipRightSchema = z.object({
  id: idSchema,
  brandId: idSchema,
  kind: z.enum(IP_RIGHT_KINDS),
  registrationNumber: z.string().min(1).max(100),
  /** Country or region code of the registering office, e.g. CN, US, EU, WIPO. */
  jurisdiction: z.string().min(2).max(10),
  /** Nice classes for trademarks, Locarno or IPC classes for designs and patents. */
  classes: z.array(z.string().min(1)),
  validFrom: z.date(),
  validUntil: z.date(),
  /** Storage key of the registration certificate. */
  evidenceDocument: z.string().min(1).max(500).nullable(),
  status: z.enum(IP_RIGHT_STATUSES),
  rejectionReason: z.string().nullable(),
  verifiedById: idSchema.nullable(),
  verifiedAt: z.date().nullable(),
  createdAt: z.date(),
});
export type IpRight = z.infer<typeof ipRightSchema>;
