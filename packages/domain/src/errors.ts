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
