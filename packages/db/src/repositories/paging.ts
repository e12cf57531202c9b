import type { EntityManager, FilterQuery, QueryOrderMap } from '@mikro-orm/core';
import { BetterSqliteDriver } from '@mikro-orm/better-sqlite';

export interface PageRequest<Field extends string> {
  page: number;
  perPage: number;
  sort: { field: Field; order: 'ASC' | 'DESC' };
}

export interface Page<T> {
  items: T[];
  total: number;
}

/** One page of an entity with a stable order: the requested field, then the primary key. */
export async function findPage<T extends object, Field extends string>(
  em: EntityManager,
  entity: new () => T,
  where: FilterQuery<T>,
  request: PageRequest<Field>,
  options: { populate?: readonly string[]; sortColumns?: Partial<Record<Field, string>> } = {},
): Promise<Page<T>> {
  const sortPath = options.sortColumns?.[request.sort.field] ?? request.sort.field;
  const orderBy = { [sortPath]: request.sort.order, id: 'ASC' } as QueryOrderMap<T>;
  const [items, total] = await em.findAndCount(entity, where, {
    orderBy,
    limit: request.perPage,
    offset: (request.page - 1) * request.perPage,
    populate: options.populate as never,
  });
  return { items, total };
}

/**
 * Case-insensitive substring match on both dialects: SQLite's LIKE already ignores ASCII case and has no
 * ILIKE. Wildcard characters in the search text are dropped rather than escaped, because SQLite's LIKE
 * has no default escape character.
 */
export function containsText(em: EntityManager, text: string): { $like: string } | { $ilike: string } {
  const pattern = `%${text.replace(/[%_\\]/g, '')}%`;
  return em.getDriver() instanceof BetterSqliteDriver ? { $like: pattern } : { $ilike: pattern };
}
