import { randomUUID } from 'node:crypto';
import { DateTimeType } from '@mikro-orm/core';

/** Shared column definitions: every entity has a uuid key and a creation time. */
/** The class field initializer (`id = newId()`) assigns it, so an id exists before the first flush. */
export const idProperty = { type: 'uuid', primary: true } as const;
export const newId = (): string => randomUUID();
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
