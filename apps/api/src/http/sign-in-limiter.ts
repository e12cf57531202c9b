import { isIPv6 } from 'node:net';
import { refundAddressAttempt, SIGN_IN_ADDRESS_LIMIT, takeAddressAttempt, tooManySignInAttempts, type AddressAttempts, type SignInAddressPolicy } from '@jf/domain';

/**
 * The client an attempt is counted against: an IPv4 address, or the /64 network of an IPv6 address
 * (one host usually holds a whole /64, so counting single IPv6 addresses would count nothing).
 */
export function clientKey(address: string): string {
  const plain = address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
  if (!isIPv6(plain)) return plain;
  const [head = '', tail] = plain.split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const groups = tail === undefined ? headGroups : [...headGroups, ...Array<string>(8 - headGroups.length - tailGroups.length).fill('0'), ...tailGroups];
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, '').toLowerCase())
    .join(':')}::/64`;
}

/**
 * Sign-in attempts per client address, in this process's memory. Sign-in is a tRPC procedure, and one
 * batched HTTP request can carry many calls of it, so the limit counts calls inside the procedure
 * rather than requests in front of it (where express-rate-limit would sit). Memory is enough: the
 * per-account lockout, which is what stops guessing one password, is in the database and holds across
 * processes; this limit only slows one client spraying many accounts, and each process counts its own.
 */
export class SignInAddressLimiter {
  private readonly attempts = new Map<string, AddressAttempts>();

  constructor(
    private readonly policy: SignInAddressPolicy = SIGN_IN_ADDRESS_LIMIT,
    /** Beyond this many addresses the oldest windows are dropped, so a spray of addresses cannot exhaust memory. */
    private readonly maxAddresses = 50_000,
  ) {}

  /** Counts an attempt of `address`, or throws the rate-limited refusal when its window is used up. */
  take(address: string, now = new Date()): void {
    const key = clientKey(address);
    const result = takeAddressAttempt(this.attempts.get(key) ?? null, now, this.policy);
    if (!result.allowed) throw tooManySignInAttempts(result.retryAfterMs);
    // Re-inserting keeps the map in order of last attempt, oldest first, for pruning.
    this.attempts.delete(key);
    this.attempts.set(key, result.state);
    if (this.attempts.size > this.maxAddresses) this.prune(now);
  }

  /** A successful sign-in gives its attempt back: people signing in from one office are not limited. */
  refund(address: string): void {
    const key = clientKey(address);
    const state = this.attempts.get(key);
    if (state) this.attempts.set(key, refundAddressAttempt(state));
  }

  private prune(now: Date): void {
    for (const [key, state] of this.attempts) {
      const over = now.getTime() - state.windowStartedAt.getTime() >= this.policy.windowMs;
      if (over || this.attempts.size > this.maxAddresses) this.attempts.delete(key);
      else break;
    }
  }
}
