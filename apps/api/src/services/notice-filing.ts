import {
  DEFAULT_GFT_AUDIT_RATE,
  invalidInput,
  isAuditSampled,
  listingProblem,
  noticePathFor,
  notFound,
  rightProblem,
  testBuyProblem,
  type FieldIssues,
  type NoticePath,
  type SubmitNoticeInput,
} from '@jf/domain';
import { auditRow, fileNoticeItems, findBrandNotice, insertAuditRows, insertNotice, noticeCandidatesByIds, noticeFilingContext, type EntityManager, type NoticeCandidate } from '@jf/db';
import { presentNotice } from '../routers/notice-presenters';

export interface Screened {
  listing: NoticeCandidate | null;
  /** Why the listing cannot be noticed; null when it can. */
  problem: string | null;
}

/** Each listing id with the listing (when known) and why it cannot be noticed. */
export async function screenListings(em: EntityManager, listingIds: string[]): Promise<Map<string, Screened>> {
  const byId = new Map((await noticeCandidatesByIds(em, listingIds)).map((listing) => [listing.id, listing]));
  return new Map(listingIds.map((id) => [id, screen(byId.get(id) ?? null)]));
}

export const screen = (listing: NoticeCandidate | null): Screened => ({ listing, problem: listingProblem(listing) });

/**
 * Adds one item per listing to a stored notice. On the good-faith path each listing is removed at once:
 * the removal and its marketplace command join the caller's transaction, and a deterministic share of
 * items is drawn into the reviewers' audit sample.
 */
export async function fileItems(em: EntityManager, notice: { id: string; brandId: string; path: NoticePath }, listings: NoticeCandidate[], now: Date): Promise<void> {
  await fileNoticeItems(em, {
    noticeId: notice.id,
    brandId: notice.brandId,
    path: notice.path,
    listings,
    now,
    auditSampled: (itemId) => isAuditSampled(itemId, DEFAULT_GFT_AUDIT_RATE),
  });
}

export interface NoticeSubmitter {
  brandId: string;
  /** The brand user who filed it; null for an API key. */
  userId: string | null;
  actor: { id: string | null; label: string };
  requestId?: string | null;
}

/**
 * Files a notice for the portal and the REST API alike. A GFT-enrolled brand's listings are removed at
 * once: the removal record and the marketplace command are written in the caller's transaction; the
 * item turns `removed` on acknowledgement. The same idempotency key answers the notice already filed.
 */
export async function submitNotice(em: EntityManager, submitter: NoticeSubmitter, input: SubmitNoticeInput, now = new Date()) {
  const { brandId } = submitter;
  const filing = await noticeFilingContext(em, brandId, input.ipRightId, input.idempotencyKey);
  if (!filing) throw notFound('Brand');
  if (filing.replayNoticeId) {
    const replay = await findBrandNotice(em, brandId, filing.replayNoticeId);
    return { notice: presentNotice(replay!), replayed: true };
  }
  const issues: FieldIssues = {};
  const rightIssue = rightProblem(filing.right, brandId, now);
  if (rightIssue) issues.ipRightId = [rightIssue];
  const testBuyIssue = testBuyProblem(input.reason, input.testBuyOrderRef);
  if (testBuyIssue) issues.testBuyOrderRef = [testBuyIssue];
  const uniqueIds = [...new Set(input.listingIds)];
  const screened = await screenListings(em, uniqueIds);
  uniqueIds.forEach((id, index) => {
    const problem = screened.get(id)!.problem;
    if (problem) issues[`listingIds.${index}`] = [problem];
  });
  if (Object.keys(issues).length > 0) throw invalidInput('The notice was not filed', issues);

  // Written natively, not through the unit of work: a GFT notice is on the hot path to removal.
  const notice = {
    brandId,
    submittedById: submitter.userId,
    ipRightId: input.ipRightId,
    reason: input.reason,
    evidence: input.evidence,
    testBuyOrderRef: input.testBuyOrderRef ?? null,
    path: noticePathFor(filing.gftStatus),
    idempotencyKey: input.idempotencyKey,
    itemCount: uniqueIds.length,
    submittedAt: now,
  };
  const id = await insertNotice(em, notice);
  await fileItems(em, { id, brandId, path: notice.path }, uniqueIds.map((listingId) => screened.get(listingId)!.listing!), now);
  await insertAuditRows(em, [
    auditRow({ actor: submitter.actor, requestId: submitter.requestId ?? null, action: 'notice_submitted', entityType: 'notice', entityId: id, brandId, after: { path: notice.path, items: uniqueIds.length, reason: input.reason } }, now),
  ]);
  return { notice: presentNotice({ ...notice, id, brand: { id: brandId }, ipRight: { id: input.ipRightId } }), replayed: false };
}
