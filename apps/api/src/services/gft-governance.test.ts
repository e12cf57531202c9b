import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEvent, Brand, Notice, NoticeItem, Notification } from '@jf/db';
import { testDatabaseKinds } from '@jf/db/testing';
import type { NoticeItemState } from '@jf/domain';
import { createApiTestBed, type ApiTestBed } from '../testing';
import { runGftGovernance } from './gft-governance';

const DAY = 86_400_000;

describe.each(testDatabaseKinds())('GFT governance on %s', (kind) => {
  let bed: ApiTestBed;
  beforeAll(async () => {
    bed = await createApiTestBed(kind);
  });
  afterAll(() => bed.destroy());

  /** One notice of the brand with items decided `daysAgo` days ago in the given states. */
  async function record(brand: 'A' | 'B', states: NoticeItemState[], daysAgo = 10) {
    const em = bed.database.fork();
    const brandEntity = brand === 'A' ? bed.world.brandA : bed.world.brandB;
    const decidedAt = new Date(Date.now() - daysAgo * DAY);
    const notice = em.create(Notice, { brand: brandEntity.id, ipRight: bed.world.rights[brand].id, reason: 'counterfeit', evidence: 'x', path: 'standard', idempotencyKey: `gov-${brand}-${Math.random()}`, itemCount: states.length, submittedAt: decidedAt });
    states.forEach((state, index) => {
      em.create(NoticeItem, { notice, brand: brandEntity.id, marketplace: 'taobao', listing: bed.world.listings[index % 8]!.id, state, decidedAt, auditSampled: false, auditUpheld: null });
    });
    await em.flush();
  }
  const brandRow = (id: string) => bed.database.fork().findOneOrFail(Brand, id);
  const many = (state: NoticeItemState, count: number) => Array.from({ length: count }, () => state);

  it('suspends an enrolled brand whose record falls below the bar, tells it why and audits the numbers', async () => {
    await record('B', [...many('removed', 15), ...many('rejected', 5)]);
    const pass = await runGftGovernance(bed.database);
    expect(pass.changed).toContainEqual({ brandId: bed.world.brandB.id, from: 'enrolled', to: 'suspended' });
    const brand = await brandRow(bed.world.brandB.id);
    expect(brand.gftStatus).toBe('suspended');
    expect(brand.accuracy).toBeCloseTo(0.75);
    expect(brand.gftSuspendedAt).not.toBeNull();
    const note = await bed.database.fork().findOneOrFail(Notification, { brand: brand.id, kind: 'gft_status' });
    expect(note.body).toMatch(/75/);
    const audit = await bed.database.fork().findOneOrFail(AuditEvent, { action: 'gft_suspend', entityId: brand.id });
    expect(audit.actorLabel).toBe('GFT governance');
    expect(audit.after).toMatchObject({ gftStatus: 'suspended', decided: 20 });
  });

  it('keeps a suspended brand out during the cooldown even with a good record, and lets it back after', async () => {
    await record('B', many('removed', 200), 5);
    await runGftGovernance(bed.database);
    expect((await brandRow(bed.world.brandB.id)).gftStatus).toBe('suspended');
    const afterCooldown = new Date(Date.now() + 91 * DAY);
    // By then the early items left the window; fresh good ones are needed.
    await record('B', many('removed', 30), -85);
    const pass = await runGftGovernance(bed.database, afterCooldown);
    expect(pass.changed).toContainEqual({ brandId: bed.world.brandB.id, from: 'suspended', to: 'eligible' });
  });

  it('disqualifies an eligible brand with too thin a record and never enrols anyone by itself', async () => {
    await runGftGovernance(bed.database);
    expect((await brandRow(bed.world.brandA.id)).gftStatus).toBe('not_eligible');
    await record('A', many('removed', 25));
    const pass = await runGftGovernance(bed.database);
    expect(pass.changed).toContainEqual({ brandId: bed.world.brandA.id, from: 'not_eligible', to: 'eligible' });
    await runGftGovernance(bed.database);
    expect((await brandRow(bed.world.brandA.id)).gftStatus).toBe('eligible');
  });

  it('shows the brand its live standing against the thresholds', async () => {
    const standing = await bed.callerFor(bed.world.brandUsers.A.brand_agent).brand.gftStanding();
    expect(standing.status).toBe('eligible');
    expect(standing.overall.decided).toBe(25);
    expect(standing.thresholds).toMatchObject({ minSuccessRate: 0.9, minDecided: 20, windowDays: 90 });
    expect(standing.qualifies).toBe(true);
  });
});
