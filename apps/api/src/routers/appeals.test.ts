import type { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Appeal, AuditEvent, Notification, OutboxCommand, Removal, Seller, Setting, Strike } from '@jf/db';
import { testDatabaseKinds } from '@jf/db/testing';
import type { ApiTestBed } from '../testing';
import { startMarketplaceTestBed } from '../testing/http';
import { liftExpiredRestrictions, settleLapsedAppeals } from '../workers/appeal-deadlines';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSimApp, customCatalogue } from '@jf/marketplace-sim';

const DAY = 86_400_000;
const refusal = (promise: Promise<unknown>) => promise.then(() => null, (error: TRPCError) => error);

describe.each(testDatabaseKinds())('appeals and strikes on %s', (kind) => {
  let bed: ApiTestBed;
  let base: string;
  let secret: string;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ bed, base, secret, close } = await startMarketplaceTestBed(kind, 'Taobao counter-notices'));
  });
  afterAll(() => close());

  /** Brand A's listing `index`, removed `removedDaysAgo` days ago (null: not applied yet). */
  async function removed(index: number, removedDaysAgo: number | null = 1) {
    const em = bed.database.fork();
    const now = Date.now();
    const removal = em.create(Removal, {
      brand: bed.world.brandA.id,
      marketplace: 'taobao',
      listing: bed.world.listings[index]!.id,
      source: 'notice_standard',
      requestedAt: new Date(now - (removedDaysAgo ?? 0) * DAY - 60_000),
      removedAt: removedDaysAgo === null ? null : new Date(now - removedDaysAgo * DAY),
    });
    await em.flush();
    return removal;
  }

  const post = (body: unknown, key: string | null = secret) =>
    fetch(`${base}/api/v1/marketplace/counter-notices`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
      body: JSON.stringify(body),
    });
  let counter = 0;
  const counterNotice = (index: number, extra: Record<string, unknown> = {}) => ({
    externalId: `CN-${kind}-${++counter}`,
    listingExternalId: `TB-${index + 1}`,
    statement: 'I bought these from the brand’s authorised distributor.',
    evidence: ['https://seller.example/invoice.pdf'],
    ...extra,
  });
  const asBrand = (brand: 'A' | 'B') => bed.callerFor(bed.world.brandUsers[brand].brand_admin);
  const reviewer = () => bed.callerFor(bed.world.staff.reviewer);

  it('files a counter-notice from a marketplace key, tells the brand and gives it four days', async () => {
    const removal = await removed(0);
    const response = await post(counterNotice(0));
    expect(response.status).toBe(201);
    const body = (await response.json()) as { id: string; state: string; removalId: string; brandDueAt: string };
    expect(body).toMatchObject({ state: 'open', removalId: removal.id });
    expect(new Date(body.brandDueAt).getTime() - Date.now()).toBeGreaterThan(4 * DAY - 60_000);
    expect(await bed.database.fork().count(Notification, { brand: bed.world.brandA.id, entityType: 'appeal', entityId: body.id })).toBe(1);
    expect((await asBrand('A').appeals.list({})).data.map((appeal) => appeal.id)).toContain(body.id);
    expect((await asBrand('B').appeals.list({})).data.map((appeal) => appeal.id)).not.toContain(body.id);
    expect((await refusal(asBrand('B').appeals.byId({ id: body.id })))?.code).toBe('NOT_FOUND');
  });

  it('takes a counter-notice the marketplace simulator sends through the integration API with its own key', async () => {
    const removal = await removed(5);
    const sim = createSimApp({ catalogue: customCatalogue([{ marketplace: 'taobao', externalId: 'TB-6' }]), platform: { url: base, keys: { taobao: secret } } });
    const server: Server = await new Promise((resolve) => {
      const listening = sim.listen(0, '127.0.0.1', () => resolve(listening));
    });
    try {
      const simUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const sent = await fetch(`${simUrl}/control/counter-notices`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ marketplace: 'taobao', ...counterNotice(5) }),
      });
      expect(sent.status).toBe(201);
      const appeal = await bed.database.fork().findOneOrFail(Appeal, { removal: removal.id });
      expect(appeal.state).toBe('open');
      // Filed under the simulator's key: the platform's audit trail names it.
      expect(await bed.database.fork().count(AuditEvent, { action: 'api_call', actorLabel: { $like: 'API key %' } })).toBeGreaterThan(0);
      const noKey = await fetch(`${simUrl}/control/counter-notices`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ marketplace: 'tmall', ...counterNotice(6) }),
      });
      expect(noKey.status).toBe(409);
    } finally {
      sim.simulator.close();
      server.closeAllConnections();
      server.close();
    }
  });

  it('answers a resent counter-notice with the same appeal and refuses a second one for the removal', async () => {
    await removed(1);
    const first = counterNotice(1);
    const created = (await (await post(first)).json()) as { id: string };
    const again = await post(first);
    expect(again.status).toBe(200);
    expect(((await again.json()) as { id: string }).id).toBe(created.id);
    const duplicate = await post(counterNotice(1));
    expect(duplicate.status).toBe(409);
    expect(((await duplicate.json()) as { message: string }).message).toMatch(/appealed once/);
    expect(await bed.database.fork().count(Appeal, { removal: { listing: bed.world.listings[1]!.id } })).toBe(1);
  });

  it('refuses late counter-notices, unknown listings, bad bodies and bad keys with the reason', async () => {
    await removed(2, 5);
    const late = await post(counterNotice(2));
    expect(late.status).toBe(400);
    expect(((await late.json()) as { data: { fieldIssues: Record<string, string[]> } }).data.fieldIssues.removalId![0]).toMatch(/accepted until/);

    const unknown = await post(counterNotice(7));
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { data: { fieldIssues: Record<string, string[]> } }).data.fieldIssues.listingExternalId).toBeDefined();

    const bad = await post({ externalId: '', listingExternalId: 'TB-1', statement: 'short', evidence: ['not a url'] });
    expect(bad.status).toBe(400);
    expect(Object.keys(((await bad.json()) as { data: { fieldIssues: Record<string, string[]> } }).data.fieldIssues).sort()).toEqual(['evidence.0', 'externalId', 'statement']);

    expect((await post(counterNotice(2), null)).status).toBe(401);
    expect((await post(counterNotice(2), 'jfk_not-a-real-key')).status).toBe(401);
    const admin = bed.callerFor(bed.world.staff.platform_admin);
    const spare = await admin.admin.apiKeys.createMarketplaceKey({ marketplaceCode: 'taobao', name: 'Spare key' });
    await admin.admin.apiKeys.revoke({ id: spare.id });
    expect((await post(counterNotice(2), spare.secret)).status).toBe(401);
    expect((await admin.admin.apiKeys.list()).every((key) => !('secret' in key))).toBe(true);
    expect((await refusal(asBrand('A').admin.apiKeys.createMarketplaceKey({ marketplaceCode: 'taobao', name: 'Mine now' })))?.code).toBe('FORBIDDEN');
    expect(await bed.database.fork().count(Appeal, { removal: { listing: bed.world.listings[2]!.id } })).toBe(0);
  });

  it('lets the brand contest and a reviewer uphold: the seller gets a strike', async () => {
    await removed(3);
    const { id } = (await (await post(counterNotice(3))).json()) as { id: string };
    const contested = await asBrand('A').appeals.respond({ appealId: id, answer: 'contest', reason: 'Our distributor never supplied this seller.' });
    expect(contested).toMatchObject({ state: 'contested', brandAnswer: 'contest' });
    expect((await refusal(asBrand('A').appeals.respond({ appealId: id, answer: 'retract', reason: 'Changed our mind' })))?.message).toMatch(/Cannot retract an appeal that is contested/);
    expect((await refusal(bed.callerFor(bed.world.staff.account_manager).admin.appeals.decide({ appealId: id, decision: 'uphold', reason: 'Invoices forged' })))?.code).toBe('FORBIDDEN');
    const upheld = await reviewer().admin.appeals.decide({ appealId: id, decision: 'uphold', reason: 'The invoices do not match the distributor’s records.' });
    expect(upheld).toMatchObject({ state: 'upheld', seller: { activeStrikes: 1, status: 'active' } });
    expect(await bed.database.fork().count(Strike, { removal: { listing: bed.world.listings[3]!.id } })).toBe(1);
    expect((await refusal(reviewer().admin.appeals.decide({ appealId: id, decision: 'reinstate', reason: 'second thoughts' })))?.message).toMatch(/Cannot reinstate an appeal that is upheld/);
  });

  it('reinstates through the outbox when the brand retracts', async () => {
    const removal = await removed(4);
    const { id } = (await (await post(counterNotice(4))).json()) as { id: string };
    const retracted = await asBrand('A').appeals.respond({ appealId: id, answer: 'retract', reason: 'The seller is an authorised reseller after all.' });
    expect(retracted.state).toBe('reinstated');
    const command = await bed.database.fork().findOneOrFail(OutboxCommand, { idempotencyKey: `reinstate:${removal.id}` });
    expect(command.kind).toBe('reinstate_listing');
    expect(await bed.database.fork().count(AuditEvent, { entityType: 'appeal', entityId: id, action: 'appeal_retract' })).toBe(1);
  });

  it('treats silence past the brand window as a retraction, or as a contest when the settings say so', async () => {
    const silentRemoval = await removed(5);
    const { id: silent } = (await (await post(counterNotice(5))).json()) as { id: string };
    expect(await settleLapsedAppeals(bed.database, new Date(Date.now() + 3 * DAY))).toBe(0);
    expect(await settleLapsedAppeals(bed.database, new Date(Date.now() + 4 * DAY + 60_000))).toBeGreaterThanOrEqual(1);
    const settled = await bed.database.fork().findOneOrFail(Appeal, silent);
    expect(settled.state).toBe('reinstated');
    expect(settled.brandAnswer).toBe('retract');
    expect(settled.brandAnsweredBy).toBeNull();
    expect(await bed.database.fork().count(OutboxCommand, { idempotencyKey: `reinstate:${silentRemoval.id}` })).toBe(1);
    const late = await refusal(asBrand('A').appeals.respond({ appealId: silent, answer: 'contest', reason: 'Too late?' }));
    expect(late?.message).toMatch(/Cannot contest an appeal that is reinstated/);

    const em = bed.database.fork();
    em.create(Setting, { key: 'appeals', value: { silenceMeans: 'contest' } });
    await em.flush();
    await removed(6);
    const { id: contestedBySilence } = (await (await post(counterNotice(6))).json()) as { id: string };
    await settleLapsedAppeals(bed.database, new Date(Date.now() + 4 * DAY + 60_000));
    expect((await bed.database.fork().findOneOrFail(Appeal, contestedBySilence)).state).toBe('contested');
    await bed.database.fork().nativeDelete(Setting, { key: 'appeals' });
  });

  it('restricts a seller at three upheld removals', async () => {
    const em = bed.database.fork();
    const seller = await em.findOneOrFail(Seller, { externalId: 'S-1' });
    const before = seller.strikeCount;
    expect(before).toBe(1);
    for (const index of [7, 7]) {
      const removal = await removed(index);
      const appeal = bed.database.fork().create(Appeal, { removal: removal.id, brand: bed.world.brandA.id, marketplace: 'taobao', seller: seller.id, statement: 'x', evidence: [], state: 'contested', brandDueAt: new Date() });
      await bed.database.fork().persistAndFlush(appeal);
      await reviewer().admin.appeals.decide({ appealId: appeal.id, decision: 'uphold', reason: 'Counterfeit confirmed by test buy.' });
    }
    const after = await bed.database.fork().findOneOrFail(Seller, seller.id);
    expect(after.strikeCount).toBe(3);
    expect(after.status).toBe('restricted');
    expect(await bed.database.fork().count(AuditEvent, { action: 'seller_restricted', entityId: seller.id })).toBe(1);
    const told = await bed.database.fork().find(OutboxCommand, { kind: 'seller_status' });
    expect(told.map((command) => command.payload)).toEqual([expect.objectContaining({ externalSellerId: 'S-1', status: 'restricted', activeStrikes: 3 })]);

    // Strikes last 180 days: the day after the first expires the restriction lifts and the marketplace hears so.
    expect(await liftExpiredRestrictions(bed.database, new Date(Date.now() + 179 * DAY))).toBe(0);
    expect(await liftExpiredRestrictions(bed.database, new Date(Date.now() + 181 * DAY))).toBe(1);
    expect((await bed.database.fork().findOneOrFail(Seller, seller.id)).status).toBe('active');
    const lifted = await bed.database.fork().find(OutboxCommand, { kind: 'seller_status' }, { orderBy: { createdAt: 'ASC' } });
    expect(lifted.at(-1)!.payload).toMatchObject({ status: 'active', activeStrikes: 0 });
  });
});
