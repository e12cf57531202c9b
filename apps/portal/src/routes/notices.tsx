import { Form, Link, useLoaderData, useNavigation, useSubmit, type LoaderFunctionArgs } from 'react-router';
import { NOTICE_ITEM_STATES, type NoticeItemState } from '@jf/domain';
import { ItemStateBadge } from '../components/badges';
import { Pager } from '../components/pager';
import { SelectField } from '../components/text-field';
import {
  formatCount,
  formatDateTime,
  ITEM_STATE_LABELS,
  NOTICE_PATH_LABELS,
  NOTICE_REASON_LABELS,
} from '../format';
import { brandLoader } from '../session';
import { trpc, type NoticeSummary } from '../trpc';

const PER_PAGE = 20;

const SORTS = {
  newest: { label: 'Newest first', sort: { field: 'submittedAt', order: 'DESC' } },
  oldest: { label: 'Oldest first', sort: { field: 'submittedAt', order: 'ASC' } },
  largest: { label: 'Most listings first', sort: { field: 'itemCount', order: 'DESC' } },
} as const;
type SortKey = keyof typeof SORTS;

const isItemState = (value: string | null): value is NoticeItemState =>
  (NOTICE_ITEM_STATES as readonly (string | null)[]).includes(value);

/** Filters, sort and page live in the address, so a filtered list can be bookmarked or shared. */
export const noticesLoader = brandLoader(async ({ request }: LoaderFunctionArgs) => {
  const params = new URL(request.url).searchParams;
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const state = params.get('state');
  const sortKey: SortKey = (params.get('sort') ?? '') in SORTS ? (params.get('sort') as SortKey) : 'newest';
  const itemState = isItemState(state) ? state : undefined;
  const result = await trpc.notices.list.query({
    page,
    perPage: PER_PAGE,
    sort: { ...SORTS[sortKey].sort },
    filter: itemState ? { itemState } : {},
  });
  return { ...result, page, itemState: itemState ?? '', sortKey };
});

export function NoticesPage() {
  const { data, total, page, itemState, sortKey } = useLoaderData<typeof noticesLoader>();
  const navigation = useNavigation();
  const submit = useSubmit();
  return (
    <>
      <div className="page-header page-header-actions">
        <div>
          <h1>Notices</h1>
          <p className="muted">Every takedown notice your brand filed, with where each listing stands.</p>
        </div>
        <Link className="button button-primary" to="/notices/new">
          File a notice
        </Link>
      </div>
      <section className="card" aria-labelledby="notices-heading">
        <h2 id="notices-heading" className="visually-hidden">
          Filed notices
        </h2>
        {/* Changing a choice applies it at once; the button serves keyboard and no-script users alike. */}
        <Form method="get" className="filter-bar" onChange={(event) => void submit(event.currentTarget)}>
          <SelectField
            label="Item state"
            name="state"
            defaultValue={itemState}
            placeholder="Any state"
            options={NOTICE_ITEM_STATES.map((value) => ({ value, label: ITEM_STATE_LABELS[value] }))}
          />
          <SelectField
            label="Sort"
            name="sort"
            defaultValue={sortKey}
            options={Object.entries(SORTS).map(([value, { label }]) => ({ value, label }))}
          />
          <button type="submit" className="button">
            Apply
          </button>
        </Form>
        <div aria-busy={navigation.state === 'loading' || undefined}>
          <NoticesTable notices={data} filtered={itemState !== ''} beyondEnd={page > 1} />
          <Pager page={page} perPage={PER_PAGE} total={total} noun={total === 1 ? 'notice' : 'notices'} />
        </div>
      </section>
    </>
  );
}

function NoticesTable({
  notices,
  filtered,
  beyondEnd,
}: {
  notices: NoticeSummary[];
  filtered: boolean;
  beyondEnd: boolean;
}) {
  if (notices.length === 0 && beyondEnd) {
    return (
      <p className="empty">
        This page is past the end of the list. <Link to="/notices">Back to the first page</Link>
      </p>
    );
  }
  if (notices.length === 0) {
    return (
      <p className="empty">
        {filtered ? 'No notice has a listing in this state.' : 'No notices yet.'}{' '}
        <Link to="/notices/new">File a notice</Link>
      </p>
    );
  }
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">Submitted</th>
            <th scope="col">Reason</th>
            <th scope="col">Path</th>
            <th scope="col" className="numeric">
              Listings
            </th>
            <th scope="col">Where they stand</th>
          </tr>
        </thead>
        <tbody>
          {notices.map((notice) => (
            <tr key={notice.id}>
              <th scope="row" className="nowrap">
                <Link to={`/notices/${notice.id}`}>{formatDateTime(notice.submittedAt)}</Link>
              </th>
              <td>{NOTICE_REASON_LABELS[notice.reason]}</td>
              <td className="nowrap">{NOTICE_PATH_LABELS[notice.path]}</td>
              <td className="numeric">{formatCount(notice.itemCount)}</td>
              <td>
                <StateCounts counts={notice.itemStates} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** "3 Removed · 1 Rejected": only the states that occur, in the order of an item's life. */
export function StateCounts({ counts }: { counts: NoticeSummary['itemStates'] }) {
  const present = NOTICE_ITEM_STATES.filter((state) => (counts?.[state] ?? 0) > 0);
  if (present.length === 0) return <span className="muted">—</span>;
  return (
    <ul className="state-counts">
      {present.map((state) => (
        <li key={state}>
          <span className="state-count">{formatCount(counts![state])}</span> <ItemStateBadge state={state} />
        </li>
      ))}
    </ul>
  );
}
