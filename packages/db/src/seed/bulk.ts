import {
  Utils,
  type EntityManager,
  type EntityMetadata,
  type EntityName,
  type EntityProperty,
} from '@mikro-orm/core';
import type { DatabaseKind } from '../database';

/** A row keyed by entity property names; relations hold the referenced primary key. */
export type Row = Record<string, unknown>;

type Encoder = (value: unknown) => string;

const quoteString = (value: string): string => `'${value.replaceAll("'", "''")}'`;

/**
 * Encoders from JavaScript values to SQL literals, matching what MikroORM itself writes:
 * SQLite keeps datetimes as integer milliseconds and booleans as 0/1, PostgreSQL gets
 * timestamptz and boolean literals. Values are inlined (MikroORM's `execute` inlines
 * parameters too), which keeps one multi-row statement cheap to build and to parse.
 */
function encoderFor(prop: EntityProperty, kind: DatabaseKind): Encoder {
  const runtimeType = (prop.runtimeType ?? '').toLowerCase();
  const type = String(prop.type ?? '').toLowerCase();
  const nullable =
    (encode: Encoder): Encoder =>
    (value) =>
      value === null || value === undefined ? 'null' : encode(value);
  if (runtimeType === 'date' || type === 'datetime' || type === 'datetimetype') {
    return kind === 'sqlite'
      ? nullable((value) => String((value as Date).getTime()))
      : nullable((value) => `'${(value as Date).toISOString()}'`);
  }
  if (type === 'json' || type === 'jsontype') return nullable((value) => quoteString(JSON.stringify(value)));
  if (runtimeType === 'boolean' || type === 'boolean' || type === 'booleantype') {
    return kind === 'sqlite'
      ? nullable((value) => (value ? '1' : '0'))
      : nullable((value) => (value ? 'true' : 'false'));
  }
  if (
    runtimeType === 'number' ||
    ['integer', 'double', 'float', 'number', 'smallint', 'bigint'].includes(type)
  ) {
    return nullable((value) => {
      const number = Number(value);
      if (!Number.isFinite(number)) throw new Error(`Not a finite number for ${prop.name}: ${String(value)}`);
      return String(number);
    });
  }
  return nullable((value) => quoteString(String(value)));
}

interface Column {
  property: string;
  field: string;
  encode: Encoder;
}

function columnsOf(meta: EntityMetadata, properties: string[], kind: DatabaseKind): Column[] {
  return properties.map((name) => {
    const prop = meta.properties[name as keyof typeof meta.properties] as EntityProperty | undefined;
    if (!prop) throw new Error(`${meta.className} has no property ${name}`);
    const field = prop.fieldNames?.[0];
    if (!field || prop.fieldNames.length !== 1)
      throw new Error(`${meta.className}.${name} does not map to one column`);
    if (prop.kind === 'm:1' || prop.kind === '1:1') {
      // A reference is stored as the target's primary key; encode it like that key's column.
      const target = prop.targetMeta;
      const targetKey = target?.primaryKeys[0];
      const keyProp = targetKey
        ? (target.properties[targetKey as keyof typeof target.properties] as EntityProperty)
        : undefined;
      return { property: name, field, encode: keyProp ? encoderFor(keyProp, kind) : encoderFor(prop, kind) };
    }
    return { property: name, field, encode: encoderFor(prop, kind) };
  });
}

export interface BulkInsertOptions {
  /** Rows per statement. */
  batchSize?: number;
}

/**
 * Inserts rows with multi-row `insert … values` statements in the caller's transaction (pass an
 * EntityManager inside `transactional`). No unit of work, no hooks: every column must be given,
 * including createdAt / updatedAt.
 */
export async function bulkInsert(
  em: EntityManager,
  kind: DatabaseKind,
  entity: EntityName<object>,
  rows: readonly Row[],
  { batchSize = 500 }: BulkInsertOptions = {},
): Promise<void> {
  if (rows.length === 0) return;
  const meta = em.getMetadata().get(Utils.className(entity));
  const properties = Object.keys(rows[0] as Row);
  const columns = columnsOf(meta, properties, kind);
  const quote = kind === 'postgresql' ? (id: string) => `"${id}"` : (id: string) => `\`${id}\``;
  const head = `insert into ${quote(meta.tableName)} (${columns.map((column) => quote(column.field)).join(', ')}) values `;
  const connection = em.getConnection();
  const ctx = em.getTransactionContext();
  for (let start = 0; start < rows.length; start += batchSize) {
    const end = Math.min(rows.length, start + batchSize);
    const tuples: string[] = new Array(end - start);
    for (let i = start; i < end; i++) {
      const row = rows[i] as Row;
      let tuple = '(';
      for (let c = 0; c < columns.length; c++) {
        const column = columns[c] as Column;
        if (c > 0) tuple += ', ';
        tuple += column.encode(row[column.property]);
      }
      tuples[i - start] = tuple + ')';
    }
    await connection.execute(head + tuples.join(', '), [], 'run', ctx);
  }
}

/**
 * Runs `work` with some SQLite pragmas changed on the connection, then puts the previous values back.
 * A no-op wrapper on other databases.
 */
export async function withSqlitePragmas<T>(
  em: EntityManager,
  kind: DatabaseKind,
  settings: Record<string, string | number>,
  work: () => Promise<T>,
): Promise<T> {
  if (kind !== 'sqlite') return work();
  const connection = em.getConnection();
  const restore: string[] = [];
  try {
    for (const [pragma, value] of Object.entries(settings)) {
      const rows: Record<string, unknown>[] = await connection.execute(`pragma ${pragma}`);
      restore.push(`pragma ${pragma} = ${String(Object.values(rows[0] ?? {})[0])}`);
      await connection.execute(`pragma ${pragma} = ${value}`);
    }
    return await work();
  } finally {
    for (const statement of restore.reverse()) await connection.execute(statement);
  }
}
