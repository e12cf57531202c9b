import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { Logger } from 'pino';
import type { ListingStatus, MarketplaceCode, SellerStatus } from '@jf/domain';
import type { CatalogueOrigin, SimCatalogue, SimListing, SimSeller } from './catalogue';

export const SIM_COMMANDS = ['remove', 'reinstate'] as const;
export type SimCommand = (typeof SIM_COMMANDS)[number];

/**
 * The knobs tests and demos turn. `down: true` answers 503 to every marketplace call; `'reset'`
 * drops the connection instead. `lostAckRate` applies a command and then drops the connection, the
 * case idempotency keys exist for: the caller retries something that already happened.
 */
export interface SimControl {
  latencyMs: number;
  failureRate: number;
  lostAckRate: number;
  down: boolean | 'reset';
}

export interface SimStats {
  applied: Record<SimCommand, number>;
  /** Seller statuses the platform changed (restrictions and bans). */
  sellerStatusChanges: number;
  /** Commands whose idempotency key had been applied already: answered from memory, not applied again. */
  duplicatesSuppressed: number;
  /** Times each idempotency key was applied; exactly-once delivery means every value is 1. */
  perKey: Record<string, number>;
  /** Requests for a key that arrived while another request with the same key was still being handled. */
  concurrentDuplicates: number;
  failuresInjected: number;
  lostAcks: number;
  notFound: number;
}

export interface CommandAnswer {
  externalId: string;
  command: SimCommand;
  status: ListingStatus;
  appliedAt: string;
}

export type CommandResult =
  | { outcome: 'applied' | 'replayed'; httpStatus: 200; body: CommandAnswer }
  | { outcome: 'rejected'; httpStatus: 404 | 422; body: { error: string; message: string } };

export interface FeedPage {
  items: SimListing[];
  /** Pass back to continue after the last item; also the place to poll from for later changes. */
  nextCursor: string | null;
  hasMore: boolean;
}

export interface SimulatorOptions {
  catalogue: SimCatalogue;
  origin: CatalogueOrigin;
  /** JSON file keeping listing changes, idempotency answers and stats across restarts. */
  stateFile?: string;
  control?: Partial<SimControl>;
  /** Source of randomness for injected failures; tests pass a seeded one. */
  random?: () => number;
  logger?: Logger;
}

interface AnswerRecord {
  marketplace: MarketplaceCode;
  command: SimCommand;
  externalId: string;
  answer: CommandAnswer;
}

interface StateFile {
  version: 1;
  origin: CatalogueOrigin;
  listings: Record<string, { status: ListingStatus; updatedAt: number }>;
  answers: Record<string, AnswerRecord>;
  stats: SimStats;
}

interface Shelf {
  byId: Map<string, SimListing>;
  /** Sorted by (updatedAt, externalId): a changed listing moves to the end of the feed. */
  feed: SimListing[];
  sellers: Map<string, SimSeller>;
}

export const DEFAULT_CONTROL: SimControl = { latencyMs: 0, failureRate: 0, lostAckRate: 0, down: false };

const emptyStats = (): SimStats => ({
  applied: { remove: 0, reinstate: 0 },
  sellerStatusChanges: 0,
  duplicatesSuppressed: 0,
  perKey: {},
  concurrentDuplicates: 0,
  failuresInjected: 0,
  lostAcks: 0,
  notFound: 0,
});

const compareKey = (a: { updatedAt: number; externalId: string }, b: { updatedAt: number; externalId: string }): number =>
  a.updatedAt - b.updatedAt || (a.externalId < b.externalId ? -1 : a.externalId > b.externalId ? 1 : 0);

/** First index in `feed` whose key is greater than `key` (or equal, when `inclusive`). */
function searchFeed(feed: SimListing[], key: { updatedAt: number; externalId: string }, inclusive: boolean): number {
  let low = 0;
  let high = feed.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const order = compareKey(feed[middle]!, key);
    if (order < 0 || (order === 0 && !inclusive)) low = middle + 1;
    else high = middle;
  }
  return low;
}

export const encodeCursor = (listing: { updatedAt: number; externalId: string }): string =>
  Buffer.from(`${listing.updatedAt}:${listing.externalId}`).toString('base64url');

export function decodeCursor(cursor: string): { updatedAt: number; externalId: string } | null {
  const [time, ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split(':');
  const updatedAt = Number(time);
  if (!Number.isFinite(updatedAt) || rest.length === 0) return null;
  return { updatedAt, externalId: rest.join(':') };
}

const sameOrigin = (a: CatalogueOrigin, b: CatalogueOrigin): boolean => JSON.stringify(a) === JSON.stringify(b);

/** The marketplaces' state in memory: listings, idempotency answers, knobs and counters. */
export class Simulator {
  readonly marketplaces: { code: MarketplaceCode; name: string }[];
  private readonly shelves = new Map<MarketplaceCode, Shelf>();
  private readonly answers = new Map<string, AnswerRecord>();
  private readonly inFlight = new Map<string, number>();
  private readonly changed = new Set<SimListing>();
  private stats: SimStats = emptyStats();
  private knobs: SimControl;
  private saveTimer: NodeJS.Timeout | null = null;

  constructor(private readonly options: SimulatorOptions) {
    const { catalogue } = options;
    this.marketplaces = catalogue.marketplaces;
    this.knobs = { ...DEFAULT_CONTROL, ...options.control };
    for (const { code } of catalogue.marketplaces) this.shelves.set(code, { byId: new Map(), feed: [], sellers: new Map() });
    for (const seller of catalogue.sellers) this.shelves.get(seller.marketplace)?.sellers.set(seller.externalId, seller);
    for (const listing of catalogue.listings) {
      const shelf = this.shelves.get(listing.marketplace);
      if (!shelf) throw new Error(`listing ${listing.externalId} is on unknown marketplace ${listing.marketplace}`);
      // A copy: the catalogue may be shared between simulators (tests), the state must not be.
      const own = { ...listing };
      shelf.byId.set(own.externalId, own);
      shelf.feed.push(own);
    }
    for (const shelf of this.shelves.values()) shelf.feed.sort(compareKey);
    if (options.stateFile) this.load(options.stateFile);
  }

  hasMarketplace(code: string): code is MarketplaceCode {
    return this.shelves.has(code as MarketplaceCode);
  }

  listingCount(code: MarketplaceCode): number {
    return this.shelves.get(code)?.byId.size ?? 0;
  }

  listing(code: MarketplaceCode, externalId: string): SimListing | null {
    return this.shelves.get(code)?.byId.get(externalId) ?? null;
  }

  seller(code: MarketplaceCode, externalId: string): SimSeller | null {
    return this.shelves.get(code)?.sellers.get(externalId) ?? null;
  }

  /** A page of the listing feed, in (updatedAt, externalId) order, after `cursor`. */
  feed(code: MarketplaceCode, cursor: { updatedAt: number; externalId: string } | null, limit: number): FeedPage {
    const feed = this.shelves.get(code)?.feed ?? [];
    const start = cursor ? searchFeed(feed, cursor, false) : 0;
    const items = feed.slice(start, start + limit);
    const last = items.at(-1);
    return {
      items,
      nextCursor: last ? encodeCursor(last) : cursor ? encodeCursor(cursor) : null,
      hasMore: start + items.length < feed.length,
    };
  }

  /**
   * Applies a command once per idempotency key. A repeated key gets the first answer back and changes
   * nothing; a key reused for a different command or listing is refused.
   */
  command(code: MarketplaceCode, command: SimCommand, externalId: string, idempotencyKey: string, now = new Date()): CommandResult {
    const previous = this.answers.get(idempotencyKey);
    if (previous) {
      if (previous.marketplace !== code || previous.command !== command || previous.externalId !== externalId) {
        return {
          outcome: 'rejected',
          httpStatus: 422,
          body: {
            error: 'idempotency_key_reused',
            message: `Idempotency key ${idempotencyKey} was used for ${previous.command} of ${previous.marketplace}/${previous.externalId}`,
          },
        };
      }
      this.stats.duplicatesSuppressed++;
      this.scheduleSave();
      return { outcome: 'replayed', httpStatus: 200, body: previous.answer };
    }
    const listing = this.listing(code, externalId);
    if (!listing) {
      this.stats.notFound++;
      return {
        outcome: 'rejected',
        httpStatus: 404,
        body: { error: 'listing_not_found', message: `No listing ${externalId} on ${code}` },
      };
    }
    // Both commands state a goal: removing a removed listing, or reinstating a live one, changes nothing.
    const next: ListingStatus = command === 'remove' ? 'removed' : listing.status === 'removed' ? 'reinstated' : listing.status;
    if (next !== listing.status) this.update(code, listing, next, now.getTime());
    const answer: CommandAnswer = { externalId, command, status: listing.status, appliedAt: now.toISOString() };
    this.answers.set(idempotencyKey, { marketplace: code, command, externalId, answer });
    this.stats.applied[command]++;
    this.stats.perKey[idempotencyKey] = (this.stats.perKey[idempotencyKey] ?? 0) + 1;
    this.scheduleSave();
    this.options.logger?.info({ marketplace: code, command, externalId, idempotencyKey, status: listing.status }, 'command applied');
    return { outcome: 'applied', httpStatus: 200, body: answer };
  }

  /**
   * Applies a seller status the platform decided (restricted or banned by strikes). Setting a status
   * is idempotent by nature, so a redelivery changes nothing; null for an unknown seller.
   */
  setSellerStatus(code: MarketplaceCode, externalId: string, status: SellerStatus, now = new Date()): { externalId: string; status: SellerStatus; appliedAt: string } | null {
    const seller = this.seller(code, externalId);
    if (!seller) return null;
    if (seller.status !== status) this.stats.sellerStatusChanges++;
    seller.status = status;
    this.options.logger?.info({ marketplace: code, seller: externalId, status }, 'seller status applied');
    return { externalId, status, appliedAt: now.toISOString() };
  }

  /** Marks a request for `key` as being handled; counts it when another one already is. */
  begin(key: string): () => void {
    const running = this.inFlight.get(key) ?? 0;
    if (running > 0) this.stats.concurrentDuplicates++;
    this.inFlight.set(key, running + 1);
    return () => {
      const left = (this.inFlight.get(key) ?? 1) - 1;
      if (left > 0) this.inFlight.set(key, left);
      else this.inFlight.delete(key);
    };
  }

  /** Decides whether this command call fails before anything is applied (counted). */
  injectFailure(): boolean {
    const fail = this.knobs.failureRate > 0 && this.random() < this.knobs.failureRate;
    if (fail) this.stats.failuresInjected++;
    return fail;
  }

  /** Decides whether the answer to an applied command is lost on the way back (counted). */
  loseAck(): boolean {
    const lose = this.knobs.lostAckRate > 0 && this.random() < this.knobs.lostAckRate;
    if (lose) this.stats.lostAcks++;
    return lose;
  }

  get control(): SimControl {
    return { ...this.knobs };
  }

  setControl(change: Partial<SimControl>): SimControl {
    this.knobs = { ...this.knobs, ...change };
    this.options.logger?.info({ control: this.knobs }, 'control changed');
    return this.control;
  }

  snapshotStats(): SimStats {
    return structuredClone(this.stats);
  }

  /** Knobs back to their defaults and counters to zero; listings and idempotency answers stay. */
  reset(): void {
    this.knobs = { ...DEFAULT_CONTROL };
    this.stats = emptyStats();
    this.scheduleSave();
  }

  /** Writes pending state now and stops the save timer. */
  close(): void {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    if (this.options.stateFile) this.save(this.options.stateFile);
  }

  private random(): number {
    return (this.options.random ?? Math.random)();
  }

  private update(code: MarketplaceCode, listing: SimListing, status: ListingStatus, at: number): void {
    const feed = this.shelves.get(code)!.feed;
    const index = searchFeed(feed, listing, true);
    if (feed[index] === listing) feed.splice(index, 1);
    listing.status = status;
    // Never earlier than the newest entry, so a consumer polling from its last cursor sees the change.
    listing.updatedAt = Math.max(at, feed.at(-1)?.updatedAt ?? 0);
    feed.splice(searchFeed(feed, listing, false), 0, listing);
    this.changed.add(listing);
  }

  private scheduleSave(): void {
    const file = this.options.stateFile;
    if (!file || this.saveTimer) return;
    this.saveTimer = setTimeout(() => {
      this.saveTimer = null;
      try {
        this.save(file);
      } catch (error) {
        this.options.logger?.error({ err: error, file }, 'could not save the simulator state');
      }
    }, 200);
    this.saveTimer.unref();
  }

  private save(file: string): void {
    const state: StateFile = {
      version: 1,
      origin: this.options.origin,
      listings: Object.fromEntries(
        [...this.changed].map((listing) => [
          `${listing.marketplace}/${listing.externalId}`,
          { status: listing.status, updatedAt: listing.updatedAt },
        ]),
      ),
      answers: Object.fromEntries(this.answers),
      stats: this.stats,
    };
    // Write beside, then rename: a crash mid-write never leaves half a file.
    writeFileSync(`${file}.tmp`, JSON.stringify(state));
    renameSync(`${file}.tmp`, file);
  }

  private load(file: string): void {
    if (!existsSync(file)) return;
    const state = JSON.parse(readFileSync(file, 'utf8')) as StateFile;
    if (state.version !== 1 || !sameOrigin(state.origin, this.options.origin)) {
      this.options.logger?.warn({ file, origin: state.origin }, 'state file is for another world: ignored');
      return;
    }
    for (const [key, change] of Object.entries(state.listings)) {
      const [code, ...rest] = key.split('/');
      if (!code || !this.hasMarketplace(code)) continue;
      const listing = this.listing(code, rest.join('/'));
      if (listing) this.update(code, listing, change.status, change.updatedAt);
    }
    for (const [key, record] of Object.entries(state.answers)) this.answers.set(key, record);
    this.stats = { ...emptyStats(), ...state.stats };
    this.options.logger?.info({ file, changedListings: this.changed.size, answers: this.answers.size }, 'state restored');
  }
}
