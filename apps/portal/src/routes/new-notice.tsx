import { useState } from 'react';
import {
  Form,
  Link,
  redirect,
  useActionData,
  useFetcher,
  useLoaderData,
  useNavigation,
  type ActionFunctionArgs,
  type ShouldRevalidateFunctionArgs,
} from 'react-router';
import { MAX_LISTINGS_PER_NOTICE } from '@jf/domain';
import { ErrorAlert } from '../components/alert';
import { describeErrors } from '../components/field';
import { NoCitableRights, NOTICE_FIELDS, NoticeFields, readNoticeFields } from '../components/notice-fields';
import { TextAreaField } from '../components/text-field';
import { formatMoney, isCitable, marketplaceLabel, plural } from '../format';
import { newIdempotencyKey } from '../ids';
import { brandLoader, useMe } from '../session';
import { issuesFor, toFormError, trpc, type FormError, type IpRight, type Listing } from '../trpc';

export const newNoticeLoader = brandLoader(async (): Promise<IpRight[]> => {
  return trpc.ipRights.list.query();
});

/** One pasted line and what the look-up made of it. */
interface LookupRow {
  line: number;
  reference: string;
  listing: Listing | null;
  problem: string | null;
}
type LookupResult =
  { intent: 'lookup'; text: string; rows: LookupRow[] } | ({ intent: 'lookup'; text: string } & FormError);

/** Pasted text → the non-empty lines, each with its line number in the text box. */
function referenceLines(text: string): { line: number; reference: string }[] {
  return text
    .split(/\r?\n/)
    .map((reference, index) => ({ line: index + 1, reference: reference.trim() }))
    .filter(({ reference }) => reference !== '');
}

async function lookUp(text: string): Promise<LookupResult> {
  const lines = referenceLines(text);
  const fail = (reason: string): LookupResult => ({
    intent: 'lookup',
    text,
    message: 'Please correct the fields marked below.',
    fieldIssues: { references: [reason] },
  });
  if (lines.length === 0) return fail('Paste at least one listing URL or marketplace:listing-id.');
  if (lines.length > MAX_LISTINGS_PER_NOTICE) {
    return fail(
      `A notice holds at most ${MAX_LISTINGS_PER_NOTICE} listings; you pasted ${lines.length}. Use a bulk notice for more.`,
    );
  }
  try {
    const found = await trpc.notices.lookupListings.query({
      references: lines.map(({ reference }) => reference),
    });
    // The same listing pasted twice (as a URL and as a pair, say) is filed once.
    const firstLine = new Map<string, number>();
    const rows = found.map((result, index): LookupRow => {
      const { line, reference } = lines[index]!;
      const id = result.listing?.id;
      const earlier = id ? firstLine.get(id) : undefined;
      if (id && earlier === undefined) firstLine.set(id, line);
      const problem =
        result.problem ?? (earlier !== undefined ? `is the same listing as line ${earlier}` : null);
      return { line, reference, listing: result.listing, problem };
    });
    return { intent: 'lookup', text, rows };
  } catch (error) {
    return { intent: 'lookup', text, ...toFormError(error, ['references']) };
  }
}

export async function newNoticeAction({ request }: ActionFunctionArgs): Promise<LookupResult | FormError> {
  const form = await request.formData();
  if (form.get('intent') === 'lookup') return lookUp(String(form.get('references') ?? ''));

  if (form.get('stale') === 'true') {
    return {
      message: 'The pasted listings changed since the last look-up.',
      fieldIssues: { listingIds: ['Press Look up again to check the changed list, then submit.'] },
    };
  }
  const listingIds = form.getAll('listingIds').map(String);
  if (listingIds.length === 0) {
    return {
      message: 'Please correct the fields marked below.',
      fieldIssues: { listingIds: ['Paste the listings to include and press Look up first.'] },
    };
  }
  let noticeId: string;
  try {
    const { notice } = await trpc.notices.submit.mutate({
      ...readNoticeFields(form),
      listingIds,
      idempotencyKey: String(form.get('idempotencyKey') ?? ''),
    });
    noticeId = notice.id;
  } catch (error) {
    return toFormError(error, [...NOTICE_FIELDS, 'listingIds']);
  }
  throw redirect(`/notices/${noticeId}?submitted=1`);
}

/** A look-up changes nothing on the server, so the rights need not be fetched again. */
export function newNoticeShouldRevalidate({
  formData,
  defaultShouldRevalidate,
}: ShouldRevalidateFunctionArgs) {
  return formData?.get('intent') === 'lookup' ? false : defaultShouldRevalidate;
}

export function NewNoticePage() {
  const me = useMe();
  const rights = useLoaderData<typeof newNoticeLoader>();
  const submitError = useActionData<typeof newNoticeAction>() as FormError | undefined;
  const navigation = useNavigation();
  const lookup = useFetcher<LookupResult>();
  const [text, setText] = useState('');
  // Created once per visit to the form: resubmitting after an error or a dropped connection reuses it.
  const [idempotencyKey] = useState(newIdempotencyKey);

  const result = lookup.data;
  const lookupError = result && !('rows' in result) ? result : null;
  const rows = result && 'rows' in result ? result.rows : [];
  const usable = rows.filter(
    (row): row is LookupRow & { listing: Listing } => row.listing !== null && !row.problem,
  );
  const problems = rows.filter((row) => row.problem);
  const stale = result !== undefined && result.text !== text;
  const hasRights = rights.some((right) => isCitable(right));
  const gft = me.brand!.gftStatus === 'enrolled';

  // The API names failing listings by their position in `listingIds`; show each reason on its row.
  const rowIssues = new Map<string, string[]>();
  usable.forEach((row, index) => {
    const reasons = submitError?.fieldIssues[`listingIds.${index}`];
    if (reasons) rowIssues.set(row.listing.id, reasons);
  });

  return (
    <>
      <div className="page-header">
        <h1>New notice</h1>
        <p className="muted">
          Report listings that infringe one of your rights.{' '}
          {gft
            ? 'Your brand is in Good Faith Takedown: the listings are removed as soon as you submit.'
            : 'Our enforcement team reviews each listing before it is removed.'}{' '}
          For more than {MAX_LISTINGS_PER_NOTICE} listings, <Link to="/bulk-notices">upload a CSV file</Link>{' '}
          instead.
        </p>
      </div>

      {/* Not a labelled region: its name would clash with the "Listings" field for label look-ups. */}
      <section className="card">
        <h2>1. Listings to report</h2>
        {lookupError && <ErrorAlert>{lookupError.message}</ErrorAlert>}
        <lookup.Form method="post" noValidate className="stack">
          <input type="hidden" name="intent" value="lookup" />
          <TextAreaField
            label="Listings"
            name="references"
            rows={6}
            className="field-mono"
            value={text}
            onChange={(event) => setText(event.target.value)}
            hint={`One per line: a listing URL, or marketplace:listing-id such as taobao:TB-0001. Up to ${MAX_LISTINGS_PER_NOTICE}.`}
            errors={issuesFor(lookupError?.fieldIssues, 'references')}
          />
          <div>
            <button type="submit" className="button" disabled={lookup.state !== 'idle'}>
              Look up
            </button>
          </div>
        </lookup.Form>
        {result && 'rows' in result && (
          <LookupResults usable={usable} problems={problems} rowIssues={rowIssues} stale={stale} />
        )}
      </section>

      <section className="card">
        <h2>2. Notice details</h2>
        {!hasRights ? (
          <NoCitableRights rights={rights} isAdmin={me.user.role === 'brand_admin'} />
        ) : (
          <>
            {submitError && <ErrorAlert>{submitError.message}</ErrorAlert>}
            <Form method="post" noValidate className="stack">
              <input type="hidden" name="intent" value="submit" />
              <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
              {stale ? (
                <input type="hidden" name="stale" value="true" />
              ) : (
                usable.map((row) => (
                  <input key={row.listing.id} type="hidden" name="listingIds" value={row.listing.id} />
                ))
              )}
              <NoticeFields rights={rights} fieldIssues={submitError?.fieldIssues} />
              {submitError?.fieldIssues.listingIds && (
                <p className="field-error">
                  {describeErrors('Listings', submitError.fieldIssues.listingIds)}
                </p>
              )}
              <div className="form-actions">
                <button
                  type="submit"
                  className="button button-primary"
                  disabled={navigation.state === 'submitting'}
                >
                  Submit notice
                </button>
                <span className="muted">
                  {usable.length && !stale
                    ? `${plural(usable.length, 'listing')} will be included.`
                    : 'Look up the listings first.'}
                </span>
              </div>
            </Form>
          </>
        )}
      </section>
    </>
  );
}

function LookupResults({
  usable,
  problems,
  rowIssues,
  stale,
}: {
  usable: (LookupRow & { listing: Listing })[];
  problems: LookupRow[];
  rowIssues: Map<string, string[]>;
  stale: boolean;
}) {
  return (
    <div className="lookup-results">
      <p role="status" className="lookup-summary">
        {plural(usable.length, 'listing')} found and ready to include
        {problems.length > 0 && `; ${plural(problems.length, 'line')} cannot be included`}.
        {stale && ' You changed the list since: press Look up again.'}
      </p>
      {problems.length > 0 && (
        <div className="callout callout-warning">
          <h3>Lines that cannot be included</h3>
          <ul className="problem-list">
            {problems.map((row) => (
              <li key={row.line}>
                <strong>Line {row.line}:</strong> <span className="mono">{row.reference}</span>
                {row.listing && <> ({row.listing.title})</>} {row.problem}.
              </li>
            ))}
          </ul>
        </div>
      )}
      {usable.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Listings to include in the notice</caption>
            <thead>
              <tr>
                <th scope="col">Listing</th>
                <th scope="col">Seller</th>
                <th scope="col" className="numeric">
                  Price
                </th>
                <th scope="col">Marketplace</th>
              </tr>
            </thead>
            <tbody>
              {usable.map(({ listing, line }) => {
                const issues = rowIssues.get(listing.id);
                return (
                  <tr key={listing.id} className={issues ? 'row-invalid' : undefined}>
                    <th scope="row">
                      {listing.title}
                      {issues && <p className="field-error">{describeErrors('This listing', issues)}</p>}
                      <span className="visually-hidden"> (line {line})</span>
                    </th>
                    <td>{listing.sellerName ?? <span className="muted">Unknown seller</span>}</td>
                    <td className="numeric nowrap">{formatMoney(listing.priceCents, listing.currency)}</td>
                    <td className="nowrap">
                      {marketplaceLabel(listing.marketplace)}{' '}
                      <span className="muted mono small">{listing.externalId}</span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
