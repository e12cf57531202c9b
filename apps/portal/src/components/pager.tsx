import { Link, useLocation } from 'react-router';
import { formatCount } from '../format';

/** Previous / next links that keep the other query parameters (filters, sort) as they are. */
export function Pager({
  page,
  perPage,
  total,
  noun,
}: {
  page: number;
  perPage: number;
  total: number;
  noun: string;
}) {
  const { pathname, search } = useLocation();
  const pages = Math.max(1, Math.ceil(total / perPage));
  const hrefFor = (target: number) => {
    const params = new URLSearchParams(search);
    if (target <= 1) params.delete('page');
    else params.set('page', String(target));
    const query = params.toString();
    return query ? `${pathname}?${query}` : pathname;
  };
  const first = total === 0 ? 0 : (page - 1) * perPage + 1;
  const last = Math.min(total, page * perPage);
  return (
    <nav className="pager" aria-label="Pages">
      <p className="muted small">
        {total === 0
          ? `No ${noun}`
          : `${formatCount(first)}–${formatCount(last)} of ${formatCount(total)} ${noun} · page ${page} of ${pages}`}
      </p>
      <div className="pager-links">
        {page > 1 ? (
          <Link className="button button-quiet" to={hrefFor(page - 1)} rel="prev">
            Previous page
          </Link>
        ) : null}
        {page < pages ? (
          <Link className="button button-quiet" to={hrefFor(page + 1)} rel="next">
            Next page
          </Link>
        ) : null}
      </div>
    </nav>
  );
}
