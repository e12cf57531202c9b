import { Link, useLoaderData, type LoaderFunctionArgs } from 'react-router';
import { Pager } from '../components/pager';
import { formatDateTime, marketplaceLabel } from '../format';
import { brandLoader } from '../session';
import { trpc, type AppealDetail } from '../trpc';

const PER_PAGE = 25;

export const APPEAL_STATE_LABELS: Record<AppealDetail['state'], string> = {
  open: 'Waiting for your answer',
  contested: 'With our reviewers',
  upheld: 'Removal stands',
  reinstated: 'Listing reinstated',
};

export function AppealStateBadge({ state }: { state: AppealDetail['state'] }) {
  return <span className={`badge badge-appeal-${state}`}>{APPEAL_STATE_LABELS[state]}</span>;
}

export const appealsLoader = brandLoader(async ({ request }: LoaderFunctionArgs) => {
  const page = Math.max(1, Number(new URL(request.url).searchParams.get('page')) || 1);
  return { appeals: await trpc.appeals.list.query({ page, perPage: PER_PAGE }), page };
});

export function AppealsPage() {
  const { appeals, page } = useLoaderData<typeof appealsLoader>();
  const waiting = appeals.data.filter((appeal) => appeal.state === 'open').length;
  return (
    <>
      <div className="page-header">
        <h1>Appeals</h1>
        <p className="muted">
          Sellers may dispute a removal made for you. Retract it and the listing comes back, or contest it with your reasons and
          our reviewers decide. {waiting > 0 ? `${waiting} on this page wait for your answer.` : ''}
        </p>
      </div>
      <section className="card" aria-labelledby="appeals-heading">
        <h2 id="appeals-heading" className="visually-hidden">
          Appeals against your removals
        </h2>
        {appeals.data.length === 0 ? (
          <p className="empty">No seller has disputed a removal made for you.</p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Listing</th>
                  <th scope="col">Seller</th>
                  <th scope="col">State</th>
                  <th scope="col">Answer by</th>
                  <th scope="col">Filed</th>
                </tr>
              </thead>
              <tbody>
                {appeals.data.map((appeal) => (
                  <tr key={appeal.id}>
                    <th scope="row">
                      <Link to={`/appeals/${appeal.id}`}>{appeal.listing.title}</Link>
                      <span className="muted small block">
                        {marketplaceLabel(appeal.marketplaceCode)} <span className="mono">{appeal.listing.externalId}</span>
                      </span>
                    </th>
                    <td>{appeal.seller.name}</td>
                    <td>
                      <AppealStateBadge state={appeal.state} />
                    </td>
                    <td className="nowrap">{appeal.state === 'open' ? formatDateTime(appeal.brandDueAt) : '—'}</td>
                    <td className="nowrap">{formatDateTime(appeal.createdAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pager page={page} perPage={PER_PAGE} total={appeals.total} noun="appeals" />
      </section>
    </>
  );
}
