import { Form, Link, useActionData, useLoaderData, useNavigation, type ActionFunctionArgs, type LoaderFunctionArgs } from 'react-router';
import { ErrorAlert, StatusMessage } from '../components/alert';
import { TextAreaField, TextField } from '../components/text-field';
import { formatDateTime, marketplaceLabel } from '../format';
import { brandLoader } from '../session';
import { issuesFor, toFormError, trpc, type FormError } from '../trpc';
import { uploadDocument, UploadError } from '../uploads';
import { AppealStateBadge } from './appeals';

export const appealDetailLoader = brandLoader(async ({ params }: LoaderFunctionArgs) => trpc.appeals.byId.query({ id: params.appealId ?? '' }));

type AnswerResult = { ok: true } | ({ ok: false } & FormError);

export async function appealDetailAction({ request, params }: ActionFunctionArgs): Promise<AnswerResult> {
  const form = await request.formData();
  const answer = String(form.get('answer') ?? '');
  if (answer !== 'retract' && answer !== 'contest') {
    return { ok: false, message: 'Please correct the fields marked below.', fieldIssues: { answer: ['choose whether you retract or contest'] } };
  }
  try {
    const files = form.getAll('files').filter((file): file is File => file instanceof File && file.size > 0);
    const evidenceIds = await Promise.all(files.map(uploadDocument));
    await trpc.appeals.respond.mutate({ appealId: params.appealId ?? '', answer, reason: String(form.get('reason') ?? ''), evidenceIds });
    return { ok: true };
  } catch (error) {
    if (error instanceof UploadError) return { ok: false, message: error.message, fieldIssues: { evidenceIds: [error.message] } };
    return { ok: false, ...toFormError(error, ['reason', 'evidenceIds']) };
  }
}

export function AppealDetailPage() {
  const appeal = useLoaderData<typeof appealDetailLoader>();
  const result = useActionData<typeof appealDetailAction>();
  const navigation = useNavigation();
  const open = appeal.state === 'open' && appeal.brandDueAt !== null && new Date(appeal.brandDueAt) > new Date();
  const silent = appeal.brandAnswer !== null && appeal.brandAnsweredBy === null;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/appeals">Appeals</Link>
      </p>
      <div className="page-header page-header-actions">
        <div>
          <h1>Appeal: {appeal.listing.title}</h1>
          <p className="muted">
            {marketplaceLabel(appeal.marketplaceCode)} <span className="mono">{appeal.listing.externalId}</span> · seller {appeal.seller.name} ·
            filed {formatDateTime(appeal.createdAt)}
          </p>
        </div>
        <AppealStateBadge state={appeal.state} />
      </div>
      {result?.ok && navigation.state === 'idle' && <StatusMessage>Your answer is recorded.</StatusMessage>}
      <div className="side-by-side">
        <section className="card" aria-labelledby="seller-heading">
          <h2 id="seller-heading">The seller says</h2>
          <p className="prewrap">{appeal.statement}</p>
          {appeal.evidence.length > 0 && (
            <ul className="attachment-list small">
              {appeal.evidence.map((url) => (
                <li key={url}>
                  <a href={url} rel="noreferrer noopener" target="_blank">
                    {url}
                  </a>
                </li>
              ))}
            </ul>
          )}
          <dl className="details small">
            <dt>Removed</dt>
            <dd>{formatDateTime(appeal.removal.removedAt) ?? 'not yet'}</dd>
            {appeal.removal.noticeItemId && (
              <>
                <dt>Removed for</dt>
                <dd>One of your notices</dd>
              </>
            )}
          </dl>
        </section>
        <section className="card" aria-labelledby="answer-heading">
          <h2 id="answer-heading">Your answer</h2>
          {appeal.brandAnswer ? (
            <>
              <p>
                <strong>{appeal.brandAnswer === 'retract' ? 'You retracted the removal.' : 'You contested the appeal.'}</strong>{' '}
                {silent ? 'Nobody answered in time, so the silence rule decided.' : `${appeal.brandAnsweredBy?.name ?? ''}, ${formatDateTime(appeal.brandRespondedAt)}.`}
              </p>
              {appeal.brandResponse && <p className="prewrap">{appeal.brandResponse}</p>}
            </>
          ) : open ? (
            <AnswerForm dueAt={appeal.brandDueAt!} failure={result && !result.ok && navigation.state === 'idle' ? result : null} submitting={navigation.state === 'submitting'} />
          ) : (
            <p>The time to answer has passed; the appeal is being settled by the silence rule.</p>
          )}
        </section>
      </div>
      {(appeal.state === 'upheld' || appeal.state === 'reinstated') && (
        <section className="card" aria-labelledby="outcome-heading">
          <h2 id="outcome-heading">Outcome</h2>
          <p>
            <strong>{appeal.state === 'upheld' ? 'The removal stands; the seller received a strike.' : 'The listing is reinstated on the marketplace.'}</strong>
          </p>
          {appeal.decisionReason && <p className="prewrap">{appeal.decisionReason}</p>}
          {appeal.decidedAt && <p className="muted small">Decided {formatDateTime(appeal.decidedAt)}.</p>}
        </section>
      )}
    </>
  );
}

function AnswerForm({ dueAt, failure, submitting }: { dueAt: string; failure: FormError | null; submitting: boolean }) {
  return (
    <>
      <p className="muted small">Answer by {formatDateTime(dueAt)}. Without an answer by then the listing is reinstated.</p>
      {failure && <ErrorAlert>{failure.message}</ErrorAlert>}
      <Form method="post" encType="multipart/form-data" noValidate className="stack">
        <fieldset className="choice-list">
          <legend>What do you do?</legend>
          <label>
            <input type="radio" name="answer" value="contest" /> Contest: the removal was right; our reviewers decide
          </label>
          <label>
            <input type="radio" name="answer" value="retract" /> Retract: let the listing come back
          </label>
          {issuesFor(failure?.fieldIssues, 'answer')?.map((reason) => (
            <p key={reason} className="field-error">
              {reason}
            </p>
          ))}
        </fieldset>
        <TextAreaField label="Your reasons" name="reason" rows={4} required maxLength={5000} errors={issuesFor(failure?.fieldIssues, 'reason')} />
        <TextField label="Evidence" name="files" type="file" multiple accept="application/pdf,image/png,image/jpeg,image/webp" hint="Test-buy receipts, distributor lists: PDF, PNG, JPEG or WebP." errors={issuesFor(failure?.fieldIssues, 'evidenceIds')} />
        <div>
          <button type="submit" className="button button-primary" disabled={submitting}>
            Send answer
          </button>
        </div>
      </Form>
    </>
  );
}
