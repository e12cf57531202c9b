import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { Appeal, AuditEvent } from '@jf/db';
import { counterNoticeInput } from '@jf/domain';
import { testDatabaseKinds } from '@jf/db/testing';
import { appRouter } from './routers';
import { brandRoles, createApiTestBed, staffRoles, type ApiTestBed, type Caller } from './testing';
import { startMarketplaceTestBed, startTestServer } from './testing/http';
import { apiV1Router } from './rest/router';
import { inputsFor } from './testing/fuzz-inputs';

/**
 * Generated inputs per procedure, spread over the roles (anonymous, each brand role, each staff role):
 * the full count on SQLite, a quarter on PostgreSQL (which also refuses what SQLite lets through, such
 * as NUL in text) so that `npm test` stays bounded.
 */
const INPUTS_PER_PROCEDURE = Number(process.env.JF_FUZZ_INPUTS ?? 1000);
const inputsOn = (kind: string) => (kind === 'sqlite' ? INPUTS_PER_PROCEDURE : Math.ceil(INPUTS_PER_PROCEDURE / 4));

type ProcedureDef = { _def: { type: 'query' | 'mutation'; inputs: z.ZodType[] } };
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, ProcedureDef>)
  // Signing out (here or everywhere) ends the session the other calls run on: it goes last.
  .sort(([a], [b]) => Number(a.startsWith('auth.signOut')) - Number(b.startsWith('auth.signOut')));

function callByPath(caller: Caller, path: string, input: unknown): Promise<unknown> {
  const target = path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller);
  return (target as (input: unknown) => Promise<unknown>)(input);
}

const excerpt = (value: unknown) => {
  try {
    return (JSON.stringify(value) ?? String(value)).slice(0, 200);
  } catch {
    return String(value).slice(0, 200);
  }
};

/**
 * Every procedure, as every kind of caller, with generated and hostile inputs: nothing may end in a
 * 500, every refusal is typed with a message, and a refused mutation leaves no audit row behind (every
 * write of the platform audits itself in the same transaction).
 */
describe.each(testDatabaseKinds())('fuzzing every procedure on %s', (kind) => {
  let bed: ApiTestBed;
  let callers: { role: string; caller: Caller }[];
  beforeAll(async () => {
    bed = await createApiTestBed(kind);
    callers = [
      { role: 'anonymous', caller: bed.callerFor(null) },
      ...brandRoles.map((role) => ({ role, caller: bed.callerFor(bed.world.brandUsers.A[role]) })),
      ...staffRoles.map((role) => ({ role, caller: bed.callerFor(bed.world.staff[role]) })),
    ];
  });
  afterAll(() => bed.destroy());

  it.each(procedures.map(([path, procedure], index) => ({ path, procedure, index })))('$path', async ({ path, procedure, index }) => {
    const inputs = inputsFor(procedure._def.inputs[0], inputsOn(kind), 1000 + index);
    const problems: string[] = [];
    const audits = () => bed.database.fork().count(AuditEvent, {});
    for (const [i, input] of inputs.entries()) {
      const { role, caller } = callers[i % callers.length]!;
      const before = procedure._def.type === 'mutation' ? await audits() : 0;
      const error = await callByPath(caller, path, input).then(
        () => null,
        (caught: unknown) => caught,
      );
      if (error === null) continue;
      if (!(error instanceof TRPCError)) problems.push(`${role}: untyped ${String(error)} for ${excerpt(input)}`);
      else if (error.code === 'INTERNAL_SERVER_ERROR') problems.push(`${role}: 500 ${String(error.cause ?? error.message)} for ${excerpt(input)}`);
      else if (!error.message.trim()) problems.push(`${role}: ${error.code} without a message for ${excerpt(input)}`);
      if (procedure._def.type === 'mutation' && (await audits()) !== before) problems.push(`${role}: a refused call left audit rows for ${excerpt(input)}`);
      if (problems.length >= 5) break;
    }
    expect(problems).toEqual([]);
  });
});

describe.each(testDatabaseKinds().slice(0, 1))('fuzzing the marketplace endpoint on %s', (kind) => {
  let bed: ApiTestBed;
  let base: string;
  let secret: string;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ bed, base, secret, close } = await startMarketplaceTestBed(kind, 'Fuzz key'));
  });
  afterAll(() => close());

  it('answers every generated counter-notice with a 2xx or a typed 4xx and stores nothing it refused', async () => {
    const problems: string[] = [];
    const before = await bed.database.fork().count(Appeal, {});
    let accepted = 0;
    for (const body of inputsFor(counterNoticeInput, INPUTS_PER_PROCEDURE, 7)) {
      const response = await fetch(`${base}/api/v1/marketplace/counter-notices`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
        body: JSON.stringify(body) ?? 'undefined',
      });
      const answer = (await response.json()) as { code?: string; message?: string };
      if (response.status >= 500) problems.push(`${response.status} for ${excerpt(body)}: ${excerpt(answer)}`);
      else if (response.status >= 400 && !answer.message) problems.push(`${response.status} without a message for ${excerpt(body)}`);
      else if (response.status < 300) accepted++;
      if (problems.length >= 5) break;
    }
    expect(problems).toEqual([]);
    // Random listings are never ones the platform removed: nothing may have been filed.
    expect(accepted).toBe(0);
    expect(await bed.database.fork().count(Appeal, {})).toBe(before);
  });
});

/**
 * Every `/api/v1` endpoint with generated bodies, queries and path parameters, as a brand key with every
 * scope and as a marketplace key: no 5xx, every refusal a JSON body with a code and a message.
 */
describe.each(testDatabaseKinds().slice(0, 1))('fuzzing every REST endpoint on %s', (kind) => {
  let bed: ApiTestBed;
  let server: { base: string; close(): void };
  let keys: string[];
  beforeAll(async () => {
    bed = await createApiTestBed(kind);
    server = await startTestServer(bed, { apiCallsPerMinute: 1_000_000 });
    keys = [
      (await bed.callerFor(bed.world.brandUsers.A.brand_admin).apiKeys.create({ name: 'Fuzz brand key', scopes: ['read', 'file_notices', 'answer_auth_requests'] })).secret,
      (await bed.callerFor(bed.world.staff.platform_admin).admin.apiKeys.createMarketplaceKey({ marketplaceCode: 'taobao', name: 'Fuzz marketplace key', scopes: ['counter_notices', 'listings'] })).secret,
    ];
  });
  afterAll(async () => {
    server.close();
    await bed.destroy();
  });

  type RestProcedure = { _def: { inputs: z.ZodType[]; meta?: { openapi?: { method: string; path: string } } } };
  const endpoints = Object.values(apiV1Router._def.procedures as unknown as Record<string, RestProcedure>).flatMap((procedure) =>
    procedure._def.meta?.openapi ? [{ ...procedure._def.meta.openapi, input: procedure._def.inputs[0] }] : [],
  );

  it.each(endpoints.map((endpoint, index) => ({ ...endpoint, index })))('$method $path', async ({ method, path, input, index }) => {
    const problems: string[] = [];
    for (const [i, generated] of inputsFor(input, INPUTS_PER_PROCEDURE, 5000 + index).entries()) {
      const values = (generated && typeof generated === 'object' && !Array.isArray(generated) ? generated : {}) as Record<string, unknown>;
      const url = path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(values[name] ?? 'x')));
      const query = method === 'GET' ? `?${new URLSearchParams(Object.entries(values).flatMap(([key, value]) => (value === undefined || typeof value === 'object' ? [] : [[key, String(value)] as [string, string]]))).toString()}` : '';
      const response = await fetch(`${server.base}/api/v1${url}${query}`, {
        method,
        headers: { authorization: `Bearer ${keys[i % keys.length]}`, ...(method === 'GET' ? {} : { 'content-type': 'application/json' }) },
        body: method === 'GET' ? undefined : (JSON.stringify(generated) ?? 'null'),
      });
      const text = await response.text();
      // Node's HTTP server refuses a header block (here, a query string) over 16 KiB itself, before the app: no body to check.
      if (response.status === 431) continue;
      let answer: { code?: string; message?: string } = {};
      try {
        answer = JSON.parse(text) as typeof answer;
      } catch {
        problems.push(`${response.status} not JSON for ${excerpt(generated)}`);
      }
      if (response.status >= 500) problems.push(`${response.status} for ${excerpt(generated)}: ${excerpt(answer)}`);
      else if (response.status >= 400 && (!answer.code || !answer.message)) problems.push(`${response.status} without a code and message for ${excerpt(generated)}`);
      if (problems.length >= 5) break;
    }
    expect(problems).toEqual([]);
  });
});
