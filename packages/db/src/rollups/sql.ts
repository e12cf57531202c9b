/**
 * The dashboards' rollup tables are kept by triggers, in the same transaction as the removal, request
 * or appeal they count, whatever code (or console) writes it: an insert adds a row's contribution, a
 * delete takes it back, an update that changes a counted column does both. This module writes that SQL
 * for each dialect from one description, for the migration, for `rebuildRollups` and for the bulk seeder
 * (which drops the triggers, loads, rebuilds and recreates them).
 */
import { DURATION_BUCKET_BOUNDS_MS } from '@jf/domain';
import type { DatabaseKind } from '../database';

type Row = 'new' | 'old';

interface DialectSql {
  /** UTC day 'YYYY-MM-DD' of a datetime column. */
  day(column: string): string;
  /** Milliseconds from one datetime column to another. */
  millis(from: string, to: string): string;
  /** A brand id column as text ('' for none). */
  brand(column: string): string;
}

const DIALECTS: Record<DatabaseKind, DialectSql> = {
  // SQLite keeps datetimes as epoch milliseconds.
  sqlite: {
    day: (column) => `strftime('%Y-%m-%d', ${column} / 1000, 'unixepoch')`,
    millis: (from, to) => `(${to} - ${from})`,
    brand: (column) => `coalesce(${column}, '')`,
  },
  postgresql: {
    day: (column) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD')`,
    millis: (from, to) => `(extract(epoch from (${to} - ${from})) * 1000)`,
    brand: (column) => `coalesce(${column}::text, '')`,
  },
};

const flag = (condition: string) => `(case when ${condition} then 1 else 0 end)`;
const bucket = (millis: string) =>
  `(case ${DURATION_BUCKET_BOUNDS_MS.map((bound, index) => `when ${millis} <= ${bound} then ${index}`).join(' ')} else ${DURATION_BUCKET_BOUNDS_MS.length} end)`;

/** One rollup table: its key columns, its counters, and how a source row contributes to them. */
interface RollupTable {
  name: string;
  keys: readonly string[];
  counters: readonly string[];
}

export const ROLLUP_TABLES = {
  removals: { name: 'rollup_removals', keys: ['day', 'source', 'marketplace_code', 'reason'], counters: ['requested', 'acknowledged', 'reinstated'] },
  brandRemovals: { name: 'rollup_brand_removals', keys: ['brand_id', 'day', 'source', 'marketplace_code', 'reason'], counters: ['requested', 'acknowledged', 'reinstated'] },
  turnaround: { name: 'rollup_turnaround', keys: ['day', 'source', 'marketplace_code', 'reason', 'bucket'], counters: ['n'] },
  /** The platform-wide histogram with no other dimension: what the unfiltered leadership chart reads (5–25× fewer rows). */
  platformTurnaround: { name: 'rollup_platform_turnaround', keys: ['day', 'source', 'bucket'], counters: ['n'] },
  brandTurnaround: { name: 'rollup_brand_turnaround', keys: ['brand_id', 'day', 'source', 'marketplace_code', 'reason', 'bucket'], counters: ['n'] },
  /** A brand's histogram with no other dimension: what its unfiltered turnaround chart reads. */
  brandDayTurnaround: { name: 'rollup_brand_day_turnaround', keys: ['brand_id', 'day', 'source', 'bucket'], counters: ['n'] },
  authRequests: { name: 'rollup_auth_requests', keys: ['brand_id', 'day', 'marketplace_code'], counters: ['created', 'answered', 'expired', 'counterfeit', 'genuine', 'unsure'] },
  authResponse: { name: 'rollup_auth_response', keys: ['brand_id', 'day', 'marketplace_code', 'bucket'], counters: ['n'] },
  appeals: { name: 'rollup_appeals', keys: ['brand_id', 'day', 'marketplace_code'], counters: ['created', 'reinstated', 'upheld'] },
} as const satisfies Record<string, RollupTable>;

/** A statement that writes one rollup table, tagged with it so a migration can keep to the tables it knows. */
interface TableStatement {
  table: string;
  sql: string;
}

const upsert = (table: RollupTable, values: readonly string[], where: string | null): TableStatement => {
  const columns = [...table.keys, ...table.counters];
  const update = table.counters.map((counter) => `${counter} = ${table.name}.${counter} + excluded.${counter}`).join(', ');
  // SQLite needs a WHERE to tell an INSERT … SELECT from its ON CONFLICT clause.
  return { table: table.name, sql: `insert into ${table.name} (${columns.join(', ')}) select ${values.join(', ')} where ${where ?? '1 = 1'} on conflict (${table.keys.join(', ')}) do update set ${update}` };
};

/** Every rollup table; a migration passes the ones that existed when it ran (a later one adds its own). */
export const ALL_ROLLUP_TABLES: readonly string[] = Object.values(ROLLUP_TABLES).map((table) => table.name);
/** The tables of Migration20261128191436, before the per-brand day histogram was added. */
export const FIRST_ROLLUP_TABLES: readonly string[] = ALL_ROLLUP_TABLES.filter((name) => name !== 'rollup_brand_day_turnaround');

/** The statements that add (sign 1) or take back (sign −1) one row's contribution. */
function removalContribution(sql: DialectSql, row: Row, sign: 1 | -1): TableStatement[] {
  const day = sql.day(`${row}.requested_at`);
  const reason = `coalesce((select n.reason from notice_items i join notices n on n.id = i.notice_id where i.id = ${row}.notice_item_id), '')`;
  const counts = [`${sign}`, `${sign} * ${flag(`${row}.removed_at is not null`)}`, `${sign} * ${flag(`${row}.reinstated_at is not null`)}`];
  const turnaround = [`${bucket(sql.millis(`${row}.requested_at`, `${row}.removed_at`))}`, `${sign}`];
  return [
    upsert(ROLLUP_TABLES.removals, [day, `${row}.source`, `${row}.marketplace_code`, reason, ...counts], null),
    upsert(ROLLUP_TABLES.brandRemovals, [sql.brand(`${row}.brand_id`), day, `${row}.source`, `${row}.marketplace_code`, reason, ...counts], `${row}.brand_id is not null`),
    upsert(ROLLUP_TABLES.turnaround, [day, `${row}.source`, `${row}.marketplace_code`, reason, ...turnaround], `${row}.removed_at is not null`),
    upsert(ROLLUP_TABLES.platformTurnaround, [day, `${row}.source`, ...turnaround], `${row}.removed_at is not null`),
    upsert(ROLLUP_TABLES.brandTurnaround, [sql.brand(`${row}.brand_id`), day, `${row}.source`, `${row}.marketplace_code`, reason, ...turnaround], `${row}.removed_at is not null and ${row}.brand_id is not null`),
    upsert(ROLLUP_TABLES.brandDayTurnaround, [sql.brand(`${row}.brand_id`), day, `${row}.source`, ...turnaround], `${row}.removed_at is not null and ${row}.brand_id is not null`),
  ];
}

function authRequestContribution(sql: DialectSql, row: Row, sign: 1 | -1): TableStatement[] {
  const keys = [sql.brand(`${row}.brand_id`), sql.day(`${row}.created_at`), `${row}.marketplace_code`];
  const counts = [
    `${sign}`,
    `${sign} * ${flag(`${row}.state = 'answered'`)}`,
    `${sign} * ${flag(`${row}.state = 'expired'`)}`,
    `${sign} * ${flag(`${row}.answer = 'counterfeit'`)}`,
    `${sign} * ${flag(`${row}.answer = 'genuine'`)}`,
    `${sign} * ${flag(`${row}.answer = 'unsure'`)}`,
  ];
  return [
    upsert(ROLLUP_TABLES.authRequests, [...keys, ...counts], null),
    upsert(ROLLUP_TABLES.authResponse, [...keys, bucket(sql.millis(`${row}.created_at`, `${row}.answered_at`)), `${sign}`], `${row}.answered_at is not null`),
  ];
}

function appealContribution(sql: DialectSql, row: Row, sign: 1 | -1): TableStatement[] {
  return [
    upsert(
      ROLLUP_TABLES.appeals,
      [sql.brand(`${row}.brand_id`), sql.day(`${row}.created_at`), `${row}.marketplace_code`, `${sign}`, `${sign} * ${flag(`${row}.state = 'reinstated'`)}`, `${sign} * ${flag(`${row}.state = 'upheld'`)}`],
      null,
    ),
  ];
}

interface Source {
  table: string;
  /** Columns whose change moves a row's contribution. */
  counted: readonly string[];
  contribution: (sql: DialectSql, row: Row, sign: 1 | -1) => TableStatement[];
}

const SOURCES: readonly Source[] = [
  { table: 'removals', counted: ['requested_at', 'removed_at', 'reinstated_at', 'source', 'brand_id', 'marketplace_code', 'notice_item_id'], contribution: removalContribution },
  { table: 'auth_requests', counted: ['created_at', 'state', 'answer', 'answered_at', 'brand_id', 'marketplace_code'], contribution: authRequestContribution },
  { table: 'appeals', counted: ['created_at', 'state', 'brand_id', 'marketplace_code'], contribution: appealContribution },
];

/** Trigger names, per dialect, for `schemaDrift` and the bulk seeder. */
export function rollupTriggerNames(kind: DatabaseKind): string[] {
  return SOURCES.flatMap((source) => (kind === 'sqlite' ? ['insert', 'delete', 'update'] : ['write', 'change']).map((event) => `rollup_${source.table}_${event}`));
}

/** The statements that create the triggers (and, on PostgreSQL, their functions). */
export function createRollupTriggers(kind: DatabaseKind, tables: readonly string[] = ALL_ROLLUP_TABLES): string[] {
  const sql = DIALECTS[kind];
  const kept = (statements: TableStatement[]) => statements.filter((statement) => tables.includes(statement.table)).map((statement) => statement.sql);
  return SOURCES.flatMap((source) => {
    const changed = source.counted.map((column) => (kind === 'sqlite' ? `old.${column} is not new.${column}` : `old.${column} is distinct from new.${column}`)).join(' or ');
    if (kind === 'sqlite') {
      const body = (statements: TableStatement[]) => kept(statements).map((statement) => `${statement};`).join(' ');
      return [
        `create trigger rollup_${source.table}_insert after insert on ${source.table} begin ${body(source.contribution(sql, 'new', 1))} end`,
        `create trigger rollup_${source.table}_delete after delete on ${source.table} begin ${body(source.contribution(sql, 'old', -1))} end`,
        `create trigger rollup_${source.table}_update after update on ${source.table} when ${changed} begin ${body([...source.contribution(sql, 'old', -1), ...source.contribution(sql, 'new', 1)])} end`,
      ];
    }
    const block = (row: Row, sign: 1 | -1) => kept(source.contribution(sql, row, sign)).map((statement) => `${statement};`).join('\n    ');
    return [
      `create or replace function rollup_${source.table}_apply() returns trigger language plpgsql as $rollup$
begin
  if tg_op in ('UPDATE', 'DELETE') then
    ${block('old', -1)}
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    ${block('new', 1)}
  end if;
  return null;
end
$rollup$`,
      `create trigger rollup_${source.table}_write after insert or delete on ${source.table} for each row execute function rollup_${source.table}_apply()`,
      `create trigger rollup_${source.table}_change after update on ${source.table} for each row when (${changed}) execute function rollup_${source.table}_apply()`,
    ];
  });
}

export function dropRollupTriggers(kind: DatabaseKind): string[] {
  return [
    ...rollupTriggerNames(kind).map((name) => (kind === 'sqlite' ? `drop trigger if exists ${name}` : `drop trigger if exists ${name} on ${name.replace(/^rollup_(.*)_(write|change)$/, '$1')}`)),
    ...(kind === 'postgresql' ? SOURCES.map((source) => `drop function if exists rollup_${source.table}_apply()`) : []),
  ];
}

const brandDayTurnaroundSelect = (sql: DialectSql) =>
  `select ${[sql.brand('r.brand_id'), sql.day('r.requested_at'), 'r.source', bucket(sql.millis('r.requested_at', 'r.removed_at')), 'count(*)'].join(', ')} from removals r where r.removed_at is not null and r.brand_id is not null group by 1, 2, 3, 4`;

/** The backfill of the per-brand day histogram alone (Migration20261128195600, which added it). */
export function backfillBrandDayTurnaround(kind: DatabaseKind): string {
  const table = ROLLUP_TABLES.brandDayTurnaround;
  return `insert into ${table.name} (${[...table.keys, ...table.counters].join(', ')}) ${brandDayTurnaroundSelect(DIALECTS[kind])}`;
}

/** Recomputes every rollup from the events with GROUP BY: the migration's backfill and a repair. */
export function rebuildRollupStatements(kind: DatabaseKind, tables: readonly string[] = ALL_ROLLUP_TABLES): string[] {
  const sql = DIALECTS[kind];
  const t = ROLLUP_TABLES;
  const reasonJoin = `from removals r left join notice_items i on i.id = r.notice_item_id left join notices n on n.id = i.notice_id`;
  const removalKeys = [sql.day('r.requested_at'), 'r.source', 'r.marketplace_code', `coalesce(n.reason, '')`];
  const removalCounts = ['count(*)', `sum(${flag('r.removed_at is not null')})`, `sum(${flag('r.reinstated_at is not null')})`];
  const turnaroundBucket = bucket(sql.millis('r.requested_at', 'r.removed_at'));
  const insert = (table: RollupTable, select: string) =>
    tables.includes(table.name) ? [`insert into ${table.name} (${[...table.keys, ...table.counters].join(', ')}) ${select}`] : [];
  const groupBy = (count: number) => `group by ${Array.from({ length: count }, (_, index) => index + 1).join(', ')}`;
  const authKeys = [sql.brand('a.brand_id'), sql.day('a.created_at'), 'a.marketplace_code'];
  return [
    ...Object.values(t).flatMap((table) => (tables.includes(table.name) ? [`delete from ${table.name}`] : [])),
    ...insert(t.removals, `select ${[...removalKeys, ...removalCounts].join(', ')} ${reasonJoin} ${groupBy(4)}`),
    ...insert(t.brandRemovals, `select ${[sql.brand('r.brand_id'), ...removalKeys, ...removalCounts].join(', ')} ${reasonJoin} where r.brand_id is not null ${groupBy(5)}`),
    ...insert(t.turnaround, `select ${[...removalKeys, turnaroundBucket, 'count(*)'].join(', ')} ${reasonJoin} where r.removed_at is not null ${groupBy(5)}`),
    ...insert(t.platformTurnaround, `select ${[sql.day('r.requested_at'), 'r.source', turnaroundBucket, 'count(*)'].join(', ')} from removals r where r.removed_at is not null ${groupBy(3)}`),
    ...insert(t.brandTurnaround, `select ${[sql.brand('r.brand_id'), ...removalKeys, turnaroundBucket, 'count(*)'].join(', ')} ${reasonJoin} where r.removed_at is not null and r.brand_id is not null ${groupBy(6)}`),
    ...insert(t.brandDayTurnaround, brandDayTurnaroundSelect(sql)),
    ...insert(
      t.authRequests,
      `select ${[...authKeys, 'count(*)', ...["a.state = 'answered'", "a.state = 'expired'", "a.answer = 'counterfeit'", "a.answer = 'genuine'", "a.answer = 'unsure'"].map((c) => `sum(${flag(c)})`)].join(', ')} from auth_requests a ${groupBy(3)}`,
    ),
    ...insert(t.authResponse, `select ${[...authKeys, bucket(sql.millis('a.created_at', 'a.answered_at')), 'count(*)'].join(', ')} from auth_requests a where a.answered_at is not null ${groupBy(4)}`),
    ...insert(
      t.appeals,
      `select ${[sql.brand('p.brand_id'), sql.day('p.created_at'), 'p.marketplace_code', 'count(*)', `sum(${flag("p.state = 'reinstated'")})`, `sum(${flag("p.state = 'upheld'")})`].join(', ')} from appeals p ${groupBy(3)}`,
    ),
  ];
}
