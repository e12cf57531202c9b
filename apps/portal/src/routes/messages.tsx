import { Link, useLoaderData, useSearchParams, type LoaderFunctionArgs } from 'react-router';
import { Pager } from '../components/pager';
import { formatDateTime, plural } from '../format';
import { brandLoader, useMe } from '../session';
import { trpc, type ThreadSummary } from '../trpc';

const PER_PAGE = 25;

/** Also loaded by the Messages link in the top bar, which shows the unread count. */
export const messagesLoader = brandLoader(async ({ request }: LoaderFunctionArgs) => {
  const url = new URL(request.url);
  const page = Math.max(1, Number(url.searchParams.get('page')) || 1);
  const unreadOnly = url.searchParams.get('unread') === '1';
  const [threads, unread] = await Promise.all([
    trpc.messages.threads.query({ page, perPage: PER_PAGE, unreadOnly }),
    trpc.messages.unread.query(),
  ]);
  return { threads, unread, page, unreadOnly };
});

export const SUBJECT_LABELS: Record<string, string> = {
  notice: 'A notice',
  notice_item: 'A listing in a notice',
  listing: 'A listing',
  auth_request: 'An authentication request',
  appeal: 'An appeal',
};

export function MessagesPage() {
  const { threads, unread, page, unreadOnly } = useLoaderData<typeof messagesLoader>();
  const me = useMe();
  const manager = me.brand?.accountManager ?? null;
  const [params] = useSearchParams();
  const toggled = new URLSearchParams(params);
  toggled.delete('page');
  if (unreadOnly) toggled.delete('unread');
  else toggled.set('unread', '1');
  return (
    <>
      <div className="page-header page-header-actions">
        <div>
          <h1>Messages</h1>
          <p className="muted">
            {manager
              ? `Your conversations with ${manager.name}, your account manager.`
              : 'Your conversations with your account manager.'}{' '}
            {unread.threads > 0
              ? `${plural(unread.messages, 'unread message')} in ${plural(unread.threads, 'conversation')}.`
              : 'You have read everything.'}
          </p>
        </div>
        <Link to="/messages/new" className="button button-primary">
          New message
        </Link>
      </div>
      <section className="card" aria-labelledby="threads-heading">
        <div className="section-title-row">
          <h2 id="threads-heading">{unreadOnly ? 'Unread conversations' : 'All conversations'}</h2>
          <Link to={`?${toggled.toString()}`} className="small">
            {unreadOnly ? 'Show all conversations' : 'Show unread only'}
          </Link>
        </div>
        {threads.data.length === 0 ? (
          <p className="empty">
            {unreadOnly
              ? 'No unread conversations.'
              : 'No conversations yet. Ask your account manager anything, or ask about a listing from its notice.'}
          </p>
        ) : (
          <ul className="notification-list thread-list">
            {threads.data.map((thread) => (
              <ThreadRow key={thread.id} thread={thread} />
            ))}
          </ul>
        )}
        <Pager page={page} perPage={PER_PAGE} total={threads.total} noun="conversations" />
      </section>
    </>
  );
}

function ThreadRow({ thread }: { thread: ThreadSummary }) {
  return (
    <li className={thread.unread > 0 ? 'unread' : undefined}>
      <div className="notification-head">
        <h3>
          <Link to={`/messages/${thread.id}`}>
            {thread.unread > 0 && <span className="visually-hidden">Unread: </span>}
            {thread.subject}
          </Link>
        </h3>
        <time dateTime={thread.lastMessageAt} className="muted small nowrap">
          {formatDateTime(thread.lastMessageAt)}
        </time>
      </div>
      <p className="muted small">
        {thread.about ? `About: ${SUBJECT_LABELS[thread.about.type] ?? thread.about.type}` : 'General'}
        {thread.startedBy?.name ? ` · started by ${thread.startedBy.name}` : ''}
        {thread.unread > 0 && (
          <>
            {' · '}
            <span className="badge badge-warning">{plural(thread.unread, 'new message')}</span>
          </>
        )}
      </p>
    </li>
  );
}
