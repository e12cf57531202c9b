import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import { z } from 'zod';
import { DEFAULT_SEED, WEBHOOK_SIGNATURE_HEADER, webhookSignatureProblem, type SeedSize } from '@jf/db';
import { MARKETPLACE_CODES, SELLER_STATUSES, type MarketplaceCode } from '@jf/domain';
import { catalogueFromWorld, type CatalogueOrigin, type SimCatalogue, type SimListing } from './catalogue';
import { decodeCursor, SIM_COMMANDS, Simulator, type SimCommand, type SimControl } from './simulator';

export interface SimAppOptions {
  /** The demo world to mirror (same size and seed as the platform's seed); ignored when `catalogue` is given. */
  size?: SeedSize;
  seed?: number;
  /** Listings built by hand, e.g. to match what a test wrote into the platform's database. */
  catalogue?: SimCatalogue;
  stateFile?: string;
  control?: Partial<SimControl>;
  random?: () => number;
  logger?: Logger;
  /** When set, commands must carry the platform's X-JF-Signature for this secret; others get 401. */
  webhookSecret?: string;
  /** Where the platform's integration API is, and each marketplace's key for it: what the simulator sends goes there. */
  platform?: { url: string; keys: Partial<Record<MarketplaceCode, string>> };
}

/** The Express app with its simulator, so in-process tests can turn knobs and read counters directly. */
export type SimApp = Express & { simulator: Simulator };

const FEED_LIMIT_DEFAULT = 100;
const FEED_LIMIT_MAX = 1000;

const commandBody = z.object({
  externalId: z.string().min(1).max(64),
  idempotencyKey: z.string().min(1).max(128),
});

const sellerStatusBody = z.object({
  externalId: z.string().min(1).max(64),
  status: z.enum(SELLER_STATUSES),
  idempotencyKey: z.string().min(1).max(128),
});

/** What a seller's counter-notice carries, and on which marketplace it was filed. */
const counterNoticeBody = z.object({
  marketplace: z.enum(MARKETPLACE_CODES),
  externalId: z.string().min(1).max(100),
  listingExternalId: z.string().min(1).max(64),
  statement: z.string().min(1).max(10_000),
  evidence: z.array(z.string().max(2000)).max(20).default([]),
});

const controlBody = z
  .object({
    latencyMs: z.number().int().min(0).max(120_000),
    failureRate: z.number().min(0).max(1),
    lostAckRate: z.number().min(0).max(1),
    down: z.union([z.boolean(), z.literal('reset')]),
  })
  .partial()
  .strict();

const feedQuery = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(FEED_LIMIT_MAX).default(FEED_LIMIT_DEFAULT),
});

const problems = (error: z.ZodError): string =>
  error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; ');

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function presentListing(listing: SimListing) {
  return {
    marketplace: listing.marketplace,
    externalId: listing.externalId,
    sellerExternalId: listing.sellerExternalId,
    title: listing.title,
    priceCents: listing.priceCents,
    currency: listing.currency,
    category: listing.category,
    images: listing.images,
    ...(listing.imageHashes ? { imageHashes: listing.imageHashes } : {}),
    status: listing.status,
    listedAt: listing.listedAt,
    updatedAt: new Date(listing.updatedAt).toISOString(),
  };
}

/**
 * The simulated marketplaces' HTTP surface, without listening (main.ts listens; tests use
 * `createSimApp(...).listen(0)`). Marketplace routes live under `/:marketplace`; `/control` and
 * `/health` are never slowed down or failed by the knobs.
 */
export function createSimApp(options: SimAppOptions = {}): SimApp {
  const size = options.size ?? 'demo';
  const seed = options.seed ?? DEFAULT_SEED;
  const origin: CatalogueOrigin = options.catalogue ? 'custom' : { size, seed };
  const simulator = new Simulator({
    catalogue: options.catalogue ?? catalogueFromWorld(size, seed),
    origin,
    stateFile: options.stateFile,
    control: options.control,
    random: options.random,
    logger: options.logger,
  });
  const app = express();
  app.disable('x-powered-by');
  // The raw body is kept for checking the platform's signature over exactly the bytes it sent.
  app.use(express.json({ limit: '100kb', verify: (req, _res, raw) => ((req as Request & { rawBody?: Buffer }).rawBody = raw) }));

  app.get('/health', (_req, res) => {
    res.json({ status: 'ok', marketplaces: simulator.marketplaces.map(({ code }) => ({ code, listings: simulator.listingCount(code) })) });
  });
  app.get('/control', (_req, res) => {
    res.json(simulator.control);
  });
  app.post('/control', (req, res) => {
    const parsed = controlBody.safeParse(req.body ?? {});
    if (!parsed.success) {
      res.status(400).json({ error: 'invalid_control', message: problems(parsed.error) });
      return;
    }
    res.json(simulator.setControl(parsed.data));
  });
  app.get('/control/stats', (_req, res) => {
    res.json(simulator.snapshotStats());
  });
  // A seller disputes a removal: the marketplace files the counter-notice with the platform, through its
  // integration API and with its own key, and answers with what the platform said.
  app.post('/control/counter-notices', async (req, res) => {
    const parsed = counterNoticeBody.safeParse(req.body ?? {});
    if (!parsed.success) {
      res.status(400).json({ error: 'invalid_counter_notice', message: problems(parsed.error) });
      return;
    }
    const { marketplace, ...counterNotice } = parsed.data;
    const key = options.platform?.keys[marketplace];
    if (!options.platform || !key) {
      res.status(409).json({ error: 'no_platform_key', message: `No key for the platform's API is configured for ${marketplace}` });
      return;
    }
    try {
      const answer = await fetch(`${options.platform.url.replace(/\/+$/, '')}/api/v1/marketplace/counter-notices`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body: JSON.stringify(counterNotice),
      });
      res.status(answer.status).type('application/json').send(await answer.text());
    } catch (error) {
      res.status(502).json({ error: 'platform_unreachable', message: `The platform did not answer: ${(error as Error).message}` });
    }
  });
  app.post('/control/reset', (_req, res) => {
    simulator.reset();
    res.json(simulator.control);
  });

  // Every marketplace route: an unknown marketplace is a 404, then the knobs apply.
  const marketplace = express.Router({ mergeParams: true });
  const { webhookSecret } = options;
  if (webhookSecret) {
    marketplace.use('/commands', (req: Request, res: Response, next: NextFunction) => {
      const problem = webhookSignatureProblem(webhookSecret, req.header(WEBHOOK_SIGNATURE_HEADER), (req as Request & { rawBody?: Buffer }).rawBody ?? '');
      if (problem) {
        res.status(401).json({ error: 'bad_signature', message: `Command refused: ${problem}` });
        return;
      }
      next();
    });
  }
  app.use('/:marketplace', (req: Request<{ marketplace: string }>, res: Response, next: NextFunction) => {
    if (!simulator.hasMarketplace(req.params.marketplace)) {
      res.status(404).json({ error: 'unknown_marketplace', message: `No marketplace ${req.params.marketplace}` });
      return;
    }
    const { down } = simulator.control;
    if (down === 'reset') {
      req.socket.destroy();
      return;
    }
    if (down) {
      res.status(503).json({ error: 'unavailable', message: 'The marketplace is down' });
      return;
    }
    next();
  }, marketplace);

  /** Every marketplace answer waits `latencyMs` (read when the request arrives). */
  const delay = async () => {
    const { latencyMs } = simulator.control;
    if (latencyMs > 0) await sleep(latencyMs);
  };

  const codeOf = (req: Request) => req.params.marketplace as Parameters<Simulator['listing']>[0];

  marketplace.get('/listings', async (req, res) => {
    await delay();
    const query = feedQuery.safeParse(req.query);
    if (!query.success) {
      res.status(400).json({ error: 'invalid_query', message: problems(query.error) });
      return;
    }
    const cursor = query.data.cursor ? decodeCursor(query.data.cursor) : null;
    if (query.data.cursor && !cursor) {
      res.status(400).json({ error: 'invalid_cursor', message: 'cursor is not one this feed returned' });
      return;
    }
    const page = simulator.feed(codeOf(req), cursor, query.data.limit);
    res.json({ ...page, items: page.items.map(presentListing) });
  });

  marketplace.get('/listings/:externalId', async (req: Request<{ marketplace: string; externalId: string }>, res) => {
    await delay();
    const listing = simulator.listing(codeOf(req), req.params.externalId);
    if (!listing) {
      res.status(404).json({ error: 'listing_not_found', message: `No listing ${req.params.externalId} on ${req.params.marketplace}` });
      return;
    }
    res.json(presentListing(listing));
  });

  marketplace.get('/sellers/:externalId', async (req: Request<{ marketplace: string; externalId: string }>, res) => {
    await delay();
    const seller = simulator.seller(codeOf(req), req.params.externalId);
    if (!seller) {
      res.status(404).json({ error: 'seller_not_found', message: `No seller ${req.params.externalId} on ${req.params.marketplace}` });
      return;
    }
    res.json(seller);
  });

  // The platform tells the marketplace a seller's status; idempotent, so no key bookkeeping is needed.
  marketplace.post('/commands/seller-status', (req: Request<{ marketplace: string }>, res) => {
    const body = sellerStatusBody.safeParse(req.body ?? {});
    if (!body.success) {
      res.status(400).json({ error: 'invalid_command', message: problems(body.error) });
      return;
    }
    const applied = simulator.setSellerStatus(codeOf(req), body.data.externalId, body.data.status);
    if (!applied) {
      res.status(404).json({ error: 'seller_not_found', message: `No seller ${body.data.externalId} on ${req.params.marketplace}` });
      return;
    }
    res.json({ ...applied, command: 'seller-status' });
  });

  marketplace.post('/commands/:command', async (req: Request<{ marketplace: string; command: string }>, res) => {
    const command = req.params.command as SimCommand;
    if (!SIM_COMMANDS.includes(command)) {
      res.status(404).json({ error: 'unknown_command', message: `Commands are ${SIM_COMMANDS.join(' and ')}` });
      return;
    }
    const body = commandBody.safeParse(req.body ?? {});
    if (!body.success) {
      res.status(400).json({ error: 'invalid_command', message: problems(body.error) });
      return;
    }
    const { externalId, idempotencyKey } = body.data;
    // The key counts as in flight from arrival, so overlapping calls for it are seen (and counted).
    const done = simulator.begin(idempotencyKey);
    res.on('close', done);
    await delay();
    if (simulator.injectFailure()) {
      res.status(503).json({ error: 'unavailable', message: 'Injected failure: try again later' });
      return;
    }
    const result = simulator.command(codeOf(req), command, externalId, idempotencyKey);
    if (result.outcome === 'applied' && simulator.loseAck()) {
      // Applied, but the caller never hears so: its retry must be answered from the idempotency record.
      req.socket.destroy();
      return;
    }
    res.status(result.httpStatus).json(result.body);
  });

  app.use((_req, res) => {
    res.status(404).json({ error: 'not_found', message: 'No such route' });
  });
  // Malformed JSON bodies and anything unexpected still answer JSON.
  app.use((error: Error & { status?: number }, _req: Request, res: Response, _next: NextFunction) => {
    const status = error.status && error.status >= 400 && error.status < 500 ? error.status : 500;
    if (status === 500) options.logger?.error({ err: error }, 'request failed');
    res.status(status).json({ error: status === 500 ? 'internal' : 'bad_request', message: status === 500 ? 'Internal error' : error.message });
  });

  return Object.assign(app, { simulator });
}
