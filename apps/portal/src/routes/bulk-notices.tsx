import { useEffect, useRef, useState } from 'react';
import {
  Form,
  Link,
  redirect,
  useActionData,
  useLoaderData,
  useNavigation,
  useRevalidator,
  useSearchParams,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
} from 'react-router';
import { BULK_MAX_BYTES } from '@jf/domain';
import { ErrorAlert, StatusMessage } from '../components/alert';
import { NoCitableRights, NOTICE_FIELDS, NoticeFields, readNoticeFields } from '../components/notice-fields';
import { TextField } from '../components/text-field';
import { formatCount, formatDateTime, isCitable, plural } from '../format';
import { brandLoader, useMe } from '../session';
import {
  errorCode,
  getCsrfToken,
  issuesFor,
  trpc,
  type BulkJob,
  type BulkJobSummary,
  type FormError,
} from '../trpc';

const POLL_MS = 1000;
const BULK_MAX_MB = BULK_MAX_BYTES / 1024 / 1024;

const BULK_STATE_LABELS: Record<BulkJob['state'], string> = {
  queued: 'Queued',
  running: 'Processing',
  completed: 'Completed',
  failed: 'Failed',
};

const isFinished = (job: BulkJob) => job.state === 'completed' || job.state === 'failed';
const errorReportHref = (jobId: string) => `/api/bulk-notices/${jobId}/errors.csv`;

export const bulkNoticesLoader = brandLoader(async ({ request }: LoaderFunctionArgs) => {
  const jobId = new URL(request.url).searchParams.get('job');
  const [rights, jobs, job] = await Promise.all([
    trpc.ipRights.list.query(),
    trpc.bulkNotices.list.query(),
    jobId
      ? trpc.bulkNotices.status.query({ jobId }).catch((error: unknown) => {
          // A stale or foreign job link shows the page without it rather than an error page.
          if (errorCode(error) === 'NOT_FOUND' || errorCode(error) === 'BAD_REQUEST') return null;
          throw error;
        })
      : Promise.resolve(null),
  ]);
  return { rights, jobs, job };
});

/** Sends the file as the raw request body (the API streams it to disk), the notice fields as the query. */
export async function bulkNoticesAction({ request }: ActionFunctionArgs): Promise<FormError> {
  const form = await request.formData();
  const file = form.get('file');
  if (!(file instanceof File) || file.size === 0) {
    return {
      message: 'Please correct the fields marked below.',
      fieldIssues: { file: ['Choose a CSV file to upload.'] },
    };
  }
  if (file.size > BULK_MAX_BYTES) {
    return {
      message: 'Please correct the fields marked below.',
      fieldIssues: { file: [`The file is larger than ${BULK_MAX_MB} MB; split it into smaller files.`] },
    };
  }
  const fields = readNoticeFields(form);
  const query = new URLSearchParams({
    ipRightId: fields.ipRightId,
    reason: fields.reason,
    evidence: fields.evidence,
  });
  if (fields.testBuyOrderRef !== null) query.set('testBuyOrderRef', fields.testBuyOrderRef);
  let response: Response;
  try {
    response = await fetch(`/api/bulk-notices?${query}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        'content-type': 'text/csv',
        'x-csrf-token': getCsrfToken(),
        // Header values must be Latin-1; the name is only a label for the job list.
        'x-file-name': file.name.replace(/[^\x20-\x7e]/g, '_'),
      },
      body: file,
    });
  } catch {
    return {
      message: 'The server could not be reached. Check your connection and try again.',
      fieldIssues: {},
    };
  }
  const body = (await response.json().catch(() => null)) as
    | { jobId: string; replayed: boolean }
    | { error?: { message?: string; fieldIssues?: Record<string, string[]> } }
    | null;
  if (response.ok && body && 'jobId' in body) {
    throw redirect(`/bulk-notices?job=${body.jobId}${body.replayed ? '&replayed=1' : ''}`);
  }
  const error = body && 'error' in body ? body.error : undefined;
  const fieldIssues = error?.fieldIssues ?? {};
  const keys = Object.keys(fieldIssues);
  const allShown = keys.length > 0 && keys.every((key) => [...NOTICE_FIELDS, 'file'].includes(key));
  return {
    message: allShown
      ? 'Please correct the fields marked below.'
      : (error?.message ?? `The upload failed (HTTP ${response.status}). Nothing was stored; try again.`),
    fieldIssues,
  };
}

export function BulkNoticesPage() {
  const me = useMe();
  const { rights, jobs, job } = useLoaderData<typeof bulkNoticesLoader>();
  const failure = useActionData<typeof bulkNoticesAction>();
  const navigation = useNavigation();
  const [params] = useSearchParams();
  const hasRights = rights.some((right) => isCitable(right));
  const uploading = navigation.state === 'submitting';
  return (
    <>
      <div className="page-header">
        <h1>Bulk notice</h1>
        <p className="muted">
          File one notice for thousands of listings from a CSV file. Each row is checked on its own: a bad row
          is reported and skipped, good rows go through.
        </p>
      </div>

      {job && <JobProgress key={job.id} initial={job} replayed={params.has('replayed')} />}

      <section className="card" aria-labelledby="upload-heading">
        <h2 id="upload-heading">Upload a file</h2>
        {!hasRights ? (
          <NoCitableRights rights={rights} isAdmin={me.user.role === 'brand_admin'} />
        ) : (
          <>
            {failure && !uploading && <ErrorAlert>{failure.message}</ErrorAlert>}
            {/* Keyed by the job shown, so a successful upload leaves an empty form for the next file. */}
            <Form key={job?.id} method="post" encType="multipart/form-data" noValidate className="stack">
              <NoticeFields rights={rights} fieldIssues={failure?.fieldIssues} />
              <TextField
                label="CSV file"
                name="file"
                type="file"
                accept=".csv,text/csv"
                required
                hint={
                  <>
                    UTF-8 CSV with a header line and either a <code>listing</code> column (listing URL or
                    marketplace:listing-id) or <code>marketplace</code> and <code>listing_id</code> columns.
                    Up to {BULK_MAX_MB} MB.
                  </>
                }
                errors={issuesFor(failure?.fieldIssues, 'file')}
              />
              <div className="form-actions">
                <button type="submit" className="button button-primary" disabled={uploading}>
                  {uploading ? 'Uploading…' : 'Upload bulk notice'}
                </button>
              </div>
            </Form>
          </>
        )}
      </section>

      <section className="card" aria-labelledby="jobs-heading">
        <h2 id="jobs-heading">Past bulk notices</h2>
        <JobsTable jobs={jobs} />
      </section>
    </>
  );
}

/** Polls the job every second until it finishes, then refreshes the page data (job list, notice link). */
function JobProgress({ initial, replayed }: { initial: BulkJob; replayed: boolean }) {
  const [job, setJob] = useState(initial);
  const [pollError, setPollError] = useState<string | null>(null);
  const { revalidate } = useRevalidator();
  const revalidateRef = useRef(revalidate);
  useEffect(() => {
    revalidateRef.current = revalidate;
  }, [revalidate]);
  const finished = isFinished(job);

  useEffect(() => {
    if (finished) return;
    let cancelled = false;
    let inFlight = false;
    const timer = window.setInterval(async () => {
      if (inFlight) return;
      inFlight = true;
      try {
        const next = await trpc.bulkNotices.status.query({ jobId: initial.id });
        if (cancelled) return;
        setPollError(null);
        setJob(next);
        if (isFinished(next)) void revalidateRef.current();
      } catch {
        // Keep polling: a dropped request says nothing about the job itself.
        if (!cancelled) setPollError('Lost contact with the server; still trying…');
      } finally {
        inFlight = false;
      }
    }, POLL_MS);
    return () => {
      cancelled = true;
      window.clearInterval(timer);
    };
  }, [initial.id, finished]);

  const total = job.rowsTotal;
  return (
    <section className="card bulk-progress" aria-labelledby="progress-heading">
      <div className="card-title-row">
        <h2 id="progress-heading">Upload status</h2>
        <span className={`badge badge-bulk-${job.state}`}>{BULK_STATE_LABELS[job.state]}</span>
      </div>
      {replayed && (
        <StatusMessage>
          This file was uploaded before, so nothing new was filed: here is its bulk notice.
        </StatusMessage>
      )}
      <progress
        aria-label="Bulk notice progress"
        max={total ?? undefined}
        value={total === null && !finished ? undefined : finished ? (total ?? 1) : job.rowsProcessed}
      />
      <p aria-live="polite" className="progress-counts">
        {total === null
          ? `${plural(job.rowsProcessed, 'row')} processed`
          : `${formatCount(job.rowsProcessed)} of ${plural(total, 'row')} processed`}{' '}
        · <strong>{formatCount(job.rowsAccepted)}</strong> accepted ·{' '}
        <strong>{formatCount(job.rowsRejected)}</strong> rejected
      </p>
      {pollError && <p className="muted small">{pollError}</p>}
      {job.state === 'failed' && (
        <ErrorAlert>The bulk notice failed: {job.failureReason ?? 'no reason was recorded.'}</ErrorAlert>
      )}
      <p className="link-row">
        {job.noticeId && <Link to={`/notices/${job.noticeId}`}>Open the notice</Link>}
        {job.rowsRejected > 0 && (
          <a href={errorReportHref(job.id)} download>
            Download error report
          </a>
        )}
      </p>
    </section>
  );
}

function JobsTable({ jobs }: { jobs: BulkJobSummary[] }) {
  if (jobs.length === 0) return <p className="empty">No bulk notices yet.</p>;
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col">Uploaded</th>
            <th scope="col">State</th>
            <th scope="col" className="numeric">
              Rows
            </th>
            <th scope="col" className="numeric">
              Accepted
            </th>
            <th scope="col" className="numeric">
              Rejected
            </th>
            <th scope="col">
              <span className="visually-hidden">Links</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {jobs.map((job) => (
            <tr key={job.id}>
              <th scope="row">
                <Link to={`/bulk-notices?job=${job.id}`}>{job.fileName}</Link>
              </th>
              <td className="nowrap">{formatDateTime(job.createdAt)}</td>
              <td>
                <span className={`badge badge-bulk-${job.state}`}>{BULK_STATE_LABELS[job.state]}</span>
              </td>
              <td className="numeric">{job.rowsTotal === null ? '—' : formatCount(job.rowsTotal)}</td>
              <td className="numeric">{formatCount(job.rowsAccepted)}</td>
              <td className="numeric">{formatCount(job.rowsRejected)}</td>
              <td className="link-cell">
                {job.noticeId && <Link to={`/notices/${job.noticeId}`}>Notice</Link>}
                {job.rowsRejected > 0 && (
                  <a href={errorReportHref(job.id)} download>
                    Error report
                  </a>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
