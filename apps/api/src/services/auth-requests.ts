import type { EntityManager } from '@mikro-orm/core';
import { invalidInput, transitionAuthRequest, type AnswerAuthRequestsInput, type FieldIssues } from '@jf/domain';
import { AllowlistEntry, AuthRequest, Removal, enqueueRemoval, recordAudit, type User } from '@jf/db';
import { queueLabels } from './detection';

export const AUTH_REQUEST_POPULATE = ['listing', 'listing.seller', 'product', 'brand', 'answeredBy', 'marketplace'] as const;

export interface Answerer {
  user: User | null;
  brandId: string;
  actor: { id: string | null; label: string };
  requestId?: string | null;
}

/**
 * Answers one or many of the brand's open requests with one verdict, all or none: `counterfeit`
 * removes each listing at once (source `authentication`, the marketplace command in the same
 * transaction), `genuine` clears it and may allowlist its seller; counterfeit and genuine answers
 * become detection labels. Requests of another brand are refused as unknown.
 */
export async function answerAuthRequests(em: EntityManager, answerer: Answerer, input: AnswerAuthRequestsInput, now = new Date()) {
  const ids = [...new Set(input.ids)];
  const requests = await em.find(AuthRequest, { id: { $in: ids }, brand: answerer.brandId }, { populate: AUTH_REQUEST_POPULATE });
  const byId = new Map(requests.map((request) => [request.id, request]));
  const issues: FieldIssues = {};
  for (const [index, id] of ids.entries()) {
    const request = byId.get(id);
    if (!request) issues[`ids.${index}`] = ['is not an authentication request of your brand'];
    else if (!transitionAuthRequest(request.state, 'answer').ok) issues[`ids.${index}`] = [`was already ${request.state === 'expired' ? 'expired' : 'answered'}; it can no longer be answered`];
  }
  if (Object.keys(issues).length > 0) throw invalidInput('No request was answered', issues);
  const busyListings = new Set(
    (await em.find(Removal, { listing: { $in: requests.map((request) => request.listing.id) }, reinstatedAt: null }, { fields: ['listing'] })).map((removal) => removal.listing.id),
  );
  const removals = new Map<string, Removal>();
  const audit = (entry: Omit<Parameters<typeof recordAudit>[1], 'actor' | 'requestId'>) => recordAudit(em, { ...entry, actor: answerer.actor, requestId: answerer.requestId ?? null }, now);
  for (const request of requests) {
    request.state = 'answered';
    request.answer = input.answer;
    request.answerReason = input.reason;
    request.answeredBy = answerer.user;
    request.answeredAt = now;
    if (input.answer === 'counterfeit' && request.listing.status !== 'removed' && !busyListings.has(request.listing.id)) {
      const removal = em.create(Removal, { brand: request.brand, marketplace: request.marketplace, listing: request.listing, source: 'authentication', authRequest: request, requestedAt: now });
      enqueueRemoval(em, { removal, listing: request.listing, marketplace: request.marketplace, brand: request.brand }, now);
      busyListings.add(request.listing.id);
      removals.set(request.id, removal);
    }
    if (input.answer === 'genuine' && input.allowlistSeller) {
      const seller = request.listing.seller;
      if ((await em.count(AllowlistEntry, { brand: answerer.brandId, marketplace: request.marketplace, sellerExternalId: seller.externalId })) === 0) {
        em.create(AllowlistEntry, { brand: request.brand, marketplace: request.marketplace, sellerExternalId: seller.externalId, sellerName: seller.name, note: `Answered genuine: ${input.reason}`, addedBy: answerer.user });
        audit({ action: 'allowlist_added', entityType: 'seller', entityId: seller.externalId, brandId: answerer.brandId, after: { marketplace: request.marketplace.code, note: input.reason, authRequestId: request.id } });
      }
    }
    audit({
      action: `auth_request_answered_${input.answer}`,
      entityType: 'auth_request',
      entityId: request.id,
      brandId: answerer.brandId,
      before: { state: 'open' },
      after: { state: 'answered', answer: input.answer, reason: input.reason, removalId: removals.get(request.id)?.id ?? null },
    });
  }
  await queueLabels(
    em,
    requests.map((request) => ({ source: 'authentication', sourceId: request.id, listingId: request.listing.id, brandId: answerer.brandId, answer: input.answer })),
    now,
  );
  return { requests, removals };
}
