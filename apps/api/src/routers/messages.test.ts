import type { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountManagerAssignment, AuditEvent, Document, Message, MessageThread, NoticeItem, Notification } from '@jf/db';
import { testDatabaseKinds } from '@jf/db/testing';
import { createApiTestBed, type ApiTestBed } from '../testing';

const refusal = (promise: Promise<unknown>) => promise.then(() => null, (error: TRPCError) => error);

describe.each(testDatabaseKinds())('messages and account management on %s', (kind) => {
  let bed: ApiTestBed;
  let itemOfA: string;
  let itemOfB: string;
  beforeAll(async () => {
    bed = await createApiTestBed(kind);
    const fileNotice = async (brand: 'A' | 'B', listing: number) => {
      const { notice } = await bed.callerFor(bed.world.brandUsers[brand].brand_admin).notices.submit({
        ipRightId: bed.world.rights[brand].id,
        reason: 'counterfeit',
        evidence: 'Replica of our tote',
        listingIds: [bed.world.listings[listing]!.id],
        idempotencyKey: `messages-${brand}-${listing}`,
      });
      return (await bed.database.fork().findOneOrFail(NoticeItem, { notice: notice.id })).id;
    };
    itemOfA = await fileNotice('A', 0);
    itemOfB = await fileNotice('B', 1);
  });
  afterAll(() => bed.destroy());

  const brandAgentOf = (brand: 'A' | 'B') => bed.callerFor(bed.world.brandUsers[brand].brand_agent);
  const managerOfA = () => bed.callerFor(bed.world.staff.account_manager);
  const managerOfB = () => bed.callerFor(bed.world.otherManager);

  it('carries a question about an item to the brand’s manager and the answer back, with unread counts on both sides', async () => {
    const thread = await brandAgentOf('A').messages.start({ subject: 'Why was this rejected?', body: 'We have a test buy for it.', about: { type: 'notice_item', id: itemOfA } });
    expect(thread).toMatchObject({ about: { type: 'notice_item', id: itemOfA }, unread: 0, unreadByOtherSide: 1 });
    expect(await managerOfA().admin.messages.unread()).toEqual({ threads: 1, messages: 1 });
    const managerNote = await bed.database.fork().findOneOrFail(Notification, { user: bed.world.staff.account_manager.id, entityId: thread.id });
    expect(managerNote.kind).toBe('message');
    expect(managerNote.emailState).toBe('pending');

    const listed = await managerOfA().admin.messages.list({ filter: { unread: true } });
    expect(listed.data.map((row) => row.id)).toContain(thread.id);
    const opened = await managerOfA().admin.messages.open({ threadId: thread.id });
    expect(opened.messages).toHaveLength(1);
    expect(opened.thread.aboutNoticeId).toBeTruthy();
    expect(opened.messages[0]).toMatchObject({ authorSide: 'brand', unread: true, body: 'We have a test buy for it.' });
    expect(await managerOfA().admin.messages.unread()).toEqual({ threads: 0, messages: 0 });

    await managerOfA().admin.messages.reply({ threadId: thread.id, body: 'Send it over and we will look again.' });
    expect(await brandAgentOf('A').messages.unread()).toEqual({ threads: 1, messages: 1 });
    const notes = await brandAgentOf('A').notifications.list();
    expect(notes.some((note) => note.kind === 'message' && note.entityId === thread.id)).toBe(true);

    const seen = await brandAgentOf('A').messages.open({ threadId: thread.id });
    expect(seen.messages.map((message) => [message.authorSide, message.unread])).toEqual([
      ['brand', false],
      ['staff', true],
    ]);
    expect(await brandAgentOf('A').messages.unread()).toEqual({ threads: 0, messages: 0 });
    const aboutItem = await brandAgentOf('A').messages.threads({ about: { type: 'notice_item', id: itemOfA } });
    expect(aboutItem.data.map((row) => row.id)).toEqual([thread.id]);
    expect(await bed.database.fork().count(AuditEvent, { entityType: 'message_thread', entityId: thread.id })).toBe(2);
  });

  it('keeps brand B’s threads, items and documents out of brand A’s reach', async () => {
    const foreign = await brandAgentOf('B').messages.start({ subject: 'Question from B', body: 'Private to B' });
    expect((await refusal(brandAgentOf('A').messages.open({ threadId: foreign.id })))?.code).toBe('NOT_FOUND');
    expect((await refusal(brandAgentOf('A').messages.reply({ threadId: foreign.id, body: 'sneaking in' })))?.code).toBe('NOT_FOUND');
    expect((await brandAgentOf('A').messages.threads({})).data.every((row) => row.brandId === bed.world.brandA.id)).toBe(true);

    const aboutForeignItem = await refusal(brandAgentOf('A').messages.start({ subject: 'Not mine', body: 'x', about: { type: 'notice_item', id: itemOfB } }));
    expect(aboutForeignItem?.code).toBe('BAD_REQUEST');
    expect(aboutForeignItem?.message).toMatch(/about\.id/);

    const document = bed.database.fork();
    const foreignDocument = document.create(Document, { brand: bed.world.brandB.id, fileName: 'b.pdf', contentType: 'application/pdf', sizeBytes: 1, sha256: 'x', storagePath: '/dev/null' });
    await document.flush();
    const withForeignFile = await refusal(brandAgentOf('A').messages.start({ subject: 'Attach', body: 'x', attachmentIds: [foreignDocument.id] }));
    expect(withForeignFile?.code).toBe('BAD_REQUEST');
    expect(withForeignFile?.message).toMatch(/attachmentIds\.0/);
    expect(await bed.database.fork().count(Message, { body: 'sneaking in' })).toBe(0);
    expect(await bed.database.fork().count(MessageThread, { subject: { $in: ['Not mine', 'Attach'] } })).toBe(0);
  });

  it('shows a manager only their brands’ threads; leadership reads without clearing or answering; reviewers see none', async () => {
    const thread = await brandAgentOf('A').messages.start({ subject: 'For my manager only', body: 'Hello' });
    expect((await managerOfB().admin.messages.list({})).data.every((row) => row.brandId === bed.world.brandB.id)).toBe(true);
    expect((await refusal(managerOfB().admin.messages.open({ threadId: thread.id })))?.code).toBe('NOT_FOUND');
    expect((await refusal(managerOfB().admin.messages.reply({ threadId: thread.id, body: 'not mine' })))?.code).toBe('NOT_FOUND');
    expect((await refusal(managerOfB().admin.messages.start({ brandId: bed.world.brandA.id, subject: 'Hi A', body: 'x' })))?.code).toBe('NOT_FOUND');

    const leadership = bed.callerFor(bed.world.staff.leadership);
    expect((await leadership.admin.messages.open({ threadId: thread.id })).messages).toHaveLength(1);
    expect((await bed.database.fork().findOneOrFail(MessageThread, thread.id)).staffUnread).toBe(1);
    expect((await refusal(leadership.admin.messages.reply({ threadId: thread.id, body: 'from leadership' })))?.code).toBe('FORBIDDEN');
    expect((await refusal(bed.callerFor(bed.world.staff.reviewer).admin.messages.list({})))?.code).toBe('FORBIDDEN');
  });

  it('lets a manager open a thread with the brand, which the brand then sees as unread', async () => {
    const before = (await brandAgentOf('A').messages.unread()).threads;
    const thread = await managerOfA().admin.messages.start({ brandId: bed.world.brandA.id, subject: 'Your GFT record', body: 'Two rejections this week.' });
    expect(thread.unreadByOtherSide).toBe(1);
    expect((await brandAgentOf('A').messages.unread()).threads).toBe(before + 1);
  });

  it('refuses an empty message naming the field', async () => {
    const error = await refusal(brandAgentOf('A').messages.start({ subject: 'Empty', body: '   ' }));
    expect(error?.code).toBe('BAD_REQUEST');
    expect(JSON.stringify(error?.cause ?? error?.message)).toMatch(/body/);
  });

  it('keeps the manager history when a brand changes hands and tells the brand', async () => {
    const admin = bed.callerFor(bed.world.staff.platform_admin);
    const history = await admin.admin.accounts.managerHistory({ brandId: bed.world.brandA.id });
    await admin.admin.brands.update({ id: bed.world.brandA.id, accountManagerId: bed.world.otherManager.id, managerNote: 'Rebalancing portfolios' });
    const after = await admin.admin.accounts.managerHistory({ brandId: bed.world.brandA.id });
    expect(after).toHaveLength(history.length + 1);
    expect(after[0]).toMatchObject({ manager: { id: bed.world.otherManager.id }, note: 'Rebalancing portfolios', endedAt: null, assignedBy: { id: bed.world.staff.platform_admin.id } });
    expect(await bed.database.fork().count(AccountManagerAssignment, { brand: bed.world.brandA.id, endedAt: null })).toBe(1);
    expect((await brandAgentOf('A').brand.mine()).accountManager?.id).toBe(bed.world.otherManager.id);
    expect((await brandAgentOf('A').notifications.list())[0]!.title).toMatch(/is now your account manager/);

    // The old manager no longer reaches the brand's threads; the new one does.
    expect((await managerOfA().admin.messages.list({ filter: { brandId: bed.world.brandA.id } })).total).toBe(0);
    expect((await managerOfB().admin.messages.list({ filter: { brandId: bed.world.brandA.id } })).total).toBeGreaterThan(0);
    await admin.admin.brands.update({ id: bed.world.brandA.id, accountManagerId: bed.world.staff.account_manager.id });
    expect(await admin.admin.accounts.managerHistory({ brandId: bed.world.brandA.id })).toHaveLength(history.length + 2);
  });

  it('ranks the manager’s brands by what needs attention', async () => {
    const thread = await brandAgentOf('A').messages.start({ subject: 'Urgent', body: 'Please call' });
    const workspace = await managerOfA().admin.accounts.workspace();
    expect(workspace.map((row) => row.brandId)).toEqual([bed.world.brandA.id]);
    expect(workspace[0]).toMatchObject({ openNoticeItems: 1 });
    expect(workspace[0]!.unreadThreads).toBeGreaterThan(0);
    expect(workspace[0]!.reasons).toContain('unread_messages');
    await managerOfA().admin.messages.open({ threadId: thread.id });
    const all = await bed.callerFor(bed.world.staff.platform_admin).admin.accounts.workspace();
    expect(all.map((row) => row.brandId).sort()).toEqual([bed.world.brandA.id, bed.world.brandB.id].sort());
    expect((await refusal(bed.callerFor(bed.world.staff.leadership).admin.accounts.workspace()))?.code).toBe('FORBIDDEN');
  });

  it('keeps an allowlist of authorised sellers that only the brand’s manager changes', async () => {
    const entry = await managerOfA().admin.accounts.addToAllowlist({ brandId: bed.world.brandA.id, marketplaceCode: 'taobao', sellerExternalId: 'S-1', sellerName: 'Lucky Store', note: 'Licensed distributor until 2027' });
    const duplicate = await refusal(managerOfA().admin.accounts.addToAllowlist({ brandId: bed.world.brandA.id, marketplaceCode: 'taobao', sellerExternalId: 'S-1', note: 'again please' }));
    expect(duplicate?.code).toBe('CONFLICT');
    const unknownMarket = await refusal(managerOfA().admin.accounts.addToAllowlist({ brandId: bed.world.brandA.id, marketplaceCode: 'ebay', sellerExternalId: 'S-9', note: 'Licensed reseller' }));
    expect(unknownMarket?.code).toBe('BAD_REQUEST');
    expect(unknownMarket?.message).toMatch(/marketplaceCode/);
    expect((await refusal(managerOfB().admin.accounts.addToAllowlist({ brandId: bed.world.brandA.id, marketplaceCode: 'taobao', sellerExternalId: 'S-2', note: 'not my brand' })))?.code).toBe('FORBIDDEN');
    expect((await refusal(managerOfB().admin.accounts.removeFromAllowlist({ id: entry.id, reason: 'not my brand' })))?.code).toBe('FORBIDDEN');
    expect((await managerOfA().admin.accounts.allowlist({ brandId: bed.world.brandA.id })).map((row) => row.sellerExternalId)).toEqual(['S-1']);
    await managerOfA().admin.accounts.removeFromAllowlist({ id: entry.id, reason: 'Licence ended' });
    expect(await managerOfA().admin.accounts.allowlist({ brandId: bed.world.brandA.id })).toEqual([]);
    expect(await bed.database.fork().count(AuditEvent, { action: { $in: ['allowlist_added', 'allowlist_removed'] }, brandId: bed.world.brandA.id })).toBe(2);
  });

  it('stores each user’s notification choices and hides kinds they turned off in the app', async () => {
    const admin = bed.callerFor(bed.world.brandUsers.A.brand_admin);
    expect((await admin.notificationPreferences.get()).message).toEqual({ inApp: true, email: true });
    const saved = await admin.notificationPreferences.update({ preferences: { message: { inApp: false, email: false } } });
    expect(saved.message).toEqual({ inApp: false, email: false });
    expect(saved.gft_status).toEqual({ inApp: true, email: true });
    expect((await admin.notifications.list()).some((note) => note.kind === 'message')).toBe(false);
    expect((await brandAgentOf('A').notifications.list()).some((note) => note.kind === 'message')).toBe(true);
    const staffChoice = await managerOfA().notificationPreferences.update({ preferences: { notice_item_state: { inApp: true, email: true } } });
    expect(staffChoice.notice_item_state.email).toBe(true);
    expect((await refusal(admin.notificationPreferences.update({ preferences: { spam: { inApp: true, email: true } } as never })))?.code).toBe('BAD_REQUEST');
  });

  it('tells the brand when its GFT status changes', async () => {
    await bed.callerFor(bed.world.staff.account_manager).admin.brands.gftTransition({ id: bed.world.brandA.id, event: 'enrol', reason: 'Met the accuracy threshold for 90 days' });
    const note = (await brandAgentOf('A').notifications.list()).find((row) => row.kind === 'gft_status');
    expect(note?.title).toMatch(/enrolled/);
    expect(note?.body).toBe('Met the accuracy threshold for 90 days');
  });
});
