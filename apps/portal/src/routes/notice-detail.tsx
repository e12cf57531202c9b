import { useEffect, useRef, useState } from 'react';
import { NOTICE_ITEM_STATES } from '@jf/domain';
import {
  Link,
  useFetcher,
  useLoaderData,
  useSearchParams,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
} from 'react-router';
import { ErrorAlert, StatusMessage } from '../components/alert';
import { ItemStateBadge } from '../components/badges';
import { SelectField, TextAreaField } from '../components/text-field';
import {
  describeRight,
  formatCount,
  formatDateTime,
  formatDuration,
  formatMoney,
  itemDisplayState,
  ITEM_STATE_LABELS,
  marketplaceLabel,
  NOTICE_PATH_LABELS,
  NOTICE_REASON_LABELS,
  plural,
  REJECTION_CODE_LABELS,
} from '../format';
import { issuesFor, toFormError, trpc, type FormError, type NoticeItem, type ThreadSummary } from '../trpc';
import { brandLoader } from '../session';
import { StateCounts } from './notices';

export const noticeDetailLoader = brandLoader(async ({ params }: LoaderFunctionArgs) => {
  const [notice, rights, threads] = await Promise.all([
    trpc.notices.byId.query({ id: params.noticeId ?? '' }),
    trpc.ipRights.list.query(),
    // The brand's latest conversations; those about this notice's listings are shown on their cards.
    trpc.messages.threads.query({ perPage: 100 }),
  ]);
  const threadsByItem = new Map<string, ThreadSummary[]>();
  for (const thread of threads.data) {
    if (thread.about?.type !== 'notice_item') continue;
    threadsByItem.set(thread.about.id, [...(threadsByItem.get(thread.about.id) ?? []), thread]);
  }
  return { notice, right: rights.find((right) => right.id === notice.ipRightId) ?? null, threadsByItem };
});

type AnswerResult = { ok: true; itemId: string } | ({ ok: false; itemId: string } & FormError);

/** Each needs-info item posts its own answer here; the item goes back to the reviewers. */
export async function noticeDetailAction({ request }: ActionFunctionArgs): Promise<AnswerResult> {
  const form = await request.formData();
  const itemId = String(form.get('itemId') ?? '');
  try {
    await trpc.notices.answerInfo.mutate({ itemId, response: String(form.get('response') ?? '') });
    return { ok: true, itemId };
  } catch (error) {
    return { ok: false, itemId, ...toFormError(error, ['response']) };
  }
}

export function NoticeDetailPage() {
  const { notice, right, threadsByItem } = useLoaderData<typeof noticeDetailLoader>();
  const [params] = useSearchParams();
  const counts = Object.fromEntries(
    NOTICE_ITEM_STATES.map((state) => [state, notice.items.filter((item) => item.state === state).length]),
  ) as Record<NoticeItem['state'], number>;
  const gft = notice.path === 'good_faith';
  return (
    <>
      <p className="breadcrumb">
        <Link to="/notices">Notices</Link>
      </p>
      <div className="page-header">
        <h1>Notice of {formatDateTime(notice.submittedAt)}</h1>
        <p className="muted">
          {NOTICE_REASON_LABELS[notice.reason]} · {plural(notice.itemCount, 'listing')} ·{' '}
          {NOTICE_PATH_LABELS[notice.path]}
        </p>
      </div>
      {params.has('submitted') && (
        <StatusMessage>
          Your notice is filed with {plural(notice.itemCount, 'listing')}.{' '}
          {gft
            ? 'Under Good Faith Takedown they are being removed now.'
            : 'Our enforcement team reviews each listing; you will be notified of every decision.'}
        </StatusMessage>
      )}
      {counts.needs_info > 0 && (
        <div className="callout callout-warning">
          <p>
            <strong>
              {counts.needs_info === 1
                ? 'One listing needs your answer'
                : `${counts.needs_info} listings need your answer`}
            </strong>{' '}
            before our reviewers can decide. Answer below; the listing then returns to the review queue.
          </p>
        </div>
      )}

      <div className="grid">
        <section className="card" aria-labelledby="summary-heading">
          <h2 id="summary-heading">Summary</h2>
          <dl className="details">
            <dt>Submitted</dt>
            <dd>{formatDateTime(notice.submittedAt)}</dd>
            <dt>Reason</dt>
            <dd>{NOTICE_REASON_LABELS[notice.reason]}</dd>
            {notice.testBuyOrderRef && (
              <>
                <dt>Test-buy order</dt>
                <dd className="mono">{notice.testBuyOrderRef}</dd>
              </>
            )}
            <dt>IP right</dt>
            <dd>{right ? describeRight(right) : 'A right no longer on your list'}</dd>
            <dt>Handling</dt>
            <dd>
              {gft ? 'Good Faith Takedown: removed at once' : 'Standard review by our enforcement team'}
            </dd>
            <dt>Listings</dt>
            <dd>
              <StateCounts counts={counts} />
            </dd>
          </dl>
        </section>
        <section className="card" aria-labelledby="evidence-heading">
          <h2 id="evidence-heading">Evidence</h2>
          <p className="prewrap">{notice.evidence}</p>
        </section>
      </div>

      <ItemsSection items={notice.items} counts={counts} threadsByItem={threadsByItem} />
    </>
  );
}

const ITEMS_PER_STEP = 50;

/** Bulk notices hold thousands of listings: show them 50 at a time, optionally one state only. */
function ItemsSection({
  items,
  counts,
  threadsByItem,
}: {
  items: NoticeItem[];
  counts: Record<NoticeItem['state'], number>;
  threadsByItem: Map<string, ThreadSummary[]>;
}) {
  const [state, setState] = useState('');
  // The filter keeps the listings it matched when chosen: one answered here stays in view, now pending.
  const [matched, setMatched] = useState<Set<string> | null>(null);
  const [limit, setLimit] = useState(ITEMS_PER_STEP);
  const shown = matched ? items.filter((item) => matched.has(item.id)) : items;
  const states = NOTICE_ITEM_STATES.filter((value) => counts[value] > 0);
  return (
    <section className="items-section" aria-labelledby="items-heading">
      <div className="section-title-row">
        <h2 id="items-heading">Listings in this notice</h2>
        {states.length > 1 && (
          <SelectField
            label="Show listings"
            name="itemState"
            className="field-inline"
            value={state}
            onChange={(event) => {
              const next = event.target.value;
              setState(next);
              setMatched(
                next ? new Set(items.filter((item) => item.state === next).map((item) => item.id)) : null,
              );
              setLimit(ITEMS_PER_STEP);
            }}
            placeholder={`All (${formatCount(items.length)})`}
            options={states.map((value) => ({
              value,
              label: `${ITEM_STATE_LABELS[value]} (${formatCount(counts[value])})`,
            }))}
          />
        )}
      </div>
      <ol className="item-list">
        {shown.slice(0, limit).map((item) => (
          <li key={item.id}>
            <ItemCard item={item} threads={threadsByItem.get(item.id) ?? []} />
          </li>
        ))}
      </ol>
      {shown.length > limit && (
        <p className="show-more">
          <span className="muted">
            Showing {formatCount(limit)} of {formatCount(shown.length)}.
          </span>{' '}
          <button type="button" className="button" onClick={() => setLimit(limit + ITEMS_PER_STEP)}>
            Show {formatCount(Math.min(ITEMS_PER_STEP, shown.length - limit))} more
          </button>
        </p>
      )}
    </section>
  );
}

/** The answer form and the card share one fetcher per item, so the card can confirm a sent answer. */
const answerFetcherKey = (itemId: string) => `answer-${itemId}`;

function ItemCard({ item, threads }: { item: NoticeItem; threads: ThreadSummary[] }) {
  const { listing } = item;
  const titleId = `item-${item.id}`;
  const answer = useFetcher<AnswerResult>({ key: answerFetcherKey(item.id) });
  const state = itemDisplayState(item);
  return (
    <article className={`card item-card item-${state}`} aria-labelledby={titleId}>
      <div className="card-title-row">
        <h3 id={titleId}>{listing.title}</h3>
        <ItemStateBadge state={state} />
      </div>
      <p className="muted small">
        {marketplaceLabel(listing.marketplace)} <span className="mono">{listing.externalId}</span> ·{' '}
        {listing.sellerName ?? 'Unknown seller'} · {formatMoney(listing.priceCents, listing.currency)}
      </p>
      <Timeline item={item} />
      {item.state === 'rejected' && (
        <div className="item-message item-message-rejected">
          <p>
            <strong>Rejected:</strong> {item.rejectionMessage ?? 'No message was given.'}
          </p>
          {item.rejectionCode && (
            <p className="small muted">Reason code: {REJECTION_CODE_LABELS[item.rejectionCode]}</p>
          )}
        </div>
      )}
      {item.infoRequest && item.state !== 'needs_info' && (
        <div className="item-message">
          <p>
            <strong>Our reviewer asked:</strong> {item.infoRequest}
          </p>
          {item.infoResponse && (
            <p>
              <strong>You answered:</strong> {item.infoResponse}
            </p>
          )}
        </div>
      )}
      {item.state === 'needs_info' && <AnswerForm item={item} />}
      <ItemThreads item={item} threads={threads} />
      {item.state === 'pending' && answer.data?.ok && (
        <StatusMessage>
          Thank you: your answer is sent and the listing is back in the review queue.
        </StatusMessage>
      )}
    </article>
  );
}

/** Conversations with the account manager about this listing, and a way to start one. */
function ItemThreads({ item, threads }: { item: NoticeItem; threads: ThreadSummary[] }) {
  const ask = new URLSearchParams({
    about: `notice_item:${item.id}`,
    subject: `${item.state === 'rejected' ? 'Rejected listing' : 'Listing'} ${item.listing.externalId}: ${item.listing.title}`.slice(0, 300),
  });
  return (
    <div className="item-threads small">
      {threads.map((thread) => (
        <p key={thread.id}>
          <Link to={`/messages/${thread.id}`}>Conversation: {thread.subject}</Link>
          {thread.unread > 0 && <span className="badge badge-warning">{plural(thread.unread, 'new message')}</span>}
        </p>
      ))}
      <Link to={`/messages/new?${ask.toString()}`}>Ask your account manager about this listing</Link>
    </div>
  );
}

/** The moments that matter to the brand, and how long the removal took once requested. */
function Timeline({ item }: { item: NoticeItem }) {
  const events: [string, string | null][] = [
    ['Filed', item.createdAt],
    ['Decided', item.decidedAt],
    ['Removal requested', item.removalRequestedAt],
    ['Removed', item.removedAt],
    ['Reinstated', item.reinstatedAt],
  ];
  return (
    <dl className="timeline">
      {events
        .filter(([, at]) => at)
        .map(([label, at]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{formatDateTime(at)}</dd>
          </div>
        ))}
      {item.turnaroundMs !== null && (
        <div>
          <dt>Turnaround</dt>
          <dd>{formatDuration(item.turnaroundMs)}</dd>
        </div>
      )}
    </dl>
  );
}

function AnswerForm({ item }: { item: NoticeItem }) {
  const fetcher = useFetcher<AnswerResult>({ key: answerFetcherKey(item.id) });
  const formRef = useRef<HTMLFormElement>(null);
  const failure = fetcher.data && !fetcher.data.ok ? fetcher.data : null;
  const busy = fetcher.state !== 'idle';

  useEffect(() => {
    if (fetcher.state === 'idle' && fetcher.data?.ok) formRef.current?.reset();
  }, [fetcher.state, fetcher.data]);

  return (
    <div className="item-message item-message-info">
      <p>
        <strong>Our reviewer asks:</strong> {item.infoRequest}
      </p>
      {failure && !busy && <ErrorAlert>{failure.message}</ErrorAlert>}
      <fetcher.Form method="post" noValidate className="stack" ref={formRef}>
        <input type="hidden" name="itemId" value={item.id} />
        <TextAreaField
          label="Your answer"
          name="response"
          rows={3}
          required
          maxLength={5000}
          errors={issuesFor(failure?.fieldIssues, 'response')}
        />
        <div>
          <button type="submit" className="button button-primary" disabled={busy}>
            Resubmit
          </button>
        </div>
      </fetcher.Form>
    </div>
  );
}
