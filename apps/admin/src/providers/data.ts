import { HttpError, type DataProvider, type Identifier, type RaRecord, type SortPayload } from 'react-admin';
import {
  APPEAL_SORT_FIELDS,
  BRAND_REQUESTED_SOURCES,
  PROACTIVE_SOURCES,
  AUDIT_SORT_FIELDS,
  AUTH_REQUEST_SORT_FIELDS,
  BRAND_SORT_FIELDS,
  QUEUE_SORT_FIELDS,
  SELLER_SORT_FIELDS,
  STAFF_SORT_FIELDS,
  THREAD_SORT_FIELDS,
  type AddAllowlistEntryInput,
  type CreateStaffUserInput,
  type StartStaffThreadInput,
  type UpdateBrandInput,
  type UpdateStaffUserInput,
} from '@jf/domain';
import {
  isApiError,
  trpc,
  type AgentRecord,
  type AllowlistRecord,
  type AuditEventRecord,
  type ApiKeyRecord,
  type AppealRecord,
  type AuthRequestRecord,
  type BrandRecord,
  type GftAuditRecord,
  type ListAuditEventsParams,
  type ListAppealsParams,
  type ListAuthRequestsParams,
  type ListBrandsParams,
  type ListQueueParams,
  type ListRemovalsParams,
  type ListSellersParams,
  type ListStaffParams,
  type ListThreadsParams,
  type ManagerAssignmentRecord,
  type PendingIpRightRecord,
  type QueueItemRecord,
  type RemovalRecord,
  type SellerDetail,
  type SellerRecord,
  type StaffRecord,
  type ThreadRecord,
} from './trpc';

/** react-admin's list request, already reduced to what every admin list procedure accepts. */
interface ListRequest {
  page: number;
  perPage: number;
  sort: SortPayload;
  filter: Record<string, unknown>;
}
type Values = Record<string, unknown>;

/** The procedures behind one react-admin resource; a missing verb is refused, not emulated. */
interface ResourceApi<Rec extends RaRecord<string>> {
  list(request: ListRequest): Promise<{ data: Rec[]; total: number }>;
  byId?(id: string): Promise<Rec>;
  update?(id: string, changes: Values): Promise<Rec>;
  create?(values: Values): Promise<Rec>;
}

const defineResource = <Rec extends RaRecord<string>>(api: ResourceApi<Rec>): ResourceApi<Rec> => api;

/** Unknown sort fields (a column without a server-side sort) fall back to the procedure's default. */
function sortOf<Field extends string>(sort: SortPayload, fields: readonly [Field, ...Field[]]) {
  const field = (fields as readonly string[]).includes(sort.field) ? (sort.field as Field) : fields[0];
  return { field, order: sort.order === 'DESC' ? ('DESC' as const) : ('ASC' as const) };
}

/** Keeps the filter keys a procedure knows and drops the empty values react-admin's filter form leaves. */
function filterOf<Filter>(filter: Values, keys: readonly (keyof Filter & string)[]): Filter {
  const picked: Values = {};
  for (const key of keys) {
    const value = filter[key];
    if (value !== undefined && value !== null && value !== '') picked[key] = value;
  }
  // The server validates every value against the same domain schema; this only narrows the keys.
  return picked as Filter;
}

/** Only the fields the user changed, so an untouched stale value cannot fail validation. */
function changesOf(data: Values, previous: Values, keys: readonly string[]): Values {
  const changes: Values = {};
  for (const key of keys) {
    if (key in data && data[key] !== previous[key]) changes[key] = data[key];
  }
  return changes;
}

type BrandFilter = NonNullable<ListBrandsParams['filter']>;
type StaffFilter = NonNullable<ListStaffParams['filter']>;
type QueueFilter = NonNullable<ListQueueParams['filter']>;
type ThreadFilter = NonNullable<ListThreadsParams['filter']>;
type AppealFilter = NonNullable<ListAppealsParams['filter']>;
type SellerFilter = NonNullable<ListSellersParams['filter']>;
type AuthRequestFilter = NonNullable<ListAuthRequestsParams['filter']>;

const brands = defineResource<BrandRecord>({
  list: ({ page, perPage, sort, filter }) =>
    trpc.admin.brands.list.query({
      page,
      perPage,
      sort: sortOf(sort, BRAND_SORT_FIELDS),
      filter: filterOf<BrandFilter>(filter, ['q', 'gftStatus', 'status', 'accountManagerId', 'ids']),
    }),
  byId: (id) => trpc.admin.brands.byId.query({ id }),
  update: (id, changes) => {
    const { accountManagerId, ...rest } = changes;
    const input = { id, ...rest } as UpdateBrandInput;
    // The select's empty choice means "no account manager".
    if (accountManagerId !== undefined) input.accountManagerId = (accountManagerId as string | null) || null;
    return trpc.admin.brands.update.mutate(input);
  },
});

const staff = defineResource<StaffRecord>({
  list: ({ page, perPage, sort, filter }) =>
    trpc.admin.staff.list.query({
      page,
      perPage,
      sort: sortOf(sort, STAFF_SORT_FIELDS),
      filter: filterOf<StaffFilter>(filter, ['q', 'role', 'status', 'ids']),
    }),
  byId: (id) => trpc.admin.staff.byId.query({ id }),
  update: (id, changes) => trpc.admin.staff.update.mutate({ id, ...changes } as UpdateStaffUserInput),
  create: (values) => trpc.admin.staff.create.mutate(values as unknown as CreateStaffUserInput),
});

/**
 * The queue's "Age" column sorts by `ageHours`, which is the submission time read backwards: oldest
 * first is age descending, i.e. `createdAt` ascending.
 */
function queueSortOf(sort: SortPayload) {
  if (sort.field !== 'ageHours') return sortOf(sort, QUEUE_SORT_FIELDS);
  return { field: 'createdAt' as const, order: sort.order === 'DESC' ? ('ASC' as const) : ('DESC' as const) };
}

// Queue items are read here; claims and decisions are explicit mutations in the queue's bulk actions.
const queue = defineResource<QueueItemRecord>({
  list: ({ page, perPage, sort, filter }) =>
    trpc.admin.queue.list.query({
      page,
      perPage,
      sort: queueSortOf(sort),
      filter: filterOf<QueueFilter>(filter, ['brandId', 'marketplace', 'reason', 'path', 'minAgeHours', 'mine']),
    }),
});

// The audit sample is always oldest first; the procedure takes no sort or filter.
const gftAudit = defineResource<GftAuditRecord>({
  list: ({ page, perPage }) => trpc.admin.gftAudit.list.query({ page, perPage }),
});

// The procedure returns every pending right (at most 500) unpaged, so the list shows them on one page.
const ipRights = defineResource<PendingIpRightRecord>({
  list: async () => {
    const data = await trpc.admin.ipRights.pending.query();
    return { data, total: data.length };
  },
});

/** The "unread only" switch turned off means every thread, not only the read ones. */
const threadFilterOf = (filter: Values): ThreadFilter =>
  filterOf<ThreadFilter>({ ...filter, unread: filter.unread === true ? true : undefined }, ['q', 'brandId', 'unread', 'subjectType', 'subjectId']);

const threads = defineResource<ThreadRecord>({
  list: ({ page, perPage, sort, filter }) =>
    trpc.admin.messages.list.query({ page, perPage, sort: sortOf(sort, THREAD_SORT_FIELDS), filter: threadFilterOf(filter) }),
  // Opening is the one way to read a thread and it marks it read, so the show page asks once per visit.
  byId: async (id) => {
    const opened = await trpc.admin.messages.open.mutate({ threadId: id });
    return { ...opened.thread, messages: opened.messages };
  },
  create: (values) => trpc.admin.messages.start.mutate(values as unknown as StartStaffThreadInput),
});

/** History and allowlist exist per brand only: they are read through the brand page's reference fields. */
function brandIdOf(filter: Values, what: string): string {
  const brandId = filter.brandId;
  if (typeof brandId !== 'string' || brandId === '') throw new HttpError(`${what} can only be listed for one brand`, 400);
  return brandId;
}

// Both procedures answer the whole (short) list at once, newest first.
const managerAssignments = defineResource<ManagerAssignmentRecord>({
  list: async ({ filter }) => {
    const data = await trpc.admin.accounts.managerHistory.query({ brandId: brandIdOf(filter, 'Account-manager history') });
    return { data, total: data.length };
  },
});

const allowlist = defineResource<AllowlistRecord>({
  list: async ({ filter }) => {
    const data = await trpc.admin.accounts.allowlist.query({ brandId: brandIdOf(filter, 'The allowlist') });
    return { data, total: data.length };
  },
  create: (values) => trpc.admin.accounts.addToAllowlist.mutate(values as unknown as AddAllowlistEntryInput),
});

// Appeals are decided through explicit mutations on their page (admin.appeals.decide), never by update.
const appeals = defineResource<AppealRecord>({
  list: ({ page, perPage, sort, filter }) =>
    trpc.admin.appeals.list.query({ page, perPage, sort: sortOf(sort, APPEAL_SORT_FIELDS), filter: filterOf<AppealFilter>(filter, ['state', 'brandId']) }),
  byId: (id) => trpc.admin.appeals.byId.query({ id }),
});

/** "Older than N hours" arrives from a number input as a number or, cleared, as an empty string or null. */
function authRequestFilterOf(filter: Values): AuthRequestFilter {
  const picked = filterOf<AuthRequestFilter>(filter, ['brandId', 'state', 'answer', 'olderThanHours']);
  const hours = Number(picked.olderThanHours);
  if (picked.olderThanHours !== undefined) picked.olderThanHours = Number.isFinite(hours) ? Math.max(0, Math.floor(hours)) : undefined;
  return picked;
}

// Requests are answered by brands in the portal; the back office reads them (and their figures, on the list).
const authRequests = defineResource<AuthRequestRecord>({
  list: ({ page, perPage, sort, filter }) =>
    trpc.admin.authRequests.list.query({ page, perPage, sort: sortOf(sort, AUTH_REQUEST_SORT_FIELDS), filter: authRequestFilterOf(filter) }),
  byId: (id) => trpc.admin.authRequests.byId.query({ id }),
});

// A list row is a seller; its page (byId) adds strikes, removals, appeals and related accounts.
const sellers = defineResource<SellerRecord | SellerDetail>({
  list: ({ page, perPage, sort, filter }) =>
    trpc.admin.sellers.list.query({ page, perPage, sort: sortOf(sort, SELLER_SORT_FIELDS), filter: filterOf<SellerFilter>(filter, ['q', 'marketplace', 'status', 'ids']) }),
  byId: (id) => trpc.admin.sellers.byId.query({ id }),
});

// Few keys, newest first, all at once; creating one shows its secret, so it is a dialog, not a form here.
const apiKeys = defineResource<ApiKeyRecord>({
  list: async () => {
    const data = await trpc.admin.apiKeys.list.query();
    return { data, total: data.length };
  },
});

// Agent organisations with their brands and keys, all at once (few of them, alphabetical from the server).
const agents = defineResource<AgentRecord>({
  list: async () => {
    const data = await trpc.admin.agents.list.query();
    return { data, total: data.length };
  },
});

type AuditFilter = NonNullable<ListAuditEventsParams['filter']>;

/** The instant a local calendar day (a date input's `YYYY-MM-DD`) starts, or its last millisecond. */
function localDayEdge(value: unknown, edge: 'start' | 'end'): string | undefined {
  const match = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]) - 1, Number(match[3])];
  return (edge === 'start' ? new Date(year, month, day) : new Date(year, month, day + 1, 0, 0, 0, -1)).toISOString();
}

/**
 * The audit filters as the API takes them, for the list and the CSV export alike. The date inputs mean
 * the user's own days, so they are sent as the instants those days start and end here.
 */
export function auditFilterOf(filter: Values): AuditFilter {
  return {
    ...filterOf<AuditFilter>(filter, ['actorId', 'actor', 'entityType', 'entityId', 'brandId', 'action']),
    from: localDayEdge(filter.from, 'start'),
    to: localDayEdge(filter.to, 'end'),
  };
}

// Read-only, newest first by default; the CSV export of the same filters is a plain download (the list's button).
const auditEvents = defineResource<AuditEventRecord>({
  list: ({ page, perPage, sort, filter }) =>
    trpc.admin.audit.list.query({ page, perPage, sort: sortOf(sort, AUDIT_SORT_FIELDS), filter: auditFilterOf(filter) }),
});

type RemovalFilter = NonNullable<ListRemovalsParams['filter']>;
const REMOVAL_SORT_FIELDS = ['requestedAt', 'removedAt'] as const;

/** The list's "side" (the dashboard's proactive vs brand-requested) is sent as the sources it holds. */
function removalFilterOf(filter: Values): RemovalFilter {
  const picked = filterOf<RemovalFilter>(filter, ['source', 'marketplace', 'brandId', 'from', 'to']);
  if (!picked.source && filter.group === 'proactive') picked.sources = [...PROACTIVE_SOURCES];
  if (!picked.source && filter.group === 'brand_requested') picked.sources = [...BRAND_REQUESTED_SOURCES];
  return picked;
}

// Read-only: the removals behind a dashboard point, scoped by the server as the charts are.
const removals = defineResource<RemovalRecord>({
  list: ({ page, perPage, sort, filter }) =>
    trpc.admin.removals.list.query({ page, perPage, sort: sortOf(sort, REMOVAL_SORT_FIELDS), filter: removalFilterOf(filter) }),
});

/** Resource name → procedures, plus which record fields each update procedure accepts. */
const RESOURCES = {
  brands: { api: brands, editable: ['status', 'jointForcePhase', 'accountManagerId'] },
  staff: { api: staff, editable: ['name', 'role', 'status'] },
  queue: { api: queue, editable: [] },
  'gft-audit': { api: gftAudit, editable: [] },
  'ip-rights': { api: ipRights, editable: [] },
  threads: { api: threads, editable: [] },
  'manager-assignments': { api: managerAssignments, editable: [] },
  allowlist: { api: allowlist, editable: [] },
  'audit-events': { api: auditEvents, editable: [] },
  appeals: { api: appeals, editable: [] },
  'auth-requests': { api: authRequests, editable: [] },
  sellers: { api: sellers, editable: [] },
  'api-keys': { api: apiKeys, editable: [] },
  agents: { api: agents, editable: [] },
  removals: { api: removals, editable: [] },
} as const satisfies Record<string, ResourceEntry>;

interface ResourceEntry {
  api: ResourceApi<RaRecord<string>>;
  editable: readonly string[];
}

function resourceOf(resource: string): ResourceEntry {
  const entry: ResourceEntry | undefined = (RESOURCES as Record<string, ResourceEntry>)[resource];
  if (!entry) throw new HttpError(`Unknown resource "${resource}"`, 404);
  return entry;
}

/**
 * tRPC errors become react-admin HttpErrors; field issues go to `body.errors`, where the forms
 * show them under their inputs, and the server's message to `root.serverError` for the toast.
 */
export function toHttpError(error: unknown): HttpError {
  if (error instanceof HttpError) return error;
  if (isApiError(error)) {
    const status = error.data?.httpStatus ?? 500;
    const issues = error.data?.fieldIssues;
    if (!issues) return new HttpError(error.message, status);
    const errors: Record<string, unknown> = { root: { serverError: error.message } };
    for (const [field, reasons] of Object.entries(issues)) errors[field] = reasons.join('; ');
    return new HttpError(error.message, status, { errors });
  }
  return new HttpError(error instanceof Error ? error.message : 'The request failed', 500);
}

async function call<T>(request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    throw toHttpError(error);
  }
}

const unsupported = (verb: string, resource: string) =>
  Promise.reject(new HttpError(`${resource} cannot be ${verb} from the back office`, 405));

const idsOf = (ids: readonly Identifier[]) => ids.map(String);

/**
 * react-admin types each method generically over the caller's record type; the records really are
 * the router's output types, checked in RESOURCES above, so the generic is asserted once here.
 */
const asResult = <Result>(promise: Promise<unknown>) => promise as Promise<Result>;

export const dataProvider: DataProvider = {
  getList: (resource, params) =>
    asResult(
      call(() => {
        const { page = 1, perPage = 25 } = params.pagination ?? {};
        const sort = params.sort ?? { field: 'id', order: 'ASC' };
        return resourceOf(resource).api.list({ page, perPage, sort, filter: params.filter ?? {} });
      }),
    ),

  getOne: (resource, params) =>
    asResult(
      call(async () => {
        const { api } = resourceOf(resource);
        if (!api.byId) return unsupported('read one by one', resource);
        return { data: await api.byId(String(params.id)) };
      }),
    ),

  getMany: (resource, params) =>
    asResult(
      call(async () => {
        const ids = idsOf(params.ids);
        if (ids.length === 0) return { data: [] };
        const page = await resourceOf(resource).api.list({
          page: 1,
          perPage: ids.length,
          sort: { field: 'name', order: 'ASC' },
          filter: { ids },
        });
        return { data: page.data };
      }),
    ),

  getManyReference: (resource, params) =>
    asResult(
      call(() => {
        const { page = 1, perPage = 25 } = params.pagination ?? {};
        return resourceOf(resource).api.list({
          page,
          perPage,
          sort: params.sort ?? { field: 'name', order: 'ASC' },
          filter: { ...params.filter, [params.target]: params.id },
        });
      }),
    ),

  update: (resource, params) =>
    asResult(
      call(async () => {
        const { api, editable } = resourceOf(resource);
        if (!api.update) return unsupported('updated', resource);
        const changes = changesOf(params.data as Values, (params.previousData ?? {}) as Values, editable);
        return { data: await api.update(String(params.id), changes) };
      }),
    ),

  // One procedure call per record: admin lists are small and each change is audited on its own.
  updateMany: (resource, params) =>
    asResult(
      call(async () => {
        const { api, editable } = resourceOf(resource);
        const update = api.update;
        if (!update) return unsupported('updated', resource);
        const changes = changesOf(params.data as Values, {}, editable);
        const updated = await Promise.all(idsOf(params.ids).map((id) => update(id, changes)));
        return { data: updated.map((record) => record.id) };
      }),
    ),

  create: (resource, params) =>
    asResult(
      call(async () => {
        const { api } = resourceOf(resource);
        if (!api.create) return unsupported('created', resource);
        return { data: await api.create(params.data as Values) };
      }),
    ),

  delete: (resource) => unsupported('deleted', resource),
  deleteMany: (resource) => unsupported('deleted', resource),
};
