import { TRPCError } from '@trpc/server';
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';
import { ZodError } from 'zod';
import { describeFieldIssues, DomainError, type DomainErrorCode, type FieldIssues } from '@jf/domain';
import { databaseUnavailableReason, isUniqueViolation } from '@jf/db';

const TRPC_CODE_BY_DOMAIN_CODE: Record<DomainErrorCode, TRPC_ERROR_CODE_KEY> = {
  validation: 'BAD_REQUEST',
  not_found: 'NOT_FOUND',
  forbidden: 'FORBIDDEN',
  unauthenticated: 'UNAUTHORIZED',
  conflict: 'CONFLICT',
  invalid_transition: 'CONFLICT',
  precondition_failed: 'PRECONDITION_FAILED',
  rate_limited: 'TOO_MANY_REQUESTS',
  service_unavailable: 'SERVICE_UNAVAILABLE',
};

/** A database that is down, read-only or full, as a 503 with a readable message; null for any other error. */
export function unavailableError(cause: unknown): TRPCError | null {
  const reason = databaseUnavailableReason(cause);
  if (!reason) return null;
  return new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: reason, cause: new DomainError('service_unavailable', reason) });
}

/** The one place where thrown errors become API errors; unknown errors stay INTERNAL_SERVER_ERROR. */
export function toTRPCError(error: TRPCError): TRPCError {
  const cause = error.cause;
  if (cause instanceof DomainError) {
    return new TRPCError({ code: TRPC_CODE_BY_DOMAIN_CODE[cause.code], message: cause.message, cause });
  }
  if (cause instanceof ZodError) {
    const issues = fieldIssuesOf(error) ?? {};
    return new TRPCError({ code: 'BAD_REQUEST', message: `Invalid input: ${describeFieldIssues(issues)}`, cause });
  }
  const unavailable = unavailableError(cause);
  if (unavailable) return unavailable;
  if (isUniqueViolation(cause)) {
    const conflict = new DomainError('conflict', 'This already exists');
    return new TRPCError({ code: 'CONFLICT', message: conflict.message, cause: conflict });
  }
  return error;
}

/** Field-level reasons for the client, from a domain error or an input validation error. */
export function fieldIssuesOf(error: TRPCError): FieldIssues | null {
  const cause = error.cause;
  if (cause instanceof DomainError) return Object.keys(cause.fieldIssues).length ? cause.fieldIssues : null;
  if (cause instanceof ZodError) {
    const issues: FieldIssues = {};
    for (const issue of cause.issues) {
      const field = issue.path.join('.') || '(input)';
      (issues[field] ??= []).push(issue.message);
    }
    return issues;
  }
  return null;
}

export function domainCodeOf(error: TRPCError): DomainErrorCode | null {
  if (error.cause instanceof DomainError) return error.cause.code;
  if (error.cause instanceof ZodError) return 'validation';
  return null;
}
