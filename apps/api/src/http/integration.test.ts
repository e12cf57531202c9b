import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiKey, createMarketplaceKey, hashApiKey, Marketplace, User } from '@jf/db';
import { testDatabaseKinds } from '@jf/db/testing';
import type { ApiTestBed } from '../testing';
import { startMarketplaceTestBed } from '../testing/http';

/** Marketplace keys: stored as a hash only, refused once revoked, and limited to their scopes. */
describe.each(testDatabaseKinds())('integration keys on %s', (kind) => {
  let bed: ApiTestBed;
  let base: string;
  let secret: string;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ bed, base, secret, close } = await startMarketplaceTestBed(kind, 'Key storage'));
  });
  afterAll(() => close());

  const file = (key: string) =>
    fetch(`${base}/api/v1/marketplace/counter-notices`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ externalId: 'CN-key', listingExternalId: 'TB-1', statement: 'A statement long enough to pass.', evidence: [] }),
    });
  const admin = () => bed.callerFor(bed.world.staff.platform_admin);

  it('stores only a hash of the key: no column of its row holds the secret', async () => {
    // The raw row, every column of it, not what the entity maps.
    const rows: Record<string, unknown>[] = await bed.database.fork().getConnection().execute('select * from api_keys where name = ?', ['Key storage']);
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(JSON.stringify(row)).not.toContain(secret);
    expect(row.secret_hash).toBe(hashApiKey(secret));
    // The prefix people tell their keys apart by is a fraction of the secret, not enough to use it.
    expect(secret.startsWith(String(row.prefix))).toBe(true);
    expect(String(row.prefix).length).toBeLessThan(secret.length / 2);
    expect(JSON.stringify(await admin().admin.apiKeys.list())).not.toContain(secret);
  });

  it('works until it is revoked, then is refused like an unknown key', async () => {
    const spare = await admin().admin.apiKeys.createMarketplaceKey({ marketplaceCode: 'taobao', name: 'Revoked soon' });
    expect((await file(spare.secret)).status).not.toBe(401);
    await admin().admin.apiKeys.revoke({ id: spare.id });
    const refused = await file(spare.secret);
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ code: 'UNAUTHORIZED', message: 'Send a live API key as Authorization: Bearer <key>' });
    expect((await bed.database.fork().findOneOrFail(ApiKey, spare.id)).revokedAt).toBeInstanceOf(Date);
  });

  it('refuses a key without the scope the endpoint needs', async () => {
    const em = bed.database.fork();
    const marketplace = await em.findOneOrFail(Marketplace, { code: 'taobao' });
    const creator = await em.findOneOrFail(User, bed.world.staff.platform_admin.id);
    const { secret: unscoped } = createMarketplaceKey(em, marketplace, 'No scopes', [], creator);
    await em.flush();
    const refused = await file(unscoped);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ code: 'FORBIDDEN', message: 'This key lacks the counter_notices scope', data: { domainCode: 'forbidden' } });
  });
});
