import { Fragment, useEffect, useRef, useState } from 'react';
import {
  Form,
  Link,
  useActionData,
  useLoaderData,
  useNavigation,
  useSubmit,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
} from 'react-router';
import { AUTH_ANSWERS, AUTH_REQUEST_STATES, type AuthAnswer, type AuthRequestState } from '@jf/domain';
import { accountAge, AUTH_ANSWER_LABELS, AUTH_STATE_LABELS, formatPercent, priceAgainstMsrp } from '../auth-requests';
import { ErrorAlert, StatusMessage } from '../components/alert';
import { AnswerFields } from '../components/answer-fields';
import { AnswerBadge, AuthStateBadge, DueLabel, SignalTags } from '../components/auth-request-parts';
import { describeErrors } from '../components/field';
import { Pager } from '../components/pager';
import { SelectField } from '../components/text-field';
import { formatDateTime, formatMoney, marketplaceLabel, plural } from '../format';
import { brandLoader, useMe } from '../session';
import { toFormError, trpc, type AnsweredAuthRequests, type AuthRequest, type FormError } from '../trpc';

const PER_PAGE = 25;
type StateFilter = AuthRequestState | 'all';

const isState = (value: string | null): value is AuthRequestState => (AUTH_REQUEST_STATES as readonly (string | null)[]).includes(value);

/** The inbox: open requests by default (soonest due first), or the answered and expired ones. */
export const authRequestsLoader = brandLoader(async ({ request }: LoaderFunctionArgs) => {
  const params = new URL(request.url).searchParams;
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const raw = params.get('state');
  const state: StateFilter = raw === 'all' ? 'all' : isState(raw) ? raw : 'open';
  const requests = await trpc.authRequests.list.query({ page, perPage: PER_PAGE, ...(state === 'all' ? {} : { state }) });
  return { requests, page, state };
});

/** Loaded by the navigation link for its badge: just the number of open requests. */
export const authOpenCountLoader = brandLoader(() => trpc.authRequests.openCount.query());

export type AnswerResult = { ok: true; answered: AnsweredAuthRequests['answered'] } | ({ ok: false; ids: string[] } & FormError);

/** Sends one verdict for the given requests; shared by the inbox (many) and a request's page (one). */
export async function answerRequests(ids: string[], form: FormData): Promise<AnswerResult> {
  const answer = String(form.get('answer') ?? '');
  if (!(AUTH_ANSWERS as readonly string[]).includes(answer)) {
    return { ok: false, ids, message: 'Please correct the fields marked below.', fieldIssues: { answer: ['must be chosen: counterfeit, genuine or unsure'] } };
  }
  try {
    const { answered } = await trpc.authRequests.answer.mutate({
      ids,
      answer: answer as AuthAnswer,
      reason: String(form.get('reason') ?? ''),
      allowlistSeller: form.get('allowlistSeller') === 'true',
    });
    return { ok: true, answered };
  } catch (error) {
    return { ok: false, ids, ...toFormError(error, ['answer', 'reason', 'allowlistSeller']) };
  }
}

export async function authRequestsAction({ request }: ActionFunctionArgs): Promise<AnswerResult> {
  const form = await request.formData();
  return answerRequests(form.getAll('ids').map(String), form);
}

/** "3 listings are being removed", or what else the verdict did. */
export function answeredSummary(answered: AuthRequest[]): string {
  const first = answered[0];
  if (!first?.answer) return 'Your verdict is recorded.';
  const what = `${plural(answered.length, 'request')} answered ${AUTH_ANSWER_LABELS[first.answer].toLowerCase()}.`;
  if (first.answer === 'counterfeit') {
    const removing = answered.filter((request) => request.removal).length;
    const already = answered.length - removing;
    return `${what} ${removing === 1 ? 'The listing is' : `${plural(removing, 'listing')} are`} being removed from the marketplace now${already > 0 ? `; ${plural(already, 'listing')} had already been removed` : ''}.`;
  }
  return `${what} ${answered.length === 1 ? 'The listing stays' : 'The listings stay'} on the marketplace.`;
}

const STATE_OPTIONS = [
  ...AUTH_REQUEST_STATES.map((value) => ({ value, label: value === 'open' ? 'Open' : value === 'answered' ? 'Answered' : 'Expired' })),
  { value: 'all', label: 'All' },
];

export function AuthRequestsPage() {
  const { requests, page, state } = useLoaderData<typeof authRequestsLoader>();
  const result = useActionData<typeof authRequestsAction>();
  const navigation = useNavigation();
  const submit = useSubmit();
  const me = useMe();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  // After a successful answer the form starts over: no selection, no verdict, no reason.
  const [formKey, setFormKey] = useState(0);
  const handled = useRef<AnswerResult | undefined>(undefined);
  const submitting = navigation.state === 'submitting';

  useEffect(() => {
    if (navigation.state !== 'idle' || !result?.ok || handled.current === result) return;
    handled.current = result;
    setSelected(new Set());
    setFormKey((key) => key + 1);
  }, [navigation.state, result]);

  const openIds = requests.data.filter((request) => request.state === 'open').map((request) => request.id);
  // Requests answered or expired meanwhile (by a colleague, by the clock) drop out of the selection.
  const chosen = openIds.filter((id) => selected.has(id));
  const failure = result && !result.ok && navigation.state === 'idle' ? result : null;
  const rowErrors = rowIssues(failure);
  const phase = me.brand?.jointForcePhase;
  const asked = phase === 'authentication' || phase === 'joint_force';

  const toggle = (id: string, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const selectable = openIds.length > 0;
  const allChosen = selectable && chosen.length === openIds.length;

  return (
    <>
      <div className="page-header">
        <h1>Authentication requests</h1>
        <p className="muted">
          Listings our detection finds suspicious but cannot judge alone. Tell us whether each is counterfeit or genuine: a counterfeit listing
          is removed at once, a genuine one is cleared, and every verdict teaches detection. Unanswered requests expire at their due time.
        </p>
      </div>
      {result?.ok && navigation.state === 'idle' && <StatusMessage>{answeredSummary(result.answered)}</StatusMessage>}
      <section className="card" aria-labelledby="requests-heading">
        <h2 id="requests-heading" className="visually-hidden">
          Requests
        </h2>
        <Form method="get" className="filter-bar" onChange={(event) => void submit(event.currentTarget)}>
          <SelectField label="Show" name="state" defaultValue={state} options={STATE_OPTIONS} />
          <button type="submit" className="button">
            Apply
          </button>
        </Form>
        {requests.data.length === 0 ? (
          <p className="empty">
            {state === 'open'
              ? asked
                ? 'No listing waits for your verdict. New suspects appear here as detection finds them. '
                : 'No listing waits for your verdict. The marketplace asks you once your brand reaches the authentication phase. '
              : state === 'all'
                ? 'No authentication request yet.'
                : `No ${AUTH_STATE_LABELS[state].toLowerCase()} request.`}
            {state === 'open' && <Link to="?state=answered">Your past verdicts</Link>}
          </p>
        ) : (
          <Form method="post" noValidate key={formKey} aria-label="Answer the selected requests">
            <div className="table-wrap">
              <table className="auth-table">
                <thead>
                  <tr>
                    {selectable && (
                      <th scope="col" className="select-cell">
                        <input
                          type="checkbox"
                          aria-label="Select every open request on this page"
                          checked={allChosen}
                          onChange={(event) => setSelected(event.target.checked ? new Set(openIds) : new Set())}
                        />
                      </th>
                    )}
                    <th scope="col">Listing</th>
                    <th scope="col">Seller</th>
                    <th scope="col">Price</th>
                    <th scope="col">Why we ask</th>
                    <th scope="col">{state === 'open' ? 'Due' : 'Outcome'}</th>
                  </tr>
                </thead>
                <tbody>
                  {requests.data.map((request) => (
                    <Fragment key={request.id}>
                      <RequestRow
                        request={request}
                        selectable={selectable}
                        checked={selected.has(request.id)}
                        onToggle={toggle}
                        invalid={rowErrors.has(request.id)}
                      />
                      {rowErrors.has(request.id) && (
                        <tr className="row-detail row-invalid">
                          {selectable && <td />}
                          <td colSpan={5}>
                            <p className="field-error">{describeErrors('This request', rowErrors.get(request.id)!)}</p>
                          </td>
                        </tr>
                      )}
                    </Fragment>
                  ))}
                </tbody>
              </table>
            </div>
            {chosen.length > 0 && (
              <BulkBar count={chosen.length} failure={failure} submitting={submitting} onClear={() => setSelected(new Set())} />
            )}
          </Form>
        )}
        {requests.total > 0 && <Pager page={page} perPage={PER_PAGE} total={requests.total} noun="requests" />}
      </section>
    </>
  );
}

/** Reasons the API gave per request (`ids.2`), by request id; the index is into the ids that were sent. */
function rowIssues(failure: ({ ids: string[] } & FormError) | null): Map<string, string[]> {
  const rows = new Map<string, string[]>();
  if (!failure) return rows;
  for (const [key, reasons] of Object.entries(failure.fieldIssues)) {
    const match = /^ids\.(\d+)$/.exec(key);
    const id = match ? failure.ids[Number(match[1])] : undefined;
    if (id) rows.set(id, reasons);
  }
  return rows;
}

function RequestRow({
  request,
  selectable,
  checked,
  onToggle,
  invalid,
}: {
  request: AuthRequest;
  selectable: boolean;
  checked: boolean;
  onToggle: (id: string, on: boolean) => void;
  invalid: boolean;
}) {
  const { listing, seller } = request;
  const price = priceAgainstMsrp(request);
  const titleId = `request-${request.id}`;
  return (
    <tr className={[checked ? 'row-selected' : '', invalid ? 'row-invalid' : ''].filter(Boolean).join(' ') || undefined}>
      {selectable && (
        <td className="select-cell">
          {request.state === 'open' && (
            <input
              type="checkbox"
              name="ids"
              value={request.id}
              checked={checked}
              onChange={(event) => onToggle(request.id, event.target.checked)}
              aria-labelledby={titleId}
            />
          )}
        </td>
      )}
      <th scope="row">
        <Link to={`/authentication/${request.id}`} id={titleId}>
          {listing.title}
        </Link>
        <span className="muted small block">
          {marketplaceLabel(request.marketplaceCode)} <span className="mono">{listing.externalId}</span>
          {request.product ? ` · resembles ${request.product.name}` : ''}
        </span>
      </th>
      <td>
        {seller.name}
        <span className="muted small block nowrap">
          {accountAge(seller.registeredAt)} old · {plural(seller.strikes, 'strike')}
        </span>
      </td>
      <td className="nowrap">
        {formatMoney(listing.priceCents, listing.currency)}
        {price && <span className="muted small block">{price}</span>}
      </td>
      <td>
        <span className="score">Score {formatPercent(request.score)}</span>
        <SignalTags signals={request.signals} />
      </td>
      <td className="nowrap">
        <Outcome request={request} />
      </td>
    </tr>
  );
}

function Outcome({ request }: { request: AuthRequest }) {
  if (request.state === 'open') return <DueLabel dueAt={request.dueAt} />;
  if (request.state === 'expired') {
    return (
      <>
        <AuthStateBadge state="expired" />
        <span className="muted small block">{formatDateTime(request.dueAt)}</span>
      </>
    );
  }
  return (
    <>
      {request.answer && <AnswerBadge answer={request.answer} />}
      <span className="muted small block">
        {request.answeredBy?.name ?? 'Your team'}, {formatDateTime(request.answeredAt)}
      </span>
    </>
  );
}

/** Stays at the bottom of the window while requests are selected: one verdict for all of them. */
function BulkBar({
  count,
  failure,
  submitting,
  onClear,
}: {
  count: number;
  failure: FormError | null;
  submitting: boolean;
  onClear: () => void;
}) {
  return (
    <div className="bulk-bar" role="region" aria-label="Answer the selected requests">
      <div className="bulk-bar-head">
        <p>
          <strong>{plural(count, 'request')} selected</strong>
        </p>
        <button type="button" className="button button-quiet" onClick={onClear}>
          Clear selection
        </button>
      </div>
      {failure && <ErrorAlert>{failure.message}</ErrorAlert>}
      <div className="bulk-bar-fields">
        <AnswerFields issues={failure?.fieldIssues} disabled={submitting} compact />
        <button type="submit" className="button button-primary" disabled={submitting}>
          {count === 1 ? 'Answer 1 request' : `Answer ${count} requests`}
        </button>
      </div>
    </div>
  );
}
