import { z } from 'zod';
import { MARKETPLACE_CODES } from '../model';

/** Every entity key is a uuid string; relations are stored as these ids, never nested objects. */
export const idSchema = z.uuid();

/** Scores, rates and thresholds live in [0, 1]. */
export const probabilitySchema = z.number().min(0).max(1);

/** Money is kept in minor units (cents, fen) so sums stay exact. */
export const priceCentsSchema = z.int().nonnegative();
export const currencySchema = z.string().regex(/^[A-Z]{3}$/, 'Use a three-letter ISO 4217 code, e.g. CNY');

export const marketplaceCodeSchema = z.enum(MARKETPLACE_CODES);

/** Free-form JSON object (audit snapshots, outbox payloads). */
export const jsonObjectSchema = z.record(z.string(), z.unknown());
