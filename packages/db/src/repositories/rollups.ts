import type { EntityManager } from '@mikro-orm/core';
import type { MarketplaceCode, RemovalSource, TimeBucketUnit } from '@jf/domain';
import { BetterSqliteDriver } from '@mikro-orm/better-sqlite';
import type { Database } from '../database';
import { createRollupTriggers, dropRollupTriggers, rebuildRollupStatements } from '../rollups/sql';
import { runStatement, selectRows, type SqlValue } from './sql';

/** Which events a dashboard reads: UTC days `from`..`to` inclusive ('YYYY-MM-DD'), and optional filters. */
export interface RollupFilter {
  from: string;
  to: string;
  marketplace?: MarketplaceCode;
  /** Only these brands (an account manager's, or one brand); undefined: every brand, and removals of none. */
  brandIds?: readonly string[];
  /** A notice reason; '' selects removals without one (proactive and authentication). */
  reason?: string;
  /** Rows come back per period (its first day) rather than per day: a year of weeks is 53 groups, not 365. */
  unit?: TimeBucketUnit;
}

/** The first day of the `unit` holding `day` (a 'YYYY-MM-DD' column), in each dialect; weeks start on Monday. */
function periodSql(em: EntityManager, unit: TimeBucketUnit | undefined): string {
  if (!unit || unit === 'day') return 'day';
  const sqlite = em.getDriver() instanceof BetterSqliteDriver;
  if (unit === 'month') return sqlite ? "substr(day, 1, 7) || '-01'" : "substr(day, 1, 7) || '-01'";
  return sqlite ? "date(day, '-' || ((cast(strftime('%w', day) as integer) + 6) % 7) || ' days')" : "to_char(date_trunc('week', day::date), 'YYYY-MM-DD')";
}

function where(filter: RollupFilter, options: { reason: boolean }): { sql: string; params: SqlValue[] } {
  const conditions = ['day >= ?', 'day <= ?'];
  const params: SqlValue[] = [filter.from, filter.to];
  if (filter.marketplace) {
    conditions.push('marketplace_code = ?');
    params.push(filter.marketplace);
  }
  if (filter.brandIds) {
    conditions.push(filter.brandIds.length ? `brand_id in (${filter.brandIds.map(() => '?').join(', ')})` : '1 = 0');
    params.push(...filter.brandIds);
  }
  if (options.reason && filter.reason !== undefined) {
    conditions.push('reason = ?');
    params.push(filter.reason);
  }
  return { sql: conditions.join(' and '), params };
}

export interface RemovalDayRow {
  day: string;
  source: RemovalSource;
  requested: number;
  acknowledged: number;
  reinstated: number;
}

/** Removals per day (or period) and source; from the per-brand rollup when brands are named, the platform-wide one otherwise. */
export async function removalsByDay(em: EntityManager, filter: RollupFilter): Promise<RemovalDayRow[]> {
  const table = filter.brandIds ? 'rollup_brand_removals' : 'rollup_removals';
  const { sql, params } = where(filter, { reason: true });
  const rows = await selectRows<Record<string, unknown>>(
    em,
    `select ${periodSql(em, filter.unit)} as day, source, sum(requested) as requested, sum(acknowledged) as acknowledged, sum(reinstated) as reinstated from ${table} where ${sql} group by 1, source order by 1`,
    params,
  );
  return rows.map((row) => ({ day: row.day as string, source: row.source as RemovalSource, requested: Number(row.requested), acknowledged: Number(row.acknowledged), reinstated: Number(row.reinstated) }));
}

export interface TurnaroundDayRow {
  day: string;
  source: RemovalSource;
  bucket: number;
  n: number;
}

/** Acknowledged removals per day, source and turnaround bucket. */
export async function turnaroundByDay(em: EntityManager, filter: RollupFilter): Promise<TurnaroundDayRow[]> {
  // The narrowest table that still holds every dimension the filter names.
  const unfiltered = !filter.marketplace && filter.reason === undefined;
  const table = filter.brandIds
    ? unfiltered
      ? 'rollup_brand_day_turnaround'
      : 'rollup_brand_turnaround'
    : unfiltered
      ? 'rollup_platform_turnaround'
      : 'rollup_turnaround';
  const { sql, params } = where(filter, { reason: true });
  const rows = await selectRows<Record<string, unknown>>(em, `select ${periodSql(em, filter.unit)} as day, source, bucket, sum(n) as n from ${table} where ${sql} group by 1, source, bucket order by 1`, params);
  return rows.map((row) => ({ day: row.day as string, source: row.source as RemovalSource, bucket: Number(row.bucket), n: Number(row.n) }));
}

export interface AuthRequestDayRow {
  day: string;
  created: number;
  answered: number;
  expired: number;
  counterfeit: number;
  genuine: number;
  unsure: number;
}

export async function authRequestsByDay(em: EntityManager, filter: RollupFilter): Promise<AuthRequestDayRow[]> {
  const { sql, params } = where(filter, { reason: false });
  const rows = await selectRows<Record<string, unknown>>(
    em,
    `select ${periodSql(em, filter.unit)} as day, sum(created) as created, sum(answered) as answered, sum(expired) as expired, sum(counterfeit) as counterfeit, sum(genuine) as genuine, sum(unsure) as unsure
     from rollup_auth_requests where ${sql} group by 1 order by 1`,
    params,
  );
  return rows.map((row) => ({
    day: row.day as string,
    created: Number(row.created),
    answered: Number(row.answered),
    expired: Number(row.expired),
    counterfeit: Number(row.counterfeit),
    genuine: Number(row.genuine),
    unsure: Number(row.unsure),
  }));
}

export async function authResponseByDay(em: EntityManager, filter: RollupFilter): Promise<{ day: string; bucket: number; n: number }[]> {
  const { sql, params } = where(filter, { reason: false });
  const rows = await selectRows<Record<string, unknown>>(em, `select ${periodSql(em, filter.unit)} as day, bucket, sum(n) as n from rollup_auth_response where ${sql} group by 1, bucket order by 1`, params);
  return rows.map((row) => ({ day: row.day as string, bucket: Number(row.bucket), n: Number(row.n) }));
}

export async function appealsByDay(em: EntityManager, filter: RollupFilter): Promise<{ day: string; created: number; reinstated: number; upheld: number }[]> {
  const { sql, params } = where(filter, { reason: false });
  const rows = await selectRows<Record<string, unknown>>(
    em,
    `select ${periodSql(em, filter.unit)} as day, sum(created) as created, sum(reinstated) as reinstated, sum(upheld) as upheld from rollup_appeals where ${sql} group by 1 order by 1`,
    params,
  );
  return rows.map((row) => ({ day: row.day as string, created: Number(row.created), reinstated: Number(row.reinstated), upheld: Number(row.upheld) }));
}

/** Recomputes every rollup from the events (a repair; the triggers keep them current otherwise). */
export async function rebuildRollups(em: EntityManager, kind: Database['kind']): Promise<void> {
  await em.transactional(async (tx) => {
    for (const statement of rebuildRollupStatements(kind)) await runStatement(tx, statement, []);
  });
}

/**
 * Runs a bulk load without the rollup triggers (one set-based rebuild afterwards is far cheaper than
 * an upsert per loaded row), then rebuilds the rollups and puts the triggers back.
 */
export async function withoutRollupTriggers<T>(database: Database, load: () => Promise<T>): Promise<T> {
  const em = database.fork();
  for (const statement of dropRollupTriggers(database.kind)) await runStatement(em, statement, []);
  try {
    return await load();
  } finally {
    await rebuildRollups(database.fork(), database.kind);
    for (const statement of createRollupTriggers(database.kind)) await runStatement(database.fork(), statement, []);
  }
}
