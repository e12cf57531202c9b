/**
 * Domain errors carry a stable code; the API has one formatter that maps codes to
 * tRPC/HTTP errors, and the UIs map the same codes to messages.
 */
export const DOMAIN_ERROR_CODES = [
  'validation',
  'not_found',
  'forbidden',
  'unauthenticated',
  'conflict',
  'invalid_transition',
  'precondition_failed',
  'rate_limited',
  /** The database is down, read-only or full: nothing was changed, and trying again later may work (HTTP 503). */
  'service_unavailable',
] as const;
export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

/** Field path (dot-joined) → human-readable reasons. */
export type FieldIssues = Record<string, string[]>;

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly fieldIssues: FieldIssues = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (what: string) => new DomainError('not_found', `${what} not found`);
export const forbidden = (why = 'You are not allowed to do this') => new DomainError('forbidden', why);
/** A readable message for validation failures, naming each field and its reason. */
export function describeFieldIssues(issues: FieldIssues): string {
  return Object.entries(issues)
    .map(([field, reasons]) => `${field}: ${reasons.join(', ')}`)
    .join('; ');
}

/** A validation error whose message says what was refused and, field by field, why. */
export const invalidInput = (summary: string, issues: FieldIssues) => new DomainError('validation', `${summary}: ${describeFieldIssues(issues)}`, issues);

export const conflict = (why: string, fieldIssues?: FieldIssues) => new DomainError('conflict', why, fieldIssues);
export const invalidField = (field: string, reason: string) =>
  new DomainError('validation', `${field}: ${reason}`, { [field]: [reason] });

/** Outcome of a pure decision: state machines and policies return this instead of throwing. */
export type Result<T, E = DomainError> = { ok: true; value: T } | { ok: false; error: E };
export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const err = <E>(error: E): Result<never, E> => ({ ok: false, error });

/** Unwraps a Result where the caller wants a throw (inside an API transaction). */
export function unwrap<T>(result: Result<T, DomainError>): T {
  if (!result.ok) throw result.error;
  return result.value;
}

/**
 * The dotted path of the first string holding a NUL character in an input, or null. Databases refuse
 * NUL in text (PostgreSQL) or cut statements at it, so such input is refused before it reaches them.
 * Shared sub-objects are visited once and at most `budget` values are looked at: a hostile input
 * cannot make the check itself expensive (what is left unchecked is far beyond any schema's limits).
 */
export function nulCharacterPath(value: unknown, budget = 100_000): string | null {
  const seen = new Set<object>();
  const pending: [unknown, string][] = [[value, '']];
  let visited = 0;
  while (pending.length > 0 && visited++ < budget) {
    const [current, path] = pending.pop()!;
    if (typeof current === 'string') {
      if (current.includes('\u0000')) return path || 'input';
      continue;
    }
    if (current === null || typeof current !== 'object' || seen.has(current)) continue;
    seen.add(current);
    for (const [key, child] of Object.entries(current)) {
      const childPath = path ? `${path}.${key.replaceAll('\u0000', '')}` : key.replaceAll('\u0000', '');
      if (key.includes('\u0000')) return childPath;
      pending.push([child, childPath]);
    }
  }
  return null;
}
