import type { Logger } from 'pino';
import { runPeriodically } from './periodic';
import {
  ingestionCursor,
  ingestionTargets,
  saveIngestionCursor,
  unknownSellerIds,
  upsertFeedListings,
  type Database,
  type FeedUpsertResult,
} from '@jf/db';
import { feedPageSchema, feedSellerSchema, type FeedPage, type FeedSeller, type MarketplaceCode } from '@jf/domain';

export interface ListingIngestionOptions {
  database: Database;
  logger: Logger;
  /** Pause between passes once every feed has been read to its end. */
  intervalMs?: number;
  /** Listings per feed request (the simulator allows up to 1000). */
  pageSize?: number;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export interface IngestionPass {
  pages: number;
  inserted: number;
  updated: number;
  statusChanges: number;
  sellersCreated: number;
  /** Marketplaces whose feed could not be read to its end this pass (retried next pass). */
  failed: MarketplaceCode[];
}

export interface ListingIngestion {
  /** One pass: every marketplace's feed from its saved cursor until `hasMore` is false. */
  drainOnce(): Promise<IngestionPass>;
  /** Stops the loop and waits for the pass in progress. */
  stop(): Promise<void>;
}

class FeedError extends Error {}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (error.name === 'TimeoutError') return 'timed out';
  const cause = error.cause as { code?: string; message?: string } | undefined;
  return cause ? `${error.message}: ${cause.code ?? cause.message ?? String(cause)}` : error.message;
}

/**
 * Mirrors every marketplace's listings into the platform by polling its feed
 * (`GET <baseUrl>/listings?cursor=&limit=`, ordered by (updatedAt, externalId)). Each page commits
 * together with the cursor after it, so a crash or a failed request resumes from the last committed
 * page and a page is never half applied. Pages are small transactions on purpose: on SQLite the API
 * waits for the single writer, and 500 rows keep that wait short even during the first full pass.
 */
export function createListingIngestion(options: ListingIngestionOptions): Omit<ListingIngestion, 'stop'> & { halt(): void } {
  const { database, logger, pageSize = 500, timeoutMs = 10_000, fetch: send = fetch } = options;
  const log = logger.child({ worker: 'listing-ingestion' });
  // Set on shutdown: a long first pass stops after the page in progress (its cursor is committed).
  let halted = false;

  async function getJson(url: string): Promise<{ status: number; body: unknown }> {
    let response: Response;
    try {
      response = await send(url, { signal: AbortSignal.timeout(timeoutMs) });
    } catch (error) {
      throw new FeedError(`${describeError(error)} (${url})`);
    }
    const text = await response.text();
    if (response.status === 404) return { status: 404, body: null };
    if (!response.ok) throw new FeedError(`HTTP ${response.status} from ${url}: ${text.slice(0, 300)}`);
    try {
      return { status: response.status, body: JSON.parse(text) as unknown };
    } catch {
      throw new FeedError(`malformed JSON from ${url}`);
    }
  }

  async function fetchPage(baseUrl: string, cursor: string | null): Promise<FeedPage> {
    const query = new URLSearchParams({ limit: String(pageSize) });
    if (cursor) query.set('cursor', cursor);
    const url = `${baseUrl}/listings?${query}`;
    const { status, body } = await getJson(url);
    if (status === 404) throw new FeedError(`HTTP 404 from ${url}`);
    const page = feedPageSchema.safeParse(body);
    if (!page.success) throw new FeedError(`unexpected feed page from ${url}: ${page.error.message.slice(0, 300)}`);
    return page.data;
  }

  async function fetchSeller(baseUrl: string, externalId: string): Promise<FeedSeller | null> {
    const url = `${baseUrl}/sellers/${encodeURIComponent(externalId)}`;
    const { status, body } = await getJson(url);
    if (status === 404) return null;
    const seller = feedSellerSchema.safeParse(body);
    if (!seller.success) throw new FeedError(`unexpected seller from ${url}`);
    return seller.data;
  }

  /** Reads one marketplace's feed to its end; returns totals, throws on the first failed page. */
  async function ingestMarketplace(code: MarketplaceCode, rawBaseUrl: string, pass: IngestionPass): Promise<void> {
    const baseUrl = rawBaseUrl.replace(/\/+$/, '');
    let cursor = await ingestionCursor(database.fork(), code);
    while (!halted) {
      const page = await fetchPage(baseUrl, cursor);
      const next = page.nextCursor ?? cursor;
      // Nothing new: no transaction, so an idle feed costs the database no writes.
      if (page.items.length === 0 && next === cursor) return;
      // Unknown sellers are fetched before the transaction, so no write lock waits on the network.
      const missing = await unknownSellerIds(
        database.fork(),
        code,
        page.items.map((item) => item.sellerExternalId),
      );
      const fetched = new Map<string, FeedSeller | null>();
      for (const id of missing) fetched.set(id, await fetchSeller(baseUrl, id));
      // A seller that appeared between the check and the transaction is looked up then.
      const lookup = async (id: string) => (fetched.has(id) ? fetched.get(id)! : fetchSeller(baseUrl, id));
      const outcome = await database.fork().transactional(async (tx): Promise<FeedUpsertResult | null> => {
        // Compare-and-set: another ingestor on the same database may have applied this page already.
        if (!(await saveIngestionCursor(tx, code, next, { expected: cursor }))) return null;
        return upsertFeedListings(tx, code, page.items, lookup);
      });
      if (!outcome) {
        log.info({ marketplace: code }, 'another ingestor advanced this feed; continuing from its cursor');
        cursor = await ingestionCursor(database.fork(), code);
        continue;
      }
      pass.pages++;
      pass.inserted += outcome.inserted;
      pass.updated += outcome.updated;
      pass.statusChanges += outcome.statusChanges;
      pass.sellersCreated += outcome.sellersCreated;
      if (outcome.inserted || outcome.updated) log.debug({ marketplace: code, ...outcome }, 'feed page applied');
      cursor = next;
      if (!page.hasMore) return;
    }
  }

  async function pass(): Promise<IngestionPass> {
    const result: IngestionPass = { pages: 0, inserted: 0, updated: 0, statusChanges: 0, sellersCreated: 0, failed: [] };
    for (const { code, baseUrl } of await ingestionTargets(database.fork())) {
      if (halted) break;
      try {
        await ingestMarketplace(code, baseUrl, result);
      } catch (error) {
        // The cursor stays after the last committed page; the next pass retries from there.
        result.failed.push(code);
        if (error instanceof FeedError) log.warn({ marketplace: code, error: error.message }, 'listing feed unavailable; retrying next pass');
        else log.error({ marketplace: code, err: error }, 'listing feed page could not be applied; retrying next pass');
      }
    }
    if (result.inserted || result.updated || result.sellersCreated) log.info(result, 'listing ingestion pass');
    return result;
  }

  let running: Promise<IngestionPass> = Promise.resolve({ pages: 0, inserted: 0, updated: 0, statusChanges: 0, sellersCreated: 0, failed: [] });
  return {
    halt: () => {
      halted = true;
    },
    // Passes never overlap: a call during a pass runs after it.
    drainOnce: () => {
      running = running.catch(() => undefined).then(pass);
      return running;
    },
  };
}

/** Starts polling: a pass right away, then one every `intervalMs` after the previous one ended. */
export function startListingIngestion(options: ListingIngestionOptions): ListingIngestion {
  const ingestion = createListingIngestion(options);
  const loop = runPeriodically(ingestion.drainOnce, options.intervalMs ?? 5000, options.logger, 'listing ingestion pass failed', { onStop: ingestion.halt });
  return { drainOnce: ingestion.drainOnce, stop: loop.stop };
}
