import { useState } from 'react';
import { Link } from 'react-router';
import { NOTICE_REASONS, type NoticeReason } from '@jf/domain';
import { describeRight, formatDate, isCitable, NOTICE_REASON_LABELS } from '../format';
import { issuesFor, type FieldIssues, type IpRight } from '../trpc';
import { SelectField, TextAreaField, TextField } from './text-field';

/** The form fields every notice needs, single or bulk: names match the API's input fields. */
export const NOTICE_FIELDS = ['ipRightId', 'reason', 'evidence', 'testBuyOrderRef'] as const;

/** Reads the shared notice fields from a submitted form, in the API's shape. */
export function readNoticeFields(form: FormData) {
  const text = (name: string) => String(form.get(name) ?? '');
  const reason = text('reason') as NoticeReason;
  return {
    ipRightId: text('ipRightId'),
    reason,
    evidence: text('evidence'),
    // Only a test buy carries an order reference; a stale value from a switched reason is dropped.
    testBuyOrderRef: reason === 'test_buy' ? text('testBuyOrderRef') : null,
  };
}

/** IP right, reason (a test buy adds its order reference) and evidence. */
export function NoticeFields({
  rights,
  fieldIssues,
}: {
  rights: IpRight[];
  fieldIssues?: FieldIssues | undefined;
}) {
  const [reason, setReason] = useState<string>('');
  const citable = rights.filter((right) => isCitable(right));
  return (
    <>
      <SelectField
        label="IP right"
        name="ipRightId"
        required
        placeholder="Choose the right these listings infringe…"
        options={citable.map((right) => ({
          value: right.id,
          label: `${describeRight(right)}, valid until ${formatDate(right.validUntil)}`,
        }))}
        hint="Only verified rights that are valid today can be cited."
        errors={issuesFor(fieldIssues, 'ipRightId')}
      />
      <SelectField
        label="Reason"
        name="reason"
        required
        placeholder="Choose a reason…"
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        options={NOTICE_REASONS.map((value) => ({ value, label: NOTICE_REASON_LABELS[value] }))}
        errors={issuesFor(fieldIssues, 'reason')}
      />
      {reason === 'test_buy' && (
        <TextField
          label="Test-buy order reference"
          name="testBuyOrderRef"
          autoComplete="off"
          required
          maxLength={100}
          hint="The marketplace order number of your test purchase."
          errors={issuesFor(fieldIssues, 'testBuyOrderRef')}
        />
      )}
      <TextAreaField
        label="Evidence"
        name="evidence"
        required
        rows={5}
        maxLength={5000}
        hint="What shows these listings infringe: logo use, packaging, a price far below MSRP, test-buy findings. Reviewers read this."
        errors={issuesFor(fieldIssues, 'evidence')}
      />
    </>
  );
}

/** Said instead of the notice form when the brand has no right a notice could cite. */
export function NoCitableRights({ rights, isAdmin }: { rights: IpRight[]; isAdmin: boolean }) {
  const pending = rights.filter((right) => right.status === 'pending').length;
  return (
    <div className="callout callout-warning">
      <p>
        <strong>You have no IP right that a notice can cite.</strong> A notice must cite a verified right that
        is valid today
        {rights.length === 0
          ? ', and none is registered yet.'
          : pending > 0
            ? `; ${pending === 1 ? 'one right is' : `${pending} rights are`} still awaiting verification by your account manager.`
            : '; your registered rights are rejected or expired.'}
      </p>
      <p>
        {pending > 0 ? (
          <>
            You can file notices as soon as one is verified. <Link to="/ip-rights">See your IP rights</Link>.
          </>
        ) : isAdmin ? (
          <>
            <Link to="/ip-rights">Register a right</Link> to file notices.
          </>
        ) : (
          <>
            Ask your brand admin to register one. <Link to="/ip-rights">See your IP rights</Link>.
          </>
        )}
      </p>
    </div>
  );
}
