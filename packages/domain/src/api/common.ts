import { z } from 'zod';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, weakPasswordReasons } from '../auth/password-policy';

export const idSchema = z.uuid({ error: 'must be a valid id' });

/** react-admin's list parameters, validated once for every admin list procedure. */
export const sortOrderSchema = z.enum(['ASC', 'DESC']);
export const listParamsSchema = <Filter extends z.ZodType, Field extends readonly [string, ...string[]]>(
  filter: Filter,
  sortFields: Field,
) =>
  z.object({
    page: z.int().min(1).default(1),
    perPage: z.int().min(1).max(500).default(25),
    sort: z
      .object({ field: z.enum(sortFields), order: sortOrderSchema })
      .default({ field: sortFields[0], order: 'ASC' } as never),
    filter: filter.default({} as never),
  });

export const pageResultSchema = <Item extends z.ZodType>(item: Item) =>
  z.object({ data: z.array(item), total: z.int().nonnegative() });

/** Trimmed and lower-cased before validation, so " Ann@X.com " and "ann@x.com" are one account. */
export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: 'must be a valid e-mail address' }).max(254, { error: 'must be at most 254 characters' }));

/**
 * Length beats composition rules (NIST 800-63B); a ceiling keeps argon2 work bounded. The most common
 * passwords are refused here too; the check against the account's e-mail needs the account
 * (`assertNewPassword`).
 */
export const newPasswordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, { error: `must be at least ${PASSWORD_MIN_LENGTH} characters` })
  .max(PASSWORD_MAX_LENGTH, { error: `must be at most ${PASSWORD_MAX_LENGTH} characters` })
  .check((ctx) => {
    for (const message of weakPasswordReasons(ctx.value)) ctx.issues.push({ code: 'custom', message, input: ctx.value });
  });

export const personNameSchema = z.string().trim().min(1, { error: 'is required' }).max(200);
