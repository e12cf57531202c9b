import { existsSync } from 'node:fs';
import { z } from 'zod';
import { DEFAULT_SESSION_POLICY } from '@jf/domain';

/** The only place that reads process.env; everything else receives a parsed Env. */
const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(DEFAULT_SESSION_POLICY.ttlMs / 3_600_000),
  SESSION_IDLE_MINUTES: z.coerce.number().positive().default(DEFAULT_SESSION_POLICY.idleMs / 60_000),
  /** Served over HTTPS: the session cookie is marked Secure and HSTS is sent. */
  COOKIE_SECURE: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
  /** Seed a world into an empty database at start: `demo` (the full demo), `small` (tests), `none`. */
  JF_SEED: z.enum(['demo', 'small', 'none']).default('none'),
  /** Pause between 500-row batches of a bulk notice, leaving the database to interactive requests. */
  BULK_BATCH_PAUSE_MS: z.coerce.number().int().min(0).max(10_000).default(0),
  API_CALLS_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(600),
  /** Uploaded evidence and bulk CSV files (default data/uploads). */
  UPLOAD_DIR: z.string().optional(),
  /** Background workers run inside the API process: `all` (the outbox dispatcher and listing ingestion), or `none` when they run as their own processes. */
  JF_WORKERS: z.enum(['all', 'none']).default('all'),
  /** Pause between listing ingestion passes over the marketplaces' feeds. */
  JF_INGEST_INTERVAL_MS: z.coerce.number().int().min(100).max(3_600_000).default(5000),
  /** The marketplace simulator: when set, every marketplace's commands go to `<url>/<code>` (seeded or not). */
  JF_SIMULATOR_URL: z.url().optional(),
  /** Notification e-mail goes out through this SMTP server (e.g. smtp://user:pass@mail.example.com:587); without it only in-app notifications are kept. */
  SMTP_URL: z.url().optional(),
  /** Shared with the marketplaces: every command the outbox sends carries an HMAC signature of its body. */
  MARKETPLACE_WEBHOOK_SECRET: z.string().min(16).optional(),
  /** `npm start`: the simulator's marketplaces get keys `jfk_sim_<code>_<this>` for the integration API. */
  SIMULATOR_KEY_SECRET: z.string().regex(/^[A-Za-z0-9_-]{16,}$/).optional(),
  MAIL_FROM: z.string().default('Joint Force <no-reply@joint-force.local>'),
  /** The address users open the apps at, for links in e-mail (default http://localhost:PORT). */
  PUBLIC_URL: z.url().optional(),
  JF_MAIL_INTERVAL_MS: z.coerce.number().int().min(100).max(3_600_000).default(5000),
  /** Folders with the built admin and portal; served only when they exist. */
  ADMIN_DIST: z.string().optional(),
  PORTAL_DIST: z.string().optional(),
});

export type Env = z.infer<typeof envSchema>;

/** Reads the environment, after loading `envFile` (e.g. the repo's .env) when it exists. Blank values count as unset. */
export function readEnv(envFile?: string, source: NodeJS.ProcessEnv = process.env): Env {
  if (envFile && existsSync(envFile)) process.loadEnvFile(envFile);
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid environment:\n${problems.join('\n')}`);
  }
  return parsed.data;
}
