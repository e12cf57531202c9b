import { existsSync } from 'node:fs';
import { z } from 'zod';
import { DEFAULT_SEED } from '@jf/db';

/** The only place the simulator reads process.env. */
const envSchema = z.object({
  SIM_PORT: z.coerce.number().int().min(1).max(65535).default(3001),
  SIM_HOST: z.string().default('127.0.0.1'),
  /** The demo world to mirror: the same size the platform seeded (`none` counts as demo). */
  JF_SEED: z
    .enum(['demo', 'small', 'none'])
    .default('demo')
    .transform((size) => (size === 'none' ? 'demo' : size)),
  /** The generator's seed number; the platform seeds with the default. */
  SIM_WORLD_SEED: z.coerce.number().int().min(0).default(DEFAULT_SEED),
  /** JSON file that keeps listing changes, idempotency answers and counters across restarts; unset keeps them in memory only. */
  SIM_STATE_FILE: z.string().optional(),
  /** Starting knobs (also settable at run time with POST /control). */
  SIM_LATENCY_MS: z.coerce.number().int().min(0).default(0),
  SIM_FAILURE_RATE: z.coerce.number().min(0).max(1).default(0),
  /** Shared with the platform (MARKETPLACE_WEBHOOK_SECRET): commands without its signature are refused. */
  SIM_WEBHOOK_SECRET: z.string().min(16).optional(),
  /** The platform the simulator sends counter-notices to, and the secret its keys derive from (the API's SIMULATOR_KEY_SECRET). */
  SIM_PLATFORM_URL: z.url().optional(),
  SIM_PLATFORM_KEY_SECRET: z.string().min(16).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type SimEnv = z.infer<typeof envSchema>;

/**
 * Parses the environment, after loading `envFile` (the repo's .env, shared with the API) when it
 * exists. Blank values count as unset. Throws with one line per invalid variable.
 */
export function readSimEnv(envFile?: string, source: NodeJS.ProcessEnv = process.env): SimEnv {
  if (envFile && existsSync(envFile)) process.loadEnvFile(envFile);
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid environment:\n${problems.join('\n')}`);
  }
  return parsed.data;
}
