import { randomFillSync } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { DateTimeType } from '@mikro-orm/core';

/** Shared column definitions: every entity has a uuid key and a creation time. */
/** The class field initializer (`id = newId()`) assigns it, so an id exists before the first flush. */
export const idProperty = { type: 'uuid', primary: true } as const;
/**
 * Time-ordered (UUIDv7): new rows land at the end of every primary-key index instead of at random
 * pages, which keeps inserts from dirtying a page per index per row (SQLite's WAL, PostgreSQL's B-trees).
 */
export const newId = (): string => uuidv7({ random: randomBytes16() });

// Random bytes drawn 4 KiB at a time: a notice creates a dozen ids, and a system call for each showed in profiles.
const randomPool = new Uint8Array(4096);
let randomOffset = randomPool.length;
function randomBytes16(): Uint8Array {
  if (randomOffset === randomPool.length) {
    randomFillSync(randomPool);
    randomOffset = 0;
  }
  randomOffset += 16;
  return randomPool.subarray(randomOffset - 16, randomOffset);
}
export const createdAtProperty = { type: DateTimeType, onCreate: () => new Date() } as const;
export const updatedAtProperty = {
  type: DateTimeType,
  onCreate: () => new Date(),
  onUpdate: () => new Date(),
} as const;

/** Enum columns are stored as short strings with a check constraint listing the allowed values. */
export const enumProperty = <T extends readonly string[]>(
  items: T,
  extra: { default?: T[number]; nullable?: boolean } = {},
) => ({ enum: true, items: () => [...items], ...extra }) as const;
