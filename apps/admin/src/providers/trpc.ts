import { createTRPCClient, httpBatchLink, TRPCClientError } from '@trpc/client';
import type { AppRouter } from '@jf/api';

/**
 * The session's CSRF token lives in memory only (never in storage a script could read later);
 * after a reload the auth provider gets it again from `auth.me`.
 */
let csrfToken: string | null = null;
export const setCsrfToken = (token: string | null): void => {
  csrfToken = token;
};
/** The header plain-HTTP mutations (document uploads) must carry, like every tRPC mutation. */
export const csrfHeaders = (): Record<string, string> => (csrfToken ? { 'x-csrf-token': csrfToken } : {});

export const trpc = createTRPCClient<AppRouter>({
  links: [
    httpBatchLink({
      url: '/trpc',
      headers: csrfHeaders,
      fetch: (input, init) => fetch(input, { ...init, credentials: 'same-origin' }),
    }),
  ],
});

export type ApiError = TRPCClientError<AppRouter>;
export const isApiError = (error: unknown): error is ApiError => error instanceof TRPCClientError;

// Record and input types come from the router type through the client, so they cannot drift from the API.
type Client = typeof trpc;
export type BrandRecord = Awaited<ReturnType<Client['admin']['brands']['byId']['query']>>;
export type StaffRecord = Awaited<ReturnType<Client['admin']['staff']['byId']['query']>>;
export type OverviewSummary = Awaited<ReturnType<Client['admin']['overview']['summary']['query']>>;
export type SessionUser = Awaited<ReturnType<Client['auth']['me']['query']>>['user'];
export type ListBrandsParams = Parameters<Client['admin']['brands']['list']['query']>[0];
export type ListStaffParams = Parameters<Client['admin']['staff']['list']['query']>[0];
export type QueueItemRecord = Awaited<ReturnType<Client['admin']['queue']['list']['query']>>['data'][number];
export type GftAuditRecord = Awaited<ReturnType<Client['admin']['gftAudit']['list']['query']>>['data'][number];
export type PendingIpRightRecord = Awaited<ReturnType<Client['admin']['ipRights']['pending']['query']>>[number];
export type ListQueueParams = Parameters<Client['admin']['queue']['list']['query']>[0];
export type ListThreadsParams = Parameters<Client['admin']['messages']['list']['query']>[0];
export type ThreadSummary = Awaited<ReturnType<Client['admin']['messages']['list']['query']>>['data'][number];
export type OpenedThread = Awaited<ReturnType<Client['admin']['messages']['open']['mutate']>>;
export type ThreadMessage = OpenedThread['messages'][number];
/** A thread as react-admin holds it: the list row, plus its messages once the show page opened it. */
export type ThreadRecord = ThreadSummary & { messages?: ThreadMessage[] };
export type UnreadSummary = Awaited<ReturnType<Client['admin']['messages']['unread']['query']>>;
export type WorkspaceRow = Awaited<ReturnType<Client['admin']['accounts']['workspace']['query']>>[number];
export type ManagerAssignmentRecord = Awaited<ReturnType<Client['admin']['accounts']['managerHistory']['query']>>[number];
export type AllowlistRecord = Awaited<ReturnType<Client['admin']['accounts']['allowlist']['query']>>[number];
export type NotificationPreferences = Awaited<ReturnType<Client['notificationPreferences']['get']['query']>>;
export type AppealRecord = Awaited<ReturnType<Client['admin']['appeals']['byId']['query']>>;
export type ListAppealsParams = Parameters<Client['admin']['appeals']['list']['query']>[0];
export type SellerRecord = Awaited<ReturnType<Client['admin']['sellers']['list']['query']>>['data'][number];
/** A seller as its page shows it: the list row plus its history and related accounts. */
export type SellerDetail = Awaited<ReturnType<Client['admin']['sellers']['byId']['query']>>;
export type ListSellersParams = Parameters<Client['admin']['sellers']['list']['query']>[0];
export type ApiKeyRecord = Awaited<ReturnType<Client['admin']['apiKeys']['list']['query']>>[number];
export type CreatedApiKey = Awaited<ReturnType<Client['admin']['apiKeys']['createMarketplaceKey']['mutate']>>;
export type AgentRecord = Awaited<ReturnType<Client['admin']['agents']['list']['query']>>[number];
export type CreatedAgentKey = Awaited<ReturnType<Client['admin']['agents']['createKey']['mutate']>>;
export type AuditEventRecord = Awaited<ReturnType<Client['admin']['audit']['list']['query']>>['data'][number];
export type ListAuditEventsParams = Parameters<Client['admin']['audit']['list']['query']>[0];
export type AuthRequestRecord = Awaited<ReturnType<Client['admin']['authRequests']['byId']['query']>>;
export type ListAuthRequestsParams = Parameters<Client['admin']['authRequests']['list']['query']>[0];
export type AuthRequestStats = Awaited<ReturnType<Client['admin']['authRequests']['stats']['query']>>;
export type ModelVersionRecord = Awaited<ReturnType<Client['admin']['detection']['models']['query']>>[number];
export type DetectionScanRecord = Awaited<ReturnType<Client['admin']['detection']['scan']['query']>>;
export type DetectionSettings = Awaited<ReturnType<Client['admin']['detection']['settings']['query']>>;
export type RetrainOutcome = Awaited<ReturnType<Client['admin']['detection']['retrain']['mutate']>>;
export type RemovalsSeries = Awaited<ReturnType<Client['admin']['dashboards']['removals']['query']>>;
export type TurnaroundSeries = Awaited<ReturnType<Client['admin']['dashboards']['turnaround']['query']>>;
export type AuthRequestSeries = Awaited<ReturnType<Client['admin']['dashboards']['authRequests']['query']>>;
export type AppealSeries = Awaited<ReturnType<Client['admin']['dashboards']['appeals']['query']>>;
export type GftDistribution = Awaited<ReturnType<Client['admin']['dashboards']['gft']['query']>>;
export type RemovalRecord = Awaited<ReturnType<Client['admin']['removals']['list']['query']>>['data'][number];
export type ListRemovalsParams = Parameters<Client['admin']['removals']['list']['query']>[0];
