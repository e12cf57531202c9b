import type { EntityManager } from '@mikro-orm/core';
import { decidedItemOutcome, type GftDecidedItem, type NoticeItemState, type NoticeReason } from '@jf/domain';
import { booleanOf, dateOf, selectRows } from './sql';

/**
 * The brand's notice items decided after `since`, as the GFT policy counts them: each with its
 * verdict (from state and audit) and the reason code of its notice.
 */
export async function brandDecidedItems(em: EntityManager, brandId: string, since: Date): Promise<GftDecidedItem[]> {
  const rows = await selectRows<Record<string, unknown>>(
    em,
    `select i.state, i.audit_upheld, i.decided_at, n.reason
     from notice_items i join notices n on n.id = i.notice_id
     where i.brand_id = ? and i.decided_at > ? and i.state in ('removed', 'rejected', 'reinstated')`,
    [brandId, since],
  );
  const items: GftDecidedItem[] = [];
  for (const row of rows) {
    const outcome = decidedItemOutcome({ state: row.state as NoticeItemState, auditUpheld: booleanOf(row.audit_upheld) });
    if (outcome) items.push({ decidedAt: dateOf(row.decided_at)!, outcome, reason: row.reason as NoticeReason });
  }
  return items;
}
