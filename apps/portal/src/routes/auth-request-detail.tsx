import { Fragment, useEffect, useRef, useState } from 'react';
import { Form, Link, useActionData, useLoaderData, useNavigation, type ActionFunctionArgs, type LoaderFunctionArgs } from 'react-router';
import { accountAge, AUTH_ANSWER_EFFECTS, formatPercent, priceAgainstMsrp, readableSignals } from '../auth-requests';
import { ErrorAlert, StatusMessage } from '../components/alert';
import { AnswerFields } from '../components/answer-fields';
import { AnswerBadge, AuthStateBadge, DueLabel, RemovalStatus } from '../components/auth-request-parts';
import { formatDate, formatDateTime, formatMoney, marketplaceLabel, plural } from '../format';
import { brandLoader } from '../session';
import { issuesFor, trpc, type AuthRequest } from '../trpc';
import { answeredSummary, answerRequests, type AnswerResult } from './auth-requests';

export const authRequestDetailLoader = brandLoader(async ({ params }: LoaderFunctionArgs) =>
  trpc.authRequests.byId.query({ id: params.requestId ?? '' }),
);

export async function authRequestDetailAction({ request, params }: ActionFunctionArgs): Promise<AnswerResult> {
  return answerRequests([params.requestId ?? ''], await request.formData());
}

/** One suspect listing: what detection saw, the seller and the product it resembles, and the brand's verdict. */
export function AuthRequestDetailPage() {
  const request = useLoaderData<typeof authRequestDetailLoader>();
  const result = useActionData<typeof authRequestDetailAction>();
  const navigation = useNavigation();
  const { listing, seller, product } = request;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/authentication">Authentication requests</Link>
      </p>
      <div className="page-header page-header-actions">
        <div>
          <h1>{listing.title}</h1>
          <p className="muted">
            {marketplaceLabel(request.marketplaceCode)} <span className="mono">{listing.externalId}</span> · asked {formatDateTime(request.createdAt)}
            {request.state === 'open' && (
              <>
                {' '}
                · <DueLabel dueAt={request.dueAt} />
              </>
            )}
          </p>
        </div>
        <AuthStateBadge state={request.state} />
      </div>
      {result?.ok && navigation.state === 'idle' && <StatusMessage>{answeredSummary(result.answered)}</StatusMessage>}
      <div className="auth-facts">
        <section className="card" aria-labelledby="listing-heading">
          <h2 id="listing-heading">The listing</h2>
          <dl className="details">
            <dt>Price</dt>
            <dd>{formatMoney(listing.priceCents, listing.currency)}</dd>
            <dt>Category</dt>
            <dd>{listing.category}</dd>
            <dt>On the marketplace</dt>
            <dd>{listing.status === 'removed' ? 'Removed' : listing.status === 'active' ? 'Live' : listing.status}</dd>
            <dt>Images</dt>
            <dd>{listing.images.length ? plural(listing.images.length, 'image') : 'None'}</dd>
          </dl>
        </section>
        <section className="card" aria-labelledby="seller-heading">
          <h2 id="seller-heading">The seller</h2>
          <dl className="details">
            <dt>Name</dt>
            <dd>
              {seller.name} <span className="muted mono small">{seller.externalId}</span>
            </dd>
            <dt>Account age</dt>
            <dd>
              {accountAge(seller.registeredAt)} (since {formatDate(seller.registeredAt)})
            </dd>
            <dt>Strikes</dt>
            <dd>{seller.strikes === 0 ? 'None' : plural(seller.strikes, 'strike')}</dd>
          </dl>
        </section>
        <section className="card" aria-labelledby="product-heading">
          <h2 id="product-heading">Your product it resembles</h2>
          {product ? (
            <dl className="details">
              <dt>Product</dt>
              <dd>{product.name}</dd>
              <dt>MSRP</dt>
              <dd>{formatMoney(product.msrpCents, product.currency)}</dd>
              <dt>Listing price</dt>
              <dd>{priceAgainstMsrp(request)}</dd>
            </dl>
          ) : (
            <p className="muted">Detection matched your brand but none of your protected products.</p>
          )}
        </section>
      </div>
      <div className="auth-decide">
        <SignalsCard request={request} />
        <section className="card" aria-labelledby="verdict-heading">
          <h2 id="verdict-heading">Your verdict</h2>
          <Verdict request={request} result={result} />
        </section>
      </div>
    </>
  );
}

function SignalsCard({ request }: { request: AuthRequest }) {
  const signals = readableSignals(request.signals, { withAbsent: true });
  return (
    <section className="card" aria-labelledby="signals-heading">
      <h2 id="signals-heading">Why we ask</h2>
      <p>
        Detection score <strong>{formatPercent(request.score)}</strong>: high enough to suspect the listing, too low to remove it without you.
      </p>
      {signals.length > 0 && (
        <dl className="details">
          {signals.map((signal) => (
            <Fragment key={signal.name}>
              <dt>{signal.label}</dt>
              <dd>{signal.value}</dd>
            </Fragment>
          ))}
        </dl>
      )}
    </section>
  );
}

function Verdict({ request, result }: { request: AuthRequest; result: AnswerResult | undefined }) {
  const navigation = useNavigation();
  const submitting = navigation.state === 'submitting';
  const [formKey, setFormKey] = useState(0);
  const handled = useRef<AnswerResult | undefined>(undefined);
  useEffect(() => {
    if (navigation.state !== 'idle' || !result?.ok || handled.current === result) return;
    handled.current = result;
    setFormKey((key) => key + 1);
  }, [navigation.state, result]);

  if (request.state === 'answered' && request.answer) {
    return (
      <>
        <p>
          <AnswerBadge answer={request.answer} />{' '}
          {request.answeredBy?.name ?? 'Your team'} answered {formatDateTime(request.answeredAt)}: {AUTH_ANSWER_EFFECTS[request.answer]}.
        </p>
        {request.answerReason && <p className="prewrap verdict-reason">{request.answerReason}</p>}
        {request.removal && <RemovalStatus removal={request.removal} />}
        {request.answer === 'counterfeit' && !request.removal && (
          <p className="muted small">The listing had already been removed, so no new removal was needed.</p>
        )}
      </>
    );
  }
  if (request.state === 'expired') {
    return (
      <p>
        Nobody answered by {formatDateTime(request.dueAt)}, so the request expired and the listing stays as it is. Your account manager has been
        told; if you know this listing is counterfeit, file a notice.
      </p>
    );
  }
  const failure = result && !result.ok && navigation.state === 'idle' ? result : null;
  return (
    <>
      <p className="muted small">
        Answer by {formatDateTime(request.dueAt)} (<DueLabel dueAt={request.dueAt} />
        ).
      </p>
      {failure && (
        <ErrorAlert>
          {failure.message}
          {/* The request itself refused (answered meanwhile by a colleague): say why. */}
          {issuesFor(failure.fieldIssues, 'ids')?.map((reason) => ` This request ${reason}.`)}
        </ErrorAlert>
      )}
      <Form method="post" noValidate className="stack" key={formKey}>
        <AnswerFields issues={failure?.fieldIssues} sellerName={request.seller.name} disabled={submitting} legend="This listing is" />
        <div>
          <button type="submit" className="button button-primary" disabled={submitting}>
            Send verdict
          </button>
        </div>
      </Form>
    </>
  );
}
