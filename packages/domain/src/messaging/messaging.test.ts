import { describe, expect, it } from 'vitest';
import { replyInput, startThreadInput } from '../api/messages';
import { brandAttention, gftAtRisk, rankByAttention, type BrandWorkload } from './attention';
import { renderNotificationEmail } from './email';
import { DEFAULT_NOTIFICATION_PREFERENCES, mergeNotificationPreferences, resolveNotificationPreferences, updateNotificationPreferencesInput, wantsNotification } from './preferences';
import { isUnreadFor } from './read-state';
import { scopeCovers, scopeMayWrite, staffThreadScope } from './access';

const settings = { suspendBelowSuccessRate: 0.9 };
const quiet: BrandWorkload = {
  brandId: 'b',
  brandName: 'Quiet',
  gftStatus: 'not_eligible',
  accuracy: null,
  openNoticeItems: 0,
  overdueAuthRequests: 0,
  pendingAppeals: 0,
  unreadThreads: 0,
  recentRejections: 0,
};

describe('thread scope', () => {
  it('lets an account manager read and write only the brands they manage', () => {
    const scope = staffThreadScope('account_manager', 'am-1');
    expect(scopeCovers(scope, 'am-1')).toBe(true);
    expect(scopeCovers(scope, 'am-2')).toBe(false);
    expect(scopeCovers(scope, null)).toBe(false);
    expect(scopeMayWrite(scope, 'am-1')).toBe(true);
    expect(scopeMayWrite(scope, 'am-2')).toBe(false);
  });

  it('lets leadership read every thread but answer none, and gives reviewers and brand users nothing', () => {
    const leadership = staffThreadScope('leadership', 'l');
    expect(scopeCovers(leadership, 'am-1')).toBe(true);
    expect(scopeMayWrite(leadership, 'am-1')).toBe(false);
    expect(scopeCovers(staffThreadScope('reviewer', 'r'), 'am-1')).toBe(false);
    expect(scopeCovers(staffThreadScope('brand_admin', 'u'), null)).toBe(false);
    expect(scopeMayWrite(staffThreadScope('platform_admin', 'p'), null)).toBe(true);
  });
});

describe('read state', () => {
  const at = (iso: string) => new Date(iso);
  it('counts only the other side’s messages newer than the side’s read mark', () => {
    const marks = { brandReadAt: at('2026-01-02T00:00:00Z'), staffReadAt: null };
    expect(isUnreadFor('brand', marks, { authorSide: 'staff', createdAt: at('2026-01-03T00:00:00Z') })).toBe(true);
    expect(isUnreadFor('brand', marks, { authorSide: 'staff', createdAt: at('2026-01-01T00:00:00Z') })).toBe(false);
    expect(isUnreadFor('brand', marks, { authorSide: 'brand', createdAt: at('2026-01-03T00:00:00Z') })).toBe(false);
    expect(isUnreadFor('staff', marks, { authorSide: 'brand', createdAt: at('2026-01-01T00:00:00Z') })).toBe(true);
  });
});

describe('notification preferences', () => {
  it('fills what the user never chose from the defaults and ignores malformed storage', () => {
    const resolved = resolveNotificationPreferences({ message: { inApp: true, email: false }, gft_status: 'yes', unknown: { inApp: false, email: false } });
    expect(resolved.message).toEqual({ inApp: true, email: false });
    expect(resolved.gft_status).toEqual(DEFAULT_NOTIFICATION_PREFERENCES.gft_status);
    expect(Object.keys(resolved)).not.toContain('unknown');
    expect(resolveNotificationPreferences(null)).toEqual(DEFAULT_NOTIFICATION_PREFERENCES);
  });

  it('changes only the kinds sent and keeps the rest', () => {
    const merged = mergeNotificationPreferences({ message: { inApp: false, email: false } }, { notice_item_state: { inApp: true, email: true } });
    expect(wantsNotification(merged, 'message', 'email')).toBe(false);
    expect(wantsNotification(merged, 'notice_item_state', 'email')).toBe(true);
    expect(wantsNotification(merged, 'gft_status', 'email')).toBe(true);
  });

  it('rejects an unknown kind or a missing channel', () => {
    expect(updateNotificationPreferencesInput.safeParse({ preferences: { spam: { inApp: true, email: true } } }).success).toBe(false);
    expect(updateNotificationPreferencesInput.safeParse({ preferences: { message: { inApp: true } } }).success).toBe(false);
  });
});

describe('message inputs', () => {
  it('trims bodies and refuses empty ones, too many attachments and a subject without an id', () => {
    expect(replyInput.parse({ threadId: '0190d0a8-0000-7000-8000-000000000000', body: '  hi  ' }).body).toBe('hi');
    expect(replyInput.safeParse({ threadId: '0190d0a8-0000-7000-8000-000000000000', body: '   ' }).success).toBe(false);
    const six = Array.from({ length: 6 }, () => '0190d0a8-0000-7000-8000-000000000000');
    expect(replyInput.safeParse({ threadId: six[0], body: 'x', attachmentIds: six }).success).toBe(false);
    expect(startThreadInput.safeParse({ subject: 'Why?', body: 'x', about: { type: 'notice_item' } }).success).toBe(false);
  });
});

describe('attention ranking', () => {
  it('puts an enrolled brand near the suspension line first, then unanswered messages, then backlog', () => {
    const ranked = rankByAttention(
      [
        { ...quiet, brandId: 'backlog', brandName: 'Backlog', openNoticeItems: 500 },
        { ...quiet, brandId: 'risk', brandName: 'Risk', gftStatus: 'enrolled', accuracy: 0.91 },
        { ...quiet, brandId: 'waiting', brandName: 'Waiting', unreadThreads: 1 },
        quiet,
      ],
      settings,
    );
    expect(ranked.map((brand) => brand.brandId)).toEqual(['risk', 'waiting', 'backlog', 'b']);
    expect(ranked[0]!.reasons).toEqual(['gft_at_risk']);
    expect(ranked[3]!.score).toBe(0);
  });

  it('caps counts so a huge backlog does not outrank one unread message', () => {
    expect(brandAttention({ ...quiet, openNoticeItems: 10_000 }, settings).score).toBeLessThan(brandAttention({ ...quiet, unreadThreads: 1 }, settings).score);
  });

  it('only judges enrolled brands with a record as at risk', () => {
    expect(gftAtRisk({ gftStatus: 'enrolled', accuracy: 0.93 }, settings)).toBe(false);
    expect(gftAtRisk({ gftStatus: 'enrolled', accuracy: 0.929 }, settings)).toBe(true);
    expect(gftAtRisk({ gftStatus: 'eligible', accuracy: 0.5 }, settings)).toBe(false);
    expect(gftAtRisk({ gftStatus: 'enrolled', accuracy: null }, settings)).toBe(false);
  });

  it('breaks ties by name', () => {
    const ranked = rankByAttention([{ ...quiet, brandName: 'Zeta' }, { ...quiet, brandName: 'Alpha' }], settings);
    expect(ranked.map((brand) => brand.brandName)).toEqual(['Alpha', 'Zeta']);
  });
});

describe('notification e-mail', () => {
  it('names the brand and kind in a single-line subject and links to the app', () => {
    const mail = renderNotificationEmail({
      kind: 'message',
      title: 'Re: listing\r\nBcc: evil@example.com',
      body: 'We looked at it.',
      recipientName: 'Ann',
      brandName: 'Acme',
      link: 'http://localhost:3000/portal/messages/1',
    });
    expect(mail.subject).toBe('[Joint Force · Acme] New message: Re: listing Bcc: evil@example.com');
    expect(mail.subject).not.toMatch(/[\r\n]/);
    expect(mail.text).toContain('Hello Ann,');
    expect(mail.text).toContain('http://localhost:3000/portal/messages/1');
  });
});
