import { describe, expect, it } from 'vitest';
import { signWebhook, webhookSignatureProblem } from './webhook-signature';

const SECRET = 'a-secret-of-enough-length';
const body = JSON.stringify({ externalId: 'TB-1', idempotencyKey: 'remove:1' });

describe('webhook signatures', () => {
  it('accept the platform’s signature of the very body it sent', () => {
    expect(webhookSignatureProblem(SECRET, signWebhook(SECRET, body), body)).toBeNull();
    expect(webhookSignatureProblem(SECRET, signWebhook(SECRET, body), Buffer.from(body))).toBeNull();
  });

  it('refuse a missing, malformed, forged, tampered or stale signature, saying why', () => {
    expect(webhookSignatureProblem(SECRET, undefined, body)).toMatch(/missing/);
    expect(webhookSignatureProblem(SECRET, 'v1=abc', body)).toMatch(/malformed/);
    expect(webhookSignatureProblem(SECRET, signWebhook('another-secret-entirely', body), body)).toMatch(/does not match/);
    expect(webhookSignatureProblem(SECRET, signWebhook(SECRET, body), body.replace('TB-1', 'TB-2'))).toMatch(/does not match/);
    const now = Date.now();
    expect(webhookSignatureProblem(SECRET, signWebhook(SECRET, body, now - 6 * 60_000), body, now)).toMatch(/stale/);
  });
});
