import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { MikroORM, type EntityManager, type Options } from '@mikro-orm/core';
import { BetterSqliteDriver } from '@mikro-orm/better-sqlite';
import { Migrator } from '@mikro-orm/migrations';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { ENTITY_SCHEMAS } from './entities';
import { OutboxCommitSignal } from './outbox-signal';
import { postgresqlMigrations } from '../migrations/postgresql';
import { sqliteMigrations } from '../migrations/sqlite';

export type DatabaseKind = 'sqlite' | 'postgresql';
export type { EntityManager };

export interface DatabaseTarget {
  kind: DatabaseKind;
  /** File path for SQLite (or ':memory:'), connection URL for PostgreSQL. */
  location: string;
}

import { rollupTriggerNames } from './rollups/sql';

export const DEFAULT_SQLITE_FILE = 'data/joint-force.sqlite';

/** The triggers that keep `audit_events` append-only (Migration20261128180000), per dialect. */
export const APPEND_ONLY_TRIGGERS: Record<DatabaseKind, readonly string[]> = {
  sqlite: ['audit_events_no_update', 'audit_events_no_delete'],
  postgresql: ['audit_events_no_update_delete', 'audit_events_no_truncate'],
};

/** `postgres://…` selects PostgreSQL; `sqlite:PATH`, `file:PATH` or nothing selects a SQLite file. */
export function parseDatabaseUrl(url: string | undefined, defaultSqliteFile = DEFAULT_SQLITE_FILE): DatabaseTarget {
  if (!url) return { kind: 'sqlite', location: resolve(defaultSqliteFile) };
  if (/^postgres(ql)?:\/\//.test(url)) return { kind: 'postgresql', location: url };
  const sqlitePath = url.replace(/^(sqlite|file):(\/\/)?/, '');
  if (sqlitePath === ':memory:') return { kind: 'sqlite', location: sqlitePath };
  if (sqlitePath !== url || !url.includes('://')) return { kind: 'sqlite', location: resolve(sqlitePath) };
  throw new Error(`DATABASE_URL must start with postgres://, postgresql://, sqlite: or file: (got "${url.split(':')[0]}:")`);
}

function ormOptions(target: DatabaseTarget, debug: boolean, outboxSignal: OutboxCommitSignal): Options {
  const common = {
    entities: ENTITY_SCHEMAS,
    subscribers: [outboxSignal],
    extensions: [Migrator],
    debug,
    allowGlobalContext: false,
    forceUtcTimezone: true,
    ignoreUndefinedInQuery: true,
    discovery: { warnWhenNoEntities: true },
  } satisfies Options;
  if (target.kind === 'postgresql') {
    return {
      ...common,
      driver: PostgreSqlDriver,
      clientUrl: target.location,
      pool: { min: 0, max: 10 },
      migrations: { migrationsList: postgresqlMigrations, snapshot: false, transactional: true, allOrNothing: true, silent: true },
    };
  }
  if (target.location !== ':memory:') mkdirSync(dirname(target.location), { recursive: true });
  return {
    ...common,
    driver: BetterSqliteDriver,
    dbName: target.location,
    pool: {
      afterCreate: (connection: SqliteConnection, done: (error: Error | null, connection: SqliteConnection) => void) => {
        try {
          configureSqlite(connection, target.location === ':memory:');
          done(null, cachePreparedStatements(connection));
        } catch (error) {
          done(error as Error, connection);
        }
      },
    },
    migrations: { migrationsList: sqliteMigrations, snapshot: false, transactional: true, allOrNothing: true, silent: true },
  };
}

type SqliteConnection = { prepare(sql: string): unknown; pragma(source: string): unknown };

/** Set on every connection the pool opens, not only the first. */
function configureSqlite(connection: SqliteConnection, inMemory: boolean): void {
  // WAL lets readers run beside the single writer; busy_timeout waits instead of failing on a lock.
  if (!inMemory) {
    connection.pragma('journal_mode = wal');
    // In WAL mode NORMAL syncs at checkpoints instead of at every commit: a crash of the process loses
    // nothing and the file never corrupts; a power cut may lose the last commits. FULL blocked the event
    // loop on an fsync per transaction (about 1 ms each here). PostgreSQL keeps full durability.
    connection.pragma('synchronous = normal');
    // A checkpoint copies the WAL into the database on the event loop of whoever commits. At the default
    // (every 1,000 pages, ~40 notices) they came several times a second and stalled every request behind
    // them; every 10,000 pages costs the same work in a tenth of the stalls. The file is cut back after.
    connection.pragma('wal_autocheckpoint = 10000');
    connection.pragma(`journal_size_limit = ${64 * 1024 * 1024}`);
  }
  connection.pragma('busy_timeout = 5000');
  connection.pragma('foreign_keys = on');
}
const PREPARED_STATEMENT_CACHE_SIZE = 200;
/** Multi-row inserts vary in length with every batch and are seldom repeated; caching them only holds memory. */
const PREPARED_STATEMENT_MAX_SQL_LENGTH = 4_000;

/**
 * Knex prepares every statement anew, and on SQLite preparing costs more than running a short query.
 * The same SQL text gets the same prepared statement back (knex runs each with `all`/`run` at once, so
 * a statement is never in use twice); the least recently used ones are dropped beyond the cache size.
 */
function cachePreparedStatements(connection: SqliteConnection): SqliteConnection {
  const prepare = connection.prepare.bind(connection);
  const cache = new Map<string, unknown>();
  connection.prepare = (sql: string) => {
    // Statements with their values written in (MikroORM's `execute` inlines them) are never repeated.
    if (sql.length > PREPARED_STATEMENT_MAX_SQL_LENGTH || !sql.includes('?')) return prepare(sql);
    let statement = cache.get(sql);
    if (statement) {
      cache.delete(sql);
    } else {
      statement = prepare(sql);
      if (cache.size >= PREPARED_STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
    }
    cache.set(sql, statement);
    return statement;
  };
  return connection;
}

/** One open database: the ORM plus what the rest of the platform needs from it. */
export class Database {
  private constructor(
    readonly orm: MikroORM,
    readonly target: DatabaseTarget,
    private readonly outboxSignal: OutboxCommitSignal,
  ) {}

  static async open(target: DatabaseTarget, { migrate = true, debug = false } = {}): Promise<Database> {
    const outboxSignal = new OutboxCommitSignal();
    const orm = await MikroORM.init(ormOptions(target, debug, outboxSignal));
    const database = new Database(orm, target, outboxSignal);
    if (migrate) await database.migrate();
    return database;
  }

  get kind(): DatabaseKind {
    return this.target.kind;
  }

  /** A fresh unit of work: one per request or job, never shared. */
  fork(): EntityManager {
    return this.orm.em.fork();
  }

  /** Calls `listener` after each commit that added outbox commands in this process; returns the unsubscribe. */
  onOutboxCommitted(listener: () => void): () => void {
    return this.outboxSignal.listen(listener);
  }

  async migrate(): Promise<string[]> {
    const applied = await this.orm.getMigrator().up();
    return applied.map((migration) => migration.name);
  }

  async pendingMigrations(): Promise<string[]> {
    return (await this.orm.getMigrator().getPendingMigrations()).map((migration) => migration.name);
  }

  /**
   * What differs between the migrated schema and the entities; empty when migrations are complete.
   * PostgreSQL uses MikroORM's schema comparator. Its SQLite comparator proposes rebuilding every table
   * (it cannot read back check constraints), so on SQLite tables and columns are compared directly.
   * Neither knows triggers: the append-only triggers of the audit trail are checked by name.
   */
  async schemaDrift(): Promise<string[]> {
    const problems = await this.missingAppendOnlyTriggers();
    if (this.kind === 'postgresql') {
      const sql = (await this.orm.schema.getUpdateSchemaSQL({ wrap: false })).trim();
      return [...(sql ? sql.split('\n') : []), ...problems];
    }
    const connection = this.orm.em.getConnection();
    for (const meta of Object.values(this.orm.getMetadata().getAll())) {
      if (!meta.tableName || meta.embeddable || meta.virtual) continue;
      const columns: { name: string }[] = await connection.execute(`pragma table_info(\`${meta.tableName}\`)`);
      if (columns.length === 0) {
        problems.push(`missing table ${meta.tableName}`);
        continue;
      }
      const present = new Set(columns.map((column) => column.name));
      const expected: string[] = meta.props.flatMap((prop) => prop.fieldNames ?? []);
      for (const field of expected) if (!present.has(field)) problems.push(`missing column ${meta.tableName}.${field}`);
      for (const field of present) if (!expected.includes(field)) problems.push(`unmapped column ${meta.tableName}.${field}`);
    }
    return problems;
  }

  /**
   * A SQLite rebuild of `audit_events` drops its triggers silently; a disabled PostgreSQL trigger guards
   * nothing. The rollup triggers are checked the same way: without them the dashboards drift from the events.
   */
  private async missingAppendOnlyTriggers(): Promise<string[]> {
    const connection = this.orm.em.getConnection();
    const rows: { name: string }[] =
      this.kind === 'postgresql'
        ? await connection.execute(`select tgname as name from pg_trigger where not tgisinternal and tgenabled <> 'D'`)
        : await connection.execute(`select name from sqlite_master where type = 'trigger'`);
    const present = new Set(rows.map((row) => row.name));
    return [
      ...APPEND_ONLY_TRIGGERS[this.kind].filter((name) => !present.has(name)).map((name) => `missing trigger audit_events.${name}`),
      ...rollupTriggerNames(this.kind).filter((name) => !present.has(name)).map((name) => `missing rollup trigger ${name}`),
    ];
  }

  async isHealthy(): Promise<boolean> {
    try {
      await this.orm.em.getConnection().execute('select 1');
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    await this.orm.close(true);
  }
}
