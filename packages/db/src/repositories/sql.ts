import { JsonType, type EntityManager, type EntityName } from '@mikro-orm/core';
import type { AbstractSqlConnection } from '@mikro-orm/knex';

export type SqlValue = string | number | boolean | Date | null;

/**
 * Rows of a hand-written query on the hot paths, in the caller's transaction when there is one. The
 * values stay bound parameters (MikroORM's `execute` writes them into the SQL text), so a repeated
 * statement is prepared once. Write `?` placeholders; both dialects accept the SQL used here.
 */
export async function selectRows<Row>(em: EntityManager, sql: string, params: readonly SqlValue[]): Promise<Row[]> {
  const connection = em.getConnection() as unknown as AbstractSqlConnection;
  const query = connection.getKnex().raw(sql, params);
  const transaction = em.getTransactionContext();
  if (transaction) query.transacting(transaction);
  const result: unknown = await query;
  // better-sqlite3 answers the rows; node-postgres a result holding them.
  return (Array.isArray(result) ? result : (result as { rows: Row[] }).rows) as Row[];
}

/** A hand-written write on the hot paths (see `selectRows`); answers nothing. */
export async function runStatement(em: EntityManager, sql: string, params: readonly SqlValue[]): Promise<void> {
  const connection = em.getConnection() as unknown as AbstractSqlConnection;
  const query = connection.getKnex().raw(sql, params);
  const transaction = em.getTransactionContext();
  if (transaction) query.transacting(transaction);
  await query;
}

/** A date column as read by `selectRows`: SQLite answers epoch milliseconds, PostgreSQL a Date. */
export const dateOf = (value: unknown): Date | null => (value === null || value === undefined ? null : new Date(value as number | string | Date));

/** A boolean column as read by `selectRows`: SQLite answers 0 or 1. */
export const booleanOf = (value: unknown): boolean | null => (value === null || value === undefined ? null : Boolean(value));

/**
 * Inserts plain rows keyed by entity property (relations by id), as one statement with bound
 * parameters: unlike `em.insertMany`, which writes the values into the SQL, a repeated insert of the
 * same shape reuses its prepared statement. Dates bind as dates, JSON properties as JSON text.
 */
export async function insertRows<Entity extends object>(em: EntityManager, entity: EntityName<Entity>, rows: readonly Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  const meta = em.getMetadata().get<Entity>(entity);
  const columns = rows.map((row) => {
    const record: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(row)) {
      const prop = (meta.properties as Record<string, (typeof meta.props)[number] | undefined>)[key];
      if (!prop) throw new Error(`${meta.className} has no property ${key}`);
      record[prop.fieldNames[0]!] = value !== null && value !== undefined && prop.customType instanceof JsonType ? JSON.stringify(value) : (value ?? null);
    }
    return record;
  });
  const connection = em.getConnection() as unknown as AbstractSqlConnection;
  const query = connection.getKnex().insert(columns).into(meta.tableName);
  const transaction = em.getTransactionContext();
  if (transaction) query.transacting(transaction);
  await query;
}
