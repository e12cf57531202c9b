import { describe, expect, it } from 'vitest';
import { readEnv } from './env';

describe('readEnv', () => {
  it('applies defaults and treats blank values as unset', () => {
    const env = readEnv(undefined, { PORT: '', DATABASE_URL: '' });
    expect(env).toMatchObject({ PORT: 3000, NODE_ENV: 'development', JF_SEED: 'none', COOKIE_SECURE: false, JF_WORKERS: 'all' });
    expect(env.JF_SIMULATOR_URL).toBeUndefined();
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it('lists every invalid variable with its reason', () => {
    expect(() => readEnv(undefined, { PORT: 'eighty', LOG_LEVEL: 'loud' })).toThrow(/PORT[\s\S]*LOG_LEVEL|LOG_LEVEL[\s\S]*PORT/);
    expect(() => readEnv(undefined, { JF_WORKERS: 'some', JF_SIMULATOR_URL: 'localhost' })).toThrow(/JF_WORKERS[\s\S]*JF_SIMULATOR_URL/);
  });
});
