import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from 'pino';
import {
  claimDueCommands,
  MARKETPLACE_COMMAND_KINDS,
  recordOutboxDeliveries,
  recordOutboxFailure,
  signWebhook,
  WEBHOOK_SIGNATURE_HEADER,
  type ClaimedCommand,
  type Database,
  type Delivered,
} from '@jf/db';
import { outboxPayloadSchemas } from '@jf/domain';
import { groupCommit } from './group-commit';
import { postJson, type PostJson } from './http-post';
import { isRetryableStatus, OUTBOX_BACKOFF, OUTBOX_MAX_ATTEMPTS, retryDelayMs, type BackoffPolicy } from './retry-policy';

export interface OutboxDispatcherOptions {
  database: Database;
  logger: Logger;
  /** Names this dispatcher in leases and audit events; unique per process. */
  workerId?: string;
  /** Commands claimed per round. */
  batchSize?: number;
  /** Pause between rounds when the last one found less than a full batch and nothing new was committed. */
  intervalMs?: number;
  /** How long a claim holds; must outlast the HTTP timeout, or a slow delivery gets reclaimed. */
  leaseMs?: number;
  timeoutMs?: number;
  /** Deliveries in flight at once within a round. */
  concurrency?: number;
  maxAttempts?: number;
  backoff?: BackoffPolicy;
  random?: () => number;
  clock?: () => Date;
  post?: PostJson;
  /** Shared with the marketplaces: every command carries an HMAC signature of its body (X-JF-Signature). */
  webhookSecret?: string;
}

export interface OutboxDispatcher {
  /** One round: claims due commands, delivers them, records the outcomes. Returns how many it handled. */
  drainOnce(): Promise<number>;
}

export interface RunningOutboxDispatcher extends OutboxDispatcher {
  /** Starts a round now (or right after the one in progress) instead of after the pause. */
  wake(): void;
  /** Stops the loop and waits for the round in progress. */
  stop(): Promise<void>;
}

type Delivery = { ok: true; appliedAt: Date | null } | { ok: false; retryable: boolean; error: string };

export const defaultWorkerId = (): string => `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

const COMMAND_PATHS = { remove_listing: 'remove', reinstate_listing: 'reinstate', seller_status: 'seller-status' } as const;

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (error.name === 'TimeoutError') return 'timed out';
  return error.message;
}

/** Runs `work` over `items` with at most `limit` at a time. */
async function eachLimited<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!);
  });
  await Promise.all(lanes);
}

/** What the marketplace receives: the listing (or seller) by its own id, and the idempotency key. */
function commandBody(kind: keyof typeof COMMAND_PATHS, payload: unknown, idempotencyKey: string): string | { error: string } {
  if (kind === 'seller_status') {
    const parsed = outboxPayloadSchemas.seller_status.safeParse(payload);
    if (!parsed.success) return { error: parsed.error.message };
    return JSON.stringify({ externalId: parsed.data.externalSellerId, status: parsed.data.status, idempotencyKey });
  }
  const parsed = outboxPayloadSchemas[kind].safeParse(payload);
  if (!parsed.success) return { error: parsed.error.message };
  return JSON.stringify({ externalId: parsed.data.externalListingId, idempotencyKey });
}

/**
 * Delivers marketplace commands from the outbox at least once, each with its idempotency key so the
 * marketplace applies it once. A success and its acknowledgement (removal / reinstatement) commit
 * together; a failure is retried with exponential backoff until the attempts run out.
 */
export function createOutboxDispatcher(options: OutboxDispatcherOptions): OutboxDispatcher {
  const {
    database,
    logger,
    workerId = defaultWorkerId(),
    batchSize = 50,
    leaseMs = 60_000,
    timeoutMs = 10_000,
    concurrency = 8,
    maxAttempts = OUTBOX_MAX_ATTEMPTS,
    backoff = OUTBOX_BACKOFF,
    random = Math.random,
    clock = () => new Date(),
    post = postJson,
    webhookSecret,
  } = options;
  if (leaseMs <= timeoutMs) throw new Error(`leaseMs (${leaseMs}) must be longer than timeoutMs (${timeoutMs})`);
  const log = logger.child({ worker: workerId });
  // Deliveries that finish while an acknowledgement is being written are written together next.
  const recordDelivery = groupCommit((delivered: Delivered[]) => recordOutboxDeliveries(database.fork(), delivered, clock()));

  async function deliver(claim: ClaimedCommand): Promise<Delivery> {
    if (claim.kind !== 'remove_listing' && claim.kind !== 'reinstate_listing' && claim.kind !== 'seller_status') {
      return { ok: false, retryable: false, error: `this dispatcher does not deliver ${claim.kind} commands` };
    }
    const body = commandBody(claim.kind, claim.payload, claim.idempotencyKey);
    if (typeof body !== 'string') return { ok: false, retryable: false, error: `malformed payload: ${body.error}` };
    if (!claim.baseUrl) return { ok: false, retryable: false, error: `marketplace ${claim.marketplace} has no base URL` };
    const url = `${claim.baseUrl.replace(/\/+$/, '')}/commands/${COMMAND_PATHS[claim.kind]}`;
    try {
      const payloadBody = body;
      const headers: Record<string, string> = { 'idempotency-key': claim.idempotencyKey };
      if (webhookSecret) headers[WEBHOOK_SIGNATURE_HEADER] = signWebhook(webhookSecret, payloadBody);
      const response = await post(url, payloadBody, headers, timeoutMs);
      if (response.status < 200 || response.status >= 300) {
        return { ok: false, retryable: isRetryableStatus(response.status), error: `HTTP ${response.status} from ${url}: ${response.body.slice(0, 500)}` };
      }
      let appliedAt: Date | null = null;
      try {
        const body = JSON.parse(response.body) as { appliedAt?: unknown };
        const parsed = typeof body.appliedAt === 'string' ? new Date(body.appliedAt) : null;
        appliedAt = parsed && !Number.isNaN(parsed.getTime()) ? parsed : null;
      } catch {
        // A 2xx without a JSON body still acknowledges; the receipt time stands in for appliedAt.
      }
      return { ok: true, appliedAt };
    } catch (error) {
      return { ok: false, retryable: true, error: `${describeError(error)} (${url})` };
    }
  }

  /** Records what a delivery came to; never throws. */
  async function settle(claim: ClaimedCommand, delivery: Delivery): Promise<void> {
    const now = clock();
    const context = { command: claim.id, key: claim.idempotencyKey, attempt: claim.attempts };
    try {
      if (delivery.ok) {
        const recorded = await recordDelivery({ claim, receipt: { appliedAt: delivery.appliedAt } });
        if (recorded) log.debug(context, 'outbox command delivered');
        else log.warn(context, 'outbox command delivered after its lease was taken over; the new holder records it');
        return;
      }
      const dead = !delivery.retryable || claim.attempts >= maxAttempts;
      const retryAt = dead ? null : new Date(now.getTime() + retryDelayMs(claim.attempts, random, backoff));
      const outcome = await recordOutboxFailure(database.fork(), claim, { error: delivery.error, retryAt }, now);
      if (outcome === 'dead') log.error({ ...context, error: delivery.error }, 'outbox command is dead');
      else log.debug({ ...context, error: delivery.error, retryAt }, 'outbox delivery failed; will retry');
    } catch (error) {
      // The claim stays in flight; when its lease runs out a dispatcher delivers it again (same key).
      log.error({ ...context, err: error }, 'could not record an outbox delivery');
    }
  }

  let running: Promise<number> = Promise.resolve(0);
  async function round(): Promise<number> {
    const claims = await claimDueCommands(database.fork(), workerId, batchSize, leaseMs, clock(), {
      kinds: MARKETPLACE_COMMAND_KINDS,
      maxAttempts,
    });
    // A lane moves on to its next delivery while the last one is recorded, so recordings pile up into
    // larger group commits instead of holding the lanes.
    const recordings: Promise<void>[] = [];
    await eachLimited(claims, concurrency, async (claim) => {
      const delivery = await deliver(claim);
      recordings.push(settle(claim, delivery));
    });
    await Promise.all(recordings);
    return claims.length;
  }

  return {
    // Rounds of one dispatcher never overlap: a call during a round runs after it.
    drainOnce: () => {
      running = running.catch(() => 0).then(round);
      return running;
    },
  };
}

/**
 * Starts the dispatch loop: a round right away, then again at once after a full batch or when this
 * process commits new commands, else after `intervalMs` (which finds retries that came due and
 * commands other processes wrote).
 */
export function startOutboxDispatcher(options: OutboxDispatcherOptions): RunningOutboxDispatcher {
  const dispatcher = createOutboxDispatcher(options);
  const { database, logger, intervalMs = 1000, batchSize = 50 } = options;
  let stopped = false;
  let inRound = false;
  let wokenDuringRound = false;
  let timer: NodeJS.Timeout | null = null;
  let current: Promise<unknown> = Promise.resolve();

  const schedule = (delayMs: number) => {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(tick, delayMs);
  };

  const tick = () => {
    timer = null;
    if (stopped) return;
    inRound = true;
    wokenDuringRound = false;
    const work = dispatcher.drainOnce().then(
      (handled) => handled,
      (error: unknown) => {
        logger.error({ err: error }, 'outbox round failed');
        return 0;
      },
    );
    current = work;
    void work.then((handled) => {
      inRound = false;
      schedule(handled >= batchSize || wokenDuringRound ? 0 : intervalMs);
    });
  };

  const wake = () => {
    if (inRound) wokenDuringRound = true;
    else schedule(0);
  };
  const unsubscribe = database.onOutboxCommitted(wake);
  schedule(0);

  return {
    drainOnce: dispatcher.drainOnce,
    wake,
    stop: async () => {
      stopped = true;
      unsubscribe();
      if (timer) clearTimeout(timer);
      timer = null;
      await current;
    },
  };
}
