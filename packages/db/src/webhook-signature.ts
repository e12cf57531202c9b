import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Marketplace commands are webhooks: the platform POSTs each to the marketplace, which acknowledges in
 * its answer. With a shared secret the platform signs every call — `X-JF-Signature: t=<ms>,v1=<hex>`,
 * an HMAC-SHA256 of `<t>.<body>` — so the marketplace can refuse forged or replayed commands.
 */
export const WEBHOOK_SIGNATURE_HEADER = 'x-jf-signature';
const TOLERANCE_MS = 5 * 60_000;

const digest = (secret: string, timestamp: number, body: string | Buffer): string =>
  createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex');

export const signWebhook = (secret: string, body: string, now = Date.now()): string => `t=${now},v1=${digest(secret, now, body)}`;

/** Null when the signature is valid and fresh; otherwise why it is refused. */
export function webhookSignatureProblem(secret: string, header: string | undefined, body: string | Buffer, now = Date.now()): string | null {
  if (!header) return `missing ${WEBHOOK_SIGNATURE_HEADER} header`;
  const parts = Object.fromEntries(header.split(',').map((part) => part.trim().split('=', 2) as [string, string]));
  const timestamp = Number(parts.t);
  if (!Number.isFinite(timestamp) || !parts.v1) return 'malformed signature';
  if (Math.abs(now - timestamp) > TOLERANCE_MS) return 'stale signature (more than 5 minutes off)';
  const expected = Buffer.from(digest(secret, timestamp, body), 'hex');
  const given = Buffer.from(parts.v1, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected) ? null : 'signature does not match';
}
