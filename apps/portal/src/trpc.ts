import { createTRPCClient, httpBatchLink, TRPCClientError } from '@trpc/client';
import type { AppRouter } from '@jf/api';

/**
 * The session's CSRF token lives in memory only: sign-in hands it over, and after a reload
 * `auth.me` hands it over again. Anonymous mutations (sign-in, accept-invite) only need the
 * header to be present, which a cross-site form cannot do.
 */
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export const trpc = createTRPCClient<AppRouter>({
  links: [
    httpBatchLink({
      url: '/trpc',
      headers: () => ({ 'x-csrf-token': csrfToken ?? 'anonymous' }),
      fetch: (url, options) => fetch(url, { ...options, credentials: 'same-origin' }),
    }),
  ],
});

export type FieldIssues = Record<string, string[]>;

/** What a form shows after a failed call: one message for the alert, reasons per field. */
export interface FormError {
  message: string;
  fieldIssues: FieldIssues;
}

export function isTrpcError(error: unknown): error is TRPCClientError<AppRouter> {
  return error instanceof TRPCClientError;
}

/** The tRPC error code (UNAUTHORIZED, FORBIDDEN, …), or null for anything else. */
export function errorCode(error: unknown): string | null {
  return isTrpcError(error) ? (error.data?.code ?? null) : null;
}

/**
 * Turns a failed call into what a form shows. `fields` are the inputs the form has: when every
 * reason belongs to one of them, the reasons sit beside the fields and the alert stays short.
 */
export function toFormError(error: unknown, fields: readonly string[] = []): FormError {
  if (isTrpcError(error)) {
    const fieldIssues = error.data?.fieldIssues ?? {};
    const keys = Object.keys(fieldIssues);
    const allShown = keys.length > 0 && keys.every((key) => fields.includes(key));
    const message =
      allShown && error.data?.code === 'BAD_REQUEST'
        ? 'Please correct the fields marked below.'
        : error.message;
    return { message, fieldIssues };
  }
  return {
    message: 'The server could not be reached. Check your connection and try again.',
    fieldIssues: {},
  };
}

/** The signed-in caller as `auth.me` describes them. */
export type Me = Awaited<ReturnType<typeof trpc.auth.me.query>>;
export type Brand = NonNullable<Me['brand']>;
export type BrandUser = Awaited<ReturnType<typeof trpc.brandUsers.list.query>>[number];
