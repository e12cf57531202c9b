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

/** For the few plain HTTP calls outside tRPC (file uploads), which need the same header. */
export function getCsrfToken(): string {
  return csrfToken ?? 'anonymous';
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
    // `classes.2` or `listingIds.0` belong to the field named before the index.
    const allShown = keys.length > 0 && keys.every((key) => fields.includes(key.replace(/\.\d+$/, '')));
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
export type ApiKey = Awaited<ReturnType<typeof trpc.apiKeys.list.query>>[number];
/** A registered agent organisation, with this brand's live authorisation of it if any. */
export type AgentOrganisation = Awaited<ReturnType<typeof trpc.agents.list.query>>[number];

export type IpRight = Awaited<ReturnType<typeof trpc.ipRights.list.query>>[number];
export type Product = Awaited<ReturnType<typeof trpc.products.list.query>>[number];
export type ListingLookup = Awaited<ReturnType<typeof trpc.notices.lookupListings.query>>[number];
export type Listing = NonNullable<ListingLookup['listing']>;
export type NoticePage = Awaited<ReturnType<typeof trpc.notices.list.query>>;
export type NoticeSummary = NoticePage['data'][number];
export type NoticeDetail = Awaited<ReturnType<typeof trpc.notices.byId.query>>;
export type NoticeItem = NoticeDetail['items'][number];
export type Notification = Awaited<ReturnType<typeof trpc.notifications.list.query>>[number];

/** The reasons for one field, including those for its entries (`classes.0`, `keywords.3`, …). */
export function issuesFor(issues: FieldIssues | undefined, field: string): string[] | undefined {
  if (!issues) return undefined;
  const reasons = Object.entries(issues).flatMap(([key, list]) =>
    key === field || key.startsWith(`${field}.`) ? list : [],
  );
  return reasons.length ? [...new Set(reasons)] : undefined;
}
export type BulkJob = Awaited<ReturnType<typeof trpc.bulkNotices.status.query>>;
export type BulkJobSummary = Awaited<ReturnType<typeof trpc.bulkNotices.list.query>>[number];
export type ThreadPage = Awaited<ReturnType<typeof trpc.messages.threads.query>>;
export type ThreadSummary = ThreadPage['data'][number];
export type OpenedThread = Awaited<ReturnType<typeof trpc.messages.open.mutate>>;
export type ThreadMessage = OpenedThread['messages'][number];
export type NotificationPreferences = Awaited<ReturnType<typeof trpc.notificationPreferences.get.query>>;
export type AppealPage = Awaited<ReturnType<typeof trpc.appeals.list.query>>;
export type AppealDetail = Awaited<ReturnType<typeof trpc.appeals.byId.query>>;
export type GftStanding = Awaited<ReturnType<typeof trpc.brand.gftStanding.query>>;
export type AuthRequest = Awaited<ReturnType<typeof trpc.authRequests.byId.query>>;
export type AnsweredAuthRequests = Awaited<ReturnType<typeof trpc.authRequests.answer.mutate>>;
