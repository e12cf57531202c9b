import { z } from 'zod';
import { emailSchema, newPasswordSchema, personNameSchema } from './common';

export const signInInput = z.object({
  email: emailSchema,
  password: z.string().min(1, { error: 'is required' }).max(200),
});
export type SignInInput = z.infer<typeof signInInput>;

export const acceptInviteInput = z.object({
  token: z.string().min(20, { error: 'is not a valid invitation token' }).max(200),
  name: personNameSchema,
  password: newPasswordSchema,
});
export type AcceptInviteInput = z.infer<typeof acceptInviteInput>;
