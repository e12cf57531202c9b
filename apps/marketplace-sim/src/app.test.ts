import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { generateWorld, Listing, signWebhook, WEBHOOK_SIGNATURE_HEADER } from '@jf/db';
import { createSimApp, type SimApp, type SimAppOptions } from './app';
import { customCatalogue } from './catalogue';
import type { CommandAnswer } from './simulator';

interface Running {
  app: SimApp;
  url: string;
  close(): Promise<void>;
}

async function start(options: SimAppOptions): Promise<Running> {
  const app = createSimApp(options);
  const server: Server = await new Promise((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const { port } = server.address() as AddressInfo;
  return {
    app,
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        app.simulator.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

interface FeedJson {
  items: { externalId: string; status: string }[];
  nextCursor: string | null;
  hasMore: boolean;
}
interface ErrorJson {
  error: string;
  message: string;
}
const feedPage = async (url: string) => (await (await fetch(url)).json()) as FeedJson;
const errorOf = async (response: Response) => (await response.json()) as ErrorJson;

const post = (url: string, body: unknown) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

const catalogue = customCatalogue(
  Array.from({ length: 25 }, (_, i) => ({ marketplace: 'taobao' as const, externalId: `6000${String(i).padStart(4, '0')}` })),
  new Date('2026-01-01T00:00:00Z'),
);

describe('marketplace simulator', () => {
  let sim: Running;
  beforeAll(async () => {
    sim = await start({ catalogue });
  });
  afterAll(() => sim.close());
  afterEach(() => {
    sim.app.simulator.reset();
  });

  it('pages the listing feed with a cursor, and a changed listing reappears at its end', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    for (;;) {
      const query: string = cursor ? `&cursor=${cursor}` : '';
      const page = await feedPage(`${sim.url}/taobao/listings?limit=10${query}`);
      seen.push(...page.items.map((item) => item.externalId));
      cursor = page.nextCursor;
      if (!page.hasMore) break;
    }
    expect(seen).toHaveLength(25);
    expect(new Set(seen).size).toBe(25);

    await post(`${sim.url}/taobao/commands/remove`, { externalId: '60000003', idempotencyKey: 'feed-1' });
    const later = await feedPage(`${sim.url}/taobao/listings?cursor=${cursor}`);
    expect(later.items).toMatchObject([{ externalId: '60000003', status: 'removed' }]);
    expect(later.hasMore).toBe(false);
    const empty = await feedPage(`${sim.url}/taobao/listings?cursor=${later.nextCursor}`);
    expect(empty).toMatchObject({ items: [], hasMore: false, nextCursor: later.nextCursor });

    const bad = await fetch(`${sim.url}/taobao/listings?cursor=nonsense&limit=5000`);
    expect(bad.status).toBe(400);
    expect((await errorOf(bad)).message).toContain('limit');
  });

  it('applies a command once per idempotency key and answers a repeat with the first answer', async () => {
    const first = await post(`${sim.url}/taobao/commands/remove`, { externalId: '60000010', idempotencyKey: 'remove:a' });
    expect(first.status).toBe(200);
    const answer = (await first.json()) as CommandAnswer;
    expect(answer).toMatchObject({ externalId: '60000010', command: 'remove', status: 'removed' });
    expect(new Date(answer.appliedAt).getTime()).not.toBeNaN();

    const again = await post(`${sim.url}/taobao/commands/remove`, { externalId: '60000010', idempotencyKey: 'remove:a' });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(answer);

    const reinstated = await post(`${sim.url}/taobao/commands/reinstate`, { externalId: '60000010', idempotencyKey: 'reinstate:a' });
    expect(await reinstated.json()).toMatchObject({ status: 'reinstated' });
    // The old removal key still answers what it answered then, and does not remove the listing again.
    expect(await (await post(`${sim.url}/taobao/commands/remove`, { externalId: '60000010', idempotencyKey: 'remove:a' })).json()).toEqual(answer);
    expect(await (await fetch(`${sim.url}/taobao/listings/60000010`)).json()).toMatchObject({ status: 'reinstated' });

    const stats = await (await fetch(`${sim.url}/control/stats`)).json();
    expect(stats).toMatchObject({ applied: { remove: 1, reinstate: 1 }, duplicatesSuppressed: 2, perKey: { 'remove:a': 1, 'reinstate:a': 1 } });
  });

  it('applies the seller status the platform sends, idempotently, and refuses unknown sellers and statuses', async () => {
    const { sellerExternalId } = (await (await fetch(`${sim.url}/taobao/listings/60000011`)).json()) as { sellerExternalId: string };
    const body = { externalId: sellerExternalId, status: 'restricted', idempotencyKey: 'seller-status:1' };
    const first = await post(`${sim.url}/taobao/commands/seller-status`, body);
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ externalId: sellerExternalId, status: 'restricted', command: 'seller-status' });
    expect((await post(`${sim.url}/taobao/commands/seller-status`, body)).status).toBe(200);
    expect(await (await fetch(`${sim.url}/taobao/sellers/${sellerExternalId}`)).json()).toMatchObject({ status: 'restricted' });
    expect((await (await fetch(`${sim.url}/control/stats`)).json()) as { sellerStatusChanges: number }).toMatchObject({ sellerStatusChanges: 1 });
    expect((await post(`${sim.url}/taobao/commands/seller-status`, { ...body, externalId: 'nobody' })).status).toBe(404);
    expect((await post(`${sim.url}/taobao/commands/seller-status`, { ...body, status: 'exiled' })).status).toBe(400);
  });

  it('refuses unknown listings, marketplaces, commands, reused keys and bad bodies with a JSON error', async () => {
    const unknown = await post(`${sim.url}/taobao/commands/remove`, { externalId: 'nope', idempotencyKey: 'k-404' });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ error: 'listing_not_found', message: 'No listing nope on taobao' });
    expect((await fetch(`${sim.url}/taobao/listings/nope`)).status).toBe(404);
    const market = await fetch(`${sim.url}/ebay/listings`);
    expect(market.status).toBe(404);
    expect((await errorOf(market)).error).toBe('unknown_marketplace');
    expect((await post(`${sim.url}/taobao/commands/delete`, { externalId: '60000001', idempotencyKey: 'x' })).status).toBe(404);

    await post(`${sim.url}/taobao/commands/remove`, { externalId: '60000001', idempotencyKey: 'k-used' });
    const reused = await post(`${sim.url}/taobao/commands/remove`, { externalId: '60000002', idempotencyKey: 'k-used' });
    expect(reused.status).toBe(422);
    expect((await errorOf(reused)).error).toBe('idempotency_key_reused');

    const missing = await post(`${sim.url}/taobao/commands/remove`, { externalId: '60000001' });
    expect(missing.status).toBe(400);
    expect((await errorOf(missing)).message).toContain('idempotencyKey');
    const malformed = await fetch(`${sim.url}/taobao/commands/remove`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' });
    expect(malformed.status).toBe(400);
    expect((await errorOf(malformed)).error).toBe('bad_request');
  });

  it('fails the configured share of command calls with 503 without applying them', async () => {
    await post(`${sim.url}/control`, { failureRate: 1 });
    const failed = await post(`${sim.url}/taobao/commands/remove`, { externalId: '60000004', idempotencyKey: 'fail-1' });
    expect(failed.status).toBe(503);
    // Reads are not failed by failureRate; the listing is untouched.
    expect(await (await fetch(`${sim.url}/taobao/listings/60000004`)).json()).toMatchObject({ status: 'active' });
    await post(`${sim.url}/control`, { failureRate: 0 });
    expect((await post(`${sim.url}/taobao/commands/remove`, { externalId: '60000004', idempotencyKey: 'fail-1' })).status).toBe(200);
    expect(await (await fetch(`${sim.url}/control/stats`)).json()).toMatchObject({ failuresInjected: 1, perKey: { 'fail-1': 1 }, duplicatesSuppressed: 0 });

    expect((await post(`${sim.url}/control`, { failureRate: 2 })).status).toBe(400);
  });

  it('goes down with 503s or dropped connections while /control keeps answering', async () => {
    expect(await (await post(`${sim.url}/control`, { down: true })).json()).toMatchObject({ down: true });
    expect((await fetch(`${sim.url}/taobao/listings/60000005`)).status).toBe(503);
    expect((await post(`${sim.url}/taobao/commands/remove`, { externalId: '60000005', idempotencyKey: 'down-1' })).status).toBe(503);
    await post(`${sim.url}/control`, { down: 'reset' });
    await expect(post(`${sim.url}/taobao/commands/remove`, { externalId: '60000005', idempotencyKey: 'down-1' })).rejects.toThrow();
    await post(`${sim.url}/control`, { down: false });
    expect((await post(`${sim.url}/taobao/commands/remove`, { externalId: '60000005', idempotencyKey: 'down-1' })).status).toBe(200);
    expect(sim.app.simulator.snapshotStats().perKey['down-1']).toBe(1);
  });

  it('slows calls down by latencyMs', async () => {
    await post(`${sim.url}/control`, { latencyMs: 150 });
    const started = performance.now();
    await fetch(`${sim.url}/taobao/listings/60000006`);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('can lose the answer to an applied command; the retry is answered from the record, not applied again', async () => {
    await post(`${sim.url}/control`, { lostAckRate: 1 });
    await expect(post(`${sim.url}/taobao/commands/remove`, { externalId: '60000007', idempotencyKey: 'lost-1' })).rejects.toThrow();
    expect(await (await fetch(`${sim.url}/taobao/listings/60000007`)).json()).toMatchObject({ status: 'removed' });
    await post(`${sim.url}/control`, { lostAckRate: 0 });
    const retry = await post(`${sim.url}/taobao/commands/remove`, { externalId: '60000007', idempotencyKey: 'lost-1' });
    expect(retry.status).toBe(200);
    expect(sim.app.simulator.snapshotStats()).toMatchObject({ lostAcks: 1, duplicatesSuppressed: 1, perKey: { 'lost-1': 1 }, applied: { remove: 1 } });
  });

  it('counts requests for a key that overlap in time', async () => {
    await post(`${sim.url}/control`, { latencyMs: 100 });
    const [a, b] = await Promise.all([
      post(`${sim.url}/taobao/commands/remove`, { externalId: '60000008', idempotencyKey: 'twice' }),
      post(`${sim.url}/taobao/commands/remove`, { externalId: '60000008', idempotencyKey: 'twice' }),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(sim.app.simulator.snapshotStats()).toMatchObject({ concurrentDuplicates: 1, duplicatesSuppressed: 1, perKey: { twice: 1 } });
  });
});

describe('marketplace simulator state', () => {
  it('mirrors the demo world: same external ids and statuses as the platform seeds', () => {
    const app = createSimApp({ size: 'small', seed: 7 });
    const listings = generateWorld({ size: 'small', seed: 7, now: new Date(), passwordHash: '' }).tables.find(
      (table) => table.entity === Listing,
    )!.rows;
    expect(app.simulator.marketplaces.reduce((sum, { code }) => sum + app.simulator.listingCount(code), 0)).toBe(listings.length);
    for (const row of listings.filter((_, i) => i % 37 === 0)) {
      const listing = app.simulator.listing(row.marketplace as 'taobao', String(row.externalId));
      expect(listing?.status).toBe(row.status);
    }
  });

  it('keeps listing changes, idempotency answers and counters in SIM_STATE_FILE across restarts', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'jf-sim-'));
    const stateFile = join(folder, 'state.json');
    try {
      const first = await start({ catalogue, stateFile });
      const answer = await (await post(`${first.url}/taobao/commands/remove`, { externalId: '60000009', idempotencyKey: 'persist-1' })).json();
      await first.close();

      const second = await start({ catalogue, stateFile });
      expect(await (await fetch(`${second.url}/taobao/listings/60000009`)).json()).toMatchObject({ status: 'removed' });
      expect(await (await post(`${second.url}/taobao/commands/remove`, { externalId: '60000009', idempotencyKey: 'persist-1' })).json()).toEqual(answer);
      expect(second.app.simulator.snapshotStats()).toMatchObject({ perKey: { 'persist-1': 1 }, duplicatesSuppressed: 1 });
      await second.close();

      // A state file written for another world is ignored rather than misapplied.
      const other = createSimApp({ size: 'small', seed: 7, stateFile });
      expect(other.simulator.snapshotStats().perKey).toEqual({});
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('signed commands', () => {
  const secret = 'shared-with-the-platform-0123';
  let sim: Running;
  beforeAll(async () => {
    sim = await start({ catalogue, webhookSecret: secret });
  });
  afterAll(() => sim.close());

  const send = (body: unknown, signature?: string) =>
    fetch(`${sim.url}/taobao/commands/remove`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(signature ? { [WEBHOOK_SIGNATURE_HEADER]: signature } : {}) },
      body: JSON.stringify(body),
    });

  it('applies a command signed with the shared secret and refuses one unsigned or forged, changing nothing', async () => {
    const body = { externalId: '60000020', idempotencyKey: 'signed:1' };
    const unsigned = await send(body);
    expect(unsigned.status).toBe(401);
    expect(await errorOf(unsigned)).toMatchObject({ error: 'bad_signature', message: expect.stringMatching(/missing/) });
    expect((await send(body, signWebhook('not-the-shared-secret-at-all', JSON.stringify(body)))).status).toBe(401);
    expect(await (await fetch(`${sim.url}/taobao/listings/60000020`)).json()).toMatchObject({ status: 'active' });
    const signed = await send(body, signWebhook(secret, JSON.stringify(body)));
    expect(signed.status).toBe(200);
    expect(await (await fetch(`${sim.url}/taobao/listings/60000020`)).json()).toMatchObject({ status: 'removed' });
  });
});
