import type { EntityManager } from '@mikro-orm/core';
import type { z } from 'zod';
import { Setting } from '../entities';

/**
 * A policy setting stored under `key`, over its defaults: a stored value that no longer fits the
 * schema (an older shape, a hand edit) falls back to the defaults instead of breaking the flow.
 */
export async function readSetting<T>(em: EntityManager, key: string, schema: z.ZodType<T>, defaults: T): Promise<T> {
  const row = await em.findOne(Setting, { key });
  if (!row) return defaults;
  const parsed = schema.safeParse({ ...(defaults as object), ...(row.value as object) });
  return parsed.success ? parsed.data : defaults;
}

/** Stores a setting (insert or replace) in the caller's transaction. */
export async function writeSetting(em: EntityManager, key: string, value: unknown, updatedById: string | null = null): Promise<void> {
  await em.upsert(Setting, { key, value: value as Record<string, unknown>, updatedBy: updatedById, updatedAt: new Date() });
}
