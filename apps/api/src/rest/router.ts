import { z } from 'zod';
import {
  BRAND_KEY_SCOPES,
  counterNoticeInput,
  cursorPageOutput,
  DomainError,
  idSchema,
  invalidInput,
  notFound,
  restAnswerAuthRequestsInput,
  restBulkJob,
  restBulkNoticeInput,
  restAppeal,
  restAppealsInput,
  restAuthRequest,
  restAuthRequestsInput,
  restCounterNoticeOutput,
  restIpRight,
  restListingBatchInput,
  restListingBatchOutput,
  restNotice,
  restNoticeWithItems,
  restRemoval,
  restRemovalsInput,
  restRespondToAppealInput,
  restSubmitNoticeInput,
  restSubmitNoticeOutput,
  cursorPageInput,
  type FieldIssues,
} from '@jf/domain';
import {
  Appeal,
  AuthRequest,
  brandIpRights,
  BulkJobError,
  findBrandBulkJob,
  findAppeal,
  findBrandNotice,
  findListingsByExternalIds,
  Notice,
  noticeItems,
  Removal,
  Seller,
  upsertFeedListings,
} from '@jf/db';
import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import { moveAppeal, fileCounterNotice } from '../services/appeals';
import { AUTH_REQUEST_POPULATE, answerAuthRequests } from '../services/auth-requests';
import { submitNotice } from '../services/notice-filing';
import { acceptBulkUpload, storeUpload } from '../services/bulk-notices';
import { Readable } from 'node:stream';
import { presentIpRight } from '../routers/presenters';
import { presentBulkJob } from '../routers/bulk-notices';
import { brandProcedure, keyActor, marketplaceProcedure, restRouter } from './init';

const iso = (date: Date | null | undefined) => (date ? date.toISOString() : null);
/** A CSV cell: quoted when it holds a separator, a quote or a line break. */
const csvCell = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** An opaque cursor: the last row's time and id, so pages stay stable while rows are added. */
interface Cursor {
  at: Date;
  id: string;
}
const encodeCursor = (at: Date, id: string) => Buffer.from(JSON.stringify([at.toISOString(), id])).toString('base64url');
function decodeCursor(cursor: string | undefined): Cursor | null {
  if (!cursor) return null;
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    const date = new Date(at);
    if (Number.isNaN(date.getTime()) || !idSchema.safeParse(id).success) throw new Error('bad cursor');
    return { at: date, id };
  } catch {
    throw invalidInput('The page was not read', { cursor: ['is not a cursor this API gave out'] });
  }
}

/** Newest first, `limit` rows after the cursor, and the cursor of the next page (null on the last). */
async function cursorPage<T extends { id: string }>(
  em: EntityManager,
  entity: new () => T,
  where: FilterQuery<T>,
  timeField: keyof T & string,
  input: { cursor?: string; limit: number },
  populate: readonly string[] = [],
): Promise<{ rows: T[]; nextCursor: string | null }> {
  const cursor = decodeCursor(input.cursor);
  const after = cursor ? { $or: [{ [timeField]: { $lt: cursor.at } }, { [timeField]: cursor.at, id: { $lt: cursor.id } }] } : {};
  const rows = await em.find(entity, { $and: [where, after] } as FilterQuery<T>, {
    orderBy: { [timeField]: 'DESC', id: 'DESC' } as never,
    limit: input.limit + 1,
    populate: populate as never,
  });
  const more = rows.length > input.limit;
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return { rows: page, nextCursor: more && last ? encodeCursor(last[timeField] as Date, last.id) : null };
}

const presentNotice = (notice: Notice) => ({
  id: notice.id,
  ipRightId: notice.ipRight.id,
  reason: notice.reason,
  path: notice.path,
  idempotencyKey: notice.idempotencyKey,
  itemCount: notice.itemCount,
  submittedAt: notice.submittedAt.toISOString(),
});

const presentAuthRequest = (request: AuthRequest) => ({
  id: request.id,
  marketplace: request.marketplace.code,
  listingId: request.listing.externalId,
  title: request.listing.title,
  sellerId: request.listing.seller.externalId,
  state: request.state,
  score: request.score,
  signals: request.signals,
  answer: request.answer,
  answerReason: request.answerReason,
  answeredAt: iso(request.answeredAt),
  dueAt: request.dueAt.toISOString(),
  createdAt: request.createdAt.toISOString(),
});

const presentAppeal = (appeal: Appeal) => ({
  id: appeal.id,
  removalId: appeal.removal.id,
  marketplace: appeal.marketplace.code,
  listingId: appeal.removal.listing.externalId,
  state: appeal.state,
  statement: appeal.statement,
  brandDueAt: iso(appeal.brandDueAt),
  brandAnswer: appeal.brandAnswer,
  createdAt: appeal.createdAt.toISOString(),
});

/** An agent's key names the brand each call acts for; a brand key never needs to. */
const brandHeaders = z.object({
  'x-brand-id': idSchema.optional().describe('For agent keys: the brand this call acts for (one that authorised your organisation); implied when there is only one.'),
});
const brandTag = { tags: ['Brands and agents'], protect: true, requestHeaders: brandHeaders };
const marketplaceTag = { tags: ['Marketplaces'], protect: true };

export const apiV1Router = restRouter({
  ipRights: restRouter({
    list: brandProcedure('read')
      .meta({ openapi: { method: 'GET', path: '/ip-rights', summary: 'The brand’s IP rights and their verification', ...brandTag } })
      .input(z.object({}))
      .output(z.object({ data: z.array(restIpRight) }))
      .query(async ({ ctx }) => ({ data: (await brandIpRights(ctx.em, ctx.brandId)).map(presentIpRight) })),
  }),

  notices: restRouter({
    /** Same rules and idempotency as the portal; listings are named by marketplace and the marketplace's id. */
    submit: brandProcedure('file_notices')
      .meta({ openapi: { method: 'POST', path: '/notices', summary: 'File a takedown notice', ...brandTag } })
      .input(restSubmitNoticeInput)
      .output(restSubmitNoticeOutput)
      .mutation(async ({ ctx, input }) => {
        const keys = input.listings.map((ref) => `${ref.marketplace}:${ref.listingId}`);
        const known = new Map(
          (await findListingsByExternalIds(ctx.em, input.listings.map((ref) => ({ marketplace: ref.marketplace, externalId: ref.listingId })))).map((listing) => [
            `${listing.marketplace.code}:${listing.externalId}`,
            listing.id,
          ]),
        );
        const issues: FieldIssues = {};
        keys.forEach((key, index) => {
          if (!known.has(key)) issues[`listings.${index}`] = [`is not a listing the platform knows (${key})`];
        });
        if (Object.keys(issues).length > 0) throw invalidInput('The notice was not filed', issues);
        const firstIndex = new Map<string, number>();
        keys.forEach((key, index) => firstIndex.set(key, firstIndex.get(key) ?? index));
        const uniqueKeys = [...firstIndex.keys()];
        try {
          return await submitNotice(
            ctx.em,
            { brandId: ctx.brandId, userId: null, actor: keyActor(ctx.principal), requestId: ctx.requestId },
            { ...input, listingIds: uniqueKeys.map((key) => known.get(key)!) },
          );
        } catch (error) {
          // The filing names listings by their place among distinct ones; name them as the caller sent them.
          if (error instanceof DomainError && Object.keys(error.fieldIssues).some((field) => field.startsWith('listingIds.'))) {
            const renamed: FieldIssues = {};
            for (const [field, reasons] of Object.entries(error.fieldIssues)) {
              const match = /^listingIds\.(\d+)$/.exec(field);
              renamed[match ? `listings.${firstIndex.get(uniqueKeys[Number(match[1])]!)}` : field] = reasons;
            }
            throw invalidInput('The notice was not filed', renamed);
          }
          throw error;
        }
      }),

    /**
     * A bulk notice, as the portal's CSV upload: accepted at once as a job (202), filed row by row in the
     * background — good rows go through, each bad row gets an error — with progress at /notices/bulk/{id}.
     */
    bulk: brandProcedure('file_notices')
      .meta({ ownTransactions: true, openapi: { method: 'POST', path: '/notices/bulk', summary: 'File a bulk notice (up to 10,000 listings a call), processed as a job', ...brandTag } })
      .input(restBulkNoticeInput)
      .output(z.object({ jobId: idSchema, replayed: z.boolean() }))
      .mutation(async ({ ctx, input }) => {
        // The rows become the same CSV the portal uploads, so one pipeline files both.
        const csv = ['marketplace,listing_id', ...input.listings.map((ref) => `${csvCell(ref.marketplace)},${csvCell(ref.listingId)}`)].join('\n') + '\n';
        const stored = await storeUpload(Readable.from([csv]), ctx.uploadDir);
        const accepted = await acceptBulkUpload(
          ctx.database,
          { brandId: ctx.brandId, userId: null, actor: keyActor(ctx.principal), idempotencyKey: `api:${input.idempotencyKey}` },
          { ipRightId: input.ipRightId, reason: input.reason, evidence: input.evidence, testBuyOrderRef: input.testBuyOrderRef },
          { ...stored, fileName: `api-${input.idempotencyKey}.csv` },
        );
        if (!accepted.replayed) void ctx.bulkRunner.enqueue(accepted.jobId);
        return accepted;
      }),

    bulkStatus: brandProcedure('read')
      .meta({ openapi: { method: 'GET', path: '/notices/bulk/{id}', summary: 'A bulk notice’s progress, its notice and its rejected rows', ...brandTag } })
      .input(z.object({ id: idSchema }))
      .output(restBulkJob)
      .query(async ({ ctx, input }) => {
        const job = await findBrandBulkJob(ctx.em, ctx.brandId, input.id);
        if (!job) throw notFound('Bulk notice');
        const errors = await ctx.em.find(BulkJobError, { job: job.id }, { orderBy: { row: 'ASC' }, limit: 200 });
        return {
          ...presentBulkJob(job),
          errors: errors.map((error) => ({ row: error.row, column: error.column, message: error.message })),
        };
      }),

    list: brandProcedure('read')
      .meta({ openapi: { method: 'GET', path: '/notices', summary: 'The brand’s notices, newest first', ...brandTag } })
      .input(cursorPageInput)
      .output(cursorPageOutput(restNotice))
      .query(async ({ ctx, input }) => {
        const page = await cursorPage(ctx.em, Notice, { brand: ctx.brandId }, 'submittedAt', input);
        return { data: page.rows.map(presentNotice), nextCursor: page.nextCursor };
      }),

    get: brandProcedure('read')
      .meta({ openapi: { method: 'GET', path: '/notices/{id}', summary: 'A notice with the state of each item', ...brandTag } })
      .input(z.object({ id: idSchema }))
      .output(restNoticeWithItems)
      .query(async ({ ctx, input }) => {
        const notice = await findBrandNotice(ctx.em, ctx.brandId, input.id);
        if (!notice) throw notFound('Notice');
        const items = await noticeItems(ctx.em, notice.id);
        const removals = new Map((await ctx.em.find(Removal, { noticeItem: { $in: items.map((item) => item.id) } })).map((removal) => [removal.noticeItem!.id, removal]));
        return {
          ...presentNotice(notice),
          items: items.map((item) => {
            const removal = removals.get(item.id);
            return {
              id: item.id,
              marketplace: item.marketplace.code,
              listingId: item.listing.externalId,
              title: item.listing.title,
              state: item.state,
              rejectionCode: item.rejectionCode,
              rejectionMessage: item.rejectionMessage,
              infoRequest: item.infoRequest,
              removedAt: iso(removal?.removedAt),
              reinstatedAt: iso(removal?.reinstatedAt),
              turnaroundMs: removal?.removedAt ? removal.removedAt.getTime() - removal.requestedAt.getTime() : null,
            };
          }),
        };
      }),
  }),

  authRequests: restRouter({
    list: brandProcedure('read')
      .meta({ openapi: { method: 'GET', path: '/auth-requests', summary: 'Authentication requests to the brand, newest first', ...brandTag } })
      .input(restAuthRequestsInput)
      .output(cursorPageOutput(restAuthRequest))
      .query(async ({ ctx, input }) => {
        const page = await cursorPage(ctx.em, AuthRequest, { brand: ctx.brandId, ...(input.state ? { state: input.state } : {}) }, 'createdAt', input, AUTH_REQUEST_POPULATE);
        return { data: page.rows.map(presentAuthRequest), nextCursor: page.nextCursor };
      }),

    answer: brandProcedure('answer_auth_requests')
      .meta({ openapi: { method: 'POST', path: '/auth-requests/answer', summary: 'Answer authentication requests: counterfeit removes at once', ...brandTag } })
      .input(restAnswerAuthRequestsInput)
      .output(z.object({ answered: z.array(restAuthRequest) }))
      .mutation(async ({ ctx, input }) => {
        if (input.allowlistSeller && input.answer !== 'genuine') throw invalidInput('No request was answered', { allowlistSeller: ['only a genuine answer can add the seller to the allowlist'] });
        const { requests } = await answerAuthRequests(ctx.em, { user: null, brandId: ctx.brandId, actor: keyActor(ctx.principal), requestId: ctx.requestId }, input);
        return { answered: requests.map(presentAuthRequest) };
      }),
  }),

  removals: restRouter({
    list: brandProcedure('read')
      .meta({ openapi: { method: 'GET', path: '/removals', summary: 'Removals made for the brand, newest first', ...brandTag } })
      .input(restRemovalsInput)
      .output(cursorPageOutput(restRemoval))
      .query(async ({ ctx, input }) => {
        const page = await cursorPage(ctx.em, Removal, { brand: ctx.brandId, ...(input.source ? { source: input.source } : {}) }, 'requestedAt', input, ['listing']);
        return {
          data: page.rows.map((removal) => ({
            id: removal.id,
            source: removal.source,
            marketplace: removal.marketplace.code,
            listingId: removal.listing.externalId,
            requestedAt: removal.requestedAt.toISOString(),
            removedAt: iso(removal.removedAt),
            reinstatedAt: iso(removal.reinstatedAt),
          })),
          nextCursor: page.nextCursor,
        };
      }),
  }),

  appeals: restRouter({
    list: brandProcedure('read')
      .meta({ openapi: { method: 'GET', path: '/appeals', summary: 'Sellers’ appeals against the brand’s removals', ...brandTag } })
      .input(restAppealsInput)
      .output(cursorPageOutput(restAppeal))
      .query(async ({ ctx, input }) => {
        const page = await cursorPage(ctx.em, Appeal, { brand: ctx.brandId, ...(input.state ? { state: input.state } : {}) }, 'createdAt', input, ['removal', 'removal.listing']);
        return { data: page.rows.map(presentAppeal), nextCursor: page.nextCursor };
      }),

    respond: brandProcedure('file_notices')
      .meta({ openapi: { method: 'POST', path: '/appeals/{id}/respond', summary: 'Retract (the listing comes back) or contest (a reviewer decides)', ...brandTag } })
      .input(restRespondToAppealInput)
      .output(restAppeal)
      .mutation(async ({ ctx, input }) => {
        const appeal = await findAppeal(ctx.em, input.id);
        if (!appeal || appeal.brand?.id !== ctx.brandId) throw notFound('Appeal');
        const now = new Date();
        if (appeal.state === 'open' && appeal.brandDueAt && now > appeal.brandDueAt) {
          throw new DomainError('invalid_transition', `The answer was due by ${appeal.brandDueAt.toISOString()}; the appeal is being settled by the silence rule`);
        }
        await moveAppeal(ctx.em, appeal, { event: input.answer, actor: keyActor(ctx.principal), by: null, reason: input.reason, now });
        return presentAppeal(appeal);
      }),
  }),

  marketplace: restRouter({
    counterNotice: marketplaceProcedure('counter_notices')
      .meta({ openapi: { method: 'POST', path: '/marketplace/counter-notices', summary: 'File a seller’s counter-notice against a removal (idempotent by externalId)', ...marketplaceTag } })
      .input(counterNoticeInput)
      .output(restCounterNoticeOutput)
      .mutation(async ({ ctx, input }) => {
        const { appeal, created } = await fileCounterNotice(ctx.em, ctx.marketplace, input, keyActor(ctx.principal), new Date());
        // Flushed before answering: the answer shows the appeal as stored (its defaults included).
        await ctx.em.flush();
        return {
          id: appeal.id,
          externalId: appeal.externalId,
          state: appeal.state,
          removalId: appeal.removal.id,
          brandDueAt: iso(appeal.brandDueAt),
          createdAt: appeal.createdAt.toISOString(),
          created,
        };
      }),

    listings: marketplaceProcedure('listings')
      .meta({ openapi: { method: 'POST', path: '/marketplace/listings', summary: 'Push new and changed listings and sellers (upsert, idempotent)', ...marketplaceTag } })
      .input(restListingBatchInput)
      .output(restListingBatchOutput)
      .mutation(async ({ ctx, input }) => {
        const sellers = new Map(input.sellers.map((seller) => [seller.externalId, { externalId: seller.externalId, name: seller.name, registeredAt: new Date(seller.registeredAt) }]));
        // Sellers the platform knows take the batch's name (a shop renamed on the marketplace); new ones are created with their listings.
        for (const seller of await ctx.em.find(Seller, { marketplace: ctx.marketplace, externalId: { $in: [...sellers.keys()] } })) {
          const reported = sellers.get(seller.externalId)!;
          if (seller.name !== reported.name) seller.name = reported.name;
        }
        await ctx.em.flush();
        const items = input.listings.map((listing) => ({ ...listing, listedAt: new Date(listing.listedAt), updatedAt: new Date(listing.updatedAt) }));
        return upsertFeedListings(ctx.em, ctx.marketplace, items, async (externalId) => sellers.get(externalId) ?? null);
      }),
  }),
});

export type ApiV1Router = typeof apiV1Router;
export { BRAND_KEY_SCOPES };
