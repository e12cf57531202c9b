import { Form, useLoaderData, type ActionFunctionArgs } from 'react-router';
import { IP_RIGHT_KINDS } from '@jf/domain';
import { ErrorAlert, StatusMessage } from '../components/alert';
import { RightStatusBadge } from '../components/badges';
import { SelectField, TextField } from '../components/text-field';
import { useCreateForm } from '../components/use-create-form';
import { describeRight, effectiveRightStatus, formatDate, IP_RIGHT_KIND_LABELS } from '../format';
import { brandLoader, useMe } from '../session';
import { issuesFor, toFormError, trpc, type FormError, type IpRight } from '../trpc';
import { uploadDocument, UploadError } from '../uploads';

const FIELDS = [
  'kind',
  'registrationNumber',
  'jurisdiction',
  'classes',
  'validFrom',
  'validUntil',
  'evidenceDocumentId',
];

export const ipRightsLoader = brandLoader(async (): Promise<IpRight[]> => {
  return trpc.ipRights.list.query();
});

type RegisterResult = { ok: true; registered: string } | ({ ok: false } & FormError);

export async function ipRightsAction({ request }: ActionFunctionArgs): Promise<RegisterResult> {
  const form = await request.formData();
  const text = (name: string) => String(form.get(name) ?? '');
  const input = {
    kind: text('kind') as IpRight['kind'],
    registrationNumber: text('registrationNumber'),
    jurisdiction: text('jurisdiction'),
    // Class lists are written "18, 25" or "18 25"; the API takes them one by one.
    classes: text('classes')
      .split(/[,;\s]+/)
      .map((value) => value.trim())
      .filter(Boolean),
    validFrom: text('validFrom'),
    validUntil: text('validUntil'),
  };
  try {
    const evidence = form.get('evidence');
    const evidenceDocumentId =
      evidence instanceof File && evidence.size > 0 ? await uploadDocument(evidence) : null;
    await trpc.ipRights.register.mutate({ ...input, evidenceDocumentId });
    return { ok: true, registered: describeRight(input) };
  } catch (error) {
    if (error instanceof UploadError)
      return { ok: false, message: error.message, fieldIssues: { evidence: [error.message] } };
    return { ok: false, ...toFormError(error, FIELDS) };
  }
}

export function IpRightsPage() {
  const me = useMe();
  const rights = useLoaderData<typeof ipRightsLoader>();
  const isAdmin = me.user.role === 'brand_admin';
  return (
    <>
      <div className="page-header">
        <h1>IP rights</h1>
        <p className="muted">
          The trademarks, copyrights, patents and designs {me.brand!.name} enforces. A notice must cite a
          verified right that is valid on the day it is filed.
          {!isAdmin && ' Only a brand admin can register a new right.'}
        </p>
      </div>
      {isAdmin && <RegisterForm />}
      <section className="card" aria-labelledby="rights-heading">
        <h2 id="rights-heading">Registered rights</h2>
        <RightsTable rights={rights} />
      </section>
    </>
  );
}

function RegisterForm() {
  const { formRef, failure, success, submitting } = useCreateForm<typeof ipRightsAction>();
  const registered = success?.registered ?? null;

  return (
    <section className="card" aria-labelledby="register-heading">
      <h2 id="register-heading">Register a right</h2>
      <p className="muted small">
        Your account manager checks the registration before the right can be cited in notices.
      </p>
      {failure && <ErrorAlert>{failure.message}</ErrorAlert>}
      {registered && <StatusMessage>{registered} is registered and awaits verification.</StatusMessage>}
      <Form method="post" encType="multipart/form-data" noValidate className="form-grid" ref={formRef}>
        <SelectField
          label="Kind"
          name="kind"
          required
          options={IP_RIGHT_KINDS.map((kind) => ({ value: kind, label: IP_RIGHT_KIND_LABELS[kind] }))}
          errors={issuesFor(failure?.fieldIssues, 'kind')}
        />
        <TextField
          label="Registration number"
          name="registrationNumber"
          autoComplete="off"
          required
          errors={issuesFor(failure?.fieldIssues, 'registrationNumber')}
        />
        <TextField
          label="Jurisdiction"
          name="jurisdiction"
          autoComplete="off"
          required
          maxLength={3}
          hint="Two- or three-letter code, e.g. CN, US or EU."
          errors={issuesFor(failure?.fieldIssues, 'jurisdiction')}
        />
        <TextField
          label="Classes"
          name="classes"
          autoComplete="off"
          hint="Nice classes, separated by commas, e.g. 18, 25. Leave empty if none apply."
          errors={issuesFor(failure?.fieldIssues, 'classes')}
        />
        <TextField
          label="Valid from"
          name="validFrom"
          type="date"
          required
          errors={issuesFor(failure?.fieldIssues, 'validFrom')}
        />
        <TextField
          label="Valid until"
          name="validUntil"
          type="date"
          required
          errors={issuesFor(failure?.fieldIssues, 'validUntil')}
        />
        <TextField
          label="Evidence document"
          name="evidence"
          type="file"
          accept="application/pdf,image/png,image/jpeg,image/webp"
          hint="The registration certificate: PDF, PNG, JPEG or WebP, up to 10 MB."
          errors={issuesFor(failure?.fieldIssues, 'evidence')}
        />
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={submitting}>
            Register right
          </button>
        </div>
      </Form>
    </section>
  );
}

function RightsTable({ rights }: { rights: IpRight[] }) {
  if (rights.length === 0) return <p>No rights are registered yet.</p>;
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">Right</th>
            <th scope="col">Jurisdiction</th>
            <th scope="col">Classes</th>
            <th scope="col">Valid</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        {rights.map((right) => {
          const status = effectiveRightStatus(right);
          // Each right is its own row group, so a rejection reason stays attached to its right.
          return (
            <tbody key={right.id} className="row-group">
              <tr>
                <th scope="row">
                  {IP_RIGHT_KIND_LABELS[right.kind]} <span className="mono">{right.registrationNumber}</span>
                </th>
                <td>{right.jurisdiction}</td>
                <td>{right.classes.length ? right.classes.join(', ') : <span className="muted">—</span>}</td>
                <td className="nowrap">
                  {formatDate(right.validFrom)} – {formatDate(right.validUntil)}
                </td>
                <td>
                  <RightStatusBadge status={status} />
                </td>
              </tr>
              {status === 'rejected' && (
                <tr className="row-detail">
                  <td colSpan={5}>
                    <strong>Rejected:</strong> {right.rejectionReason ?? 'No reason was recorded.'}
                  </td>
                </tr>
              )}
            </tbody>
          );
        })}
      </table>
    </div>
  );
}
