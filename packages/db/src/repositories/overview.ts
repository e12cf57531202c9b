import type { EntityManager } from '@mikro-orm/core';
import { GFT_STATUSES, REMOVAL_SOURCES, type GftStatus, type RemovalSource } from '@jf/domain';
import { Appeal, AuthRequest, Brand, NoticeItem, Removal } from '../entities';

export interface OverviewCounts {
  brandsByGftStatus: Record<GftStatus, number>;
  pendingNoticeItems: number;
  openAuthRequests: number;
  openAppeals: number;
  removalsBySource: Record<RemovalSource, number>;
}

/** Headline counts for the staff home pages; removals over the last `days` days. */
export async function overviewCounts(em: EntityManager, days = 30, now = new Date()): Promise<OverviewCounts> {
  const since = new Date(now.getTime() - days * 86_400_000);
  const [gftCounts, removalCounts, pendingNoticeItems, openAuthRequests, openAppeals] = await Promise.all([
    Promise.all(GFT_STATUSES.map((gftStatus) => em.count(Brand, { gftStatus }))),
    Promise.all(REMOVAL_SOURCES.map((source) => em.count(Removal, { source, requestedAt: { $gte: since } }))),
    em.count(NoticeItem, { state: 'pending' }),
    em.count(AuthRequest, { state: 'open' }),
    em.count(Appeal, { state: 'open' }),
  ]);
  return {
    brandsByGftStatus: Object.fromEntries(GFT_STATUSES.map((status, i) => [status, gftCounts[i] ?? 0])) as OverviewCounts['brandsByGftStatus'],
    removalsBySource: Object.fromEntries(REMOVAL_SOURCES.map((source, i) => [source, removalCounts[i] ?? 0])) as OverviewCounts['removalsBySource'],
    pendingNoticeItems,
    openAuthRequests,
    openAppeals,
  };
}
