import { useId, useState } from 'react';
import { AUTH_ANSWERS, type AuthAnswer } from '@jf/domain';
import { AUTH_ANSWER_EFFECTS, AUTH_ANSWER_LABELS } from '../auth-requests';
import { issuesFor, type FieldIssues } from '../trpc';
import { describeErrors } from './field';
import { TextAreaField } from './text-field';

const reasonErrors = (issues: FieldIssues | undefined) => issuesFor(issues, 'reason');

/**
 * The verdict, its reason and, for a genuine listing, whether to trust its seller from now on: the
 * fields of one answer, for one request or many. The allowlist box exists only while "genuine" is
 * chosen, so it is never sent with another verdict (the API refuses that). `compact` puts the
 * choices on one line, for the bar under the inbox.
 */
export function AnswerFields({
  issues,
  sellerName,
  disabled,
  compact = false,
  legend = 'Your verdict',
}: {
  issues: FieldIssues | undefined;
  sellerName?: string;
  disabled?: boolean;
  compact?: boolean;
  legend?: string;
}) {
  const [answer, setAnswer] = useState<AuthAnswer | null>(null);
  const errorId = useId();
  const answerErrors = issuesFor(issues, 'answer');
  const allowlistErrors = issuesFor(issues, 'allowlistSeller');
  return (
    <>
      <fieldset
        className={`choice-list verdict-choices${compact ? ' verdict-compact' : ''}`}
        aria-describedby={answerErrors ? errorId : undefined}
        disabled={disabled}
      >
        <legend>{legend}</legend>
        <div className="verdict-options">
          {AUTH_ANSWERS.map((value) => (
            <label key={value}>
              <input type="radio" name="answer" value={value} checked={answer === value} onChange={() => setAnswer(value)} />
              <span>
                <strong>{AUTH_ANSWER_LABELS[value]}</strong>
                {!compact && <span className="muted">: {AUTH_ANSWER_EFFECTS[value]}</span>}
              </span>
            </label>
          ))}
        </div>
        {compact && answer && <p className="field-hint">{`${AUTH_ANSWER_LABELS[answer]}: ${AUTH_ANSWER_EFFECTS[answer]}.`}</p>}
        {answer === 'genuine' && (
          <div className="allowlist-choice">
            <label className="checkbox-label">
              <input type="checkbox" name="allowlistSeller" value="true" />
              {sellerName ? `Add ${sellerName} to our authorised sellers` : 'Add these sellers to our authorised sellers'}
            </label>
            <p className="field-hint">Authorised sellers’ listings are never removed by detection nor sent to you as suspects.</p>
            {allowlistErrors && <p className="field-error">{describeErrors('The authorised-seller choice', allowlistErrors)}</p>}
          </div>
        )}
        {answerErrors && (
          <p className="field-error" id={errorId}>
            {describeErrors('Your verdict', answerErrors)}
          </p>
        )}
      </fieldset>
      <TextAreaField
        label="Reason"
        name="reason"
        rows={compact ? 2 : 3}
        required
        maxLength={2000}
        hint={compact ? 'One reason for every selected listing; kept with the verdict and used to train detection.' : 'What tells you so: a detail of the product, the price, the seller. Kept with the verdict and used to train detection.'}
        errors={reasonErrors(issues)}
        disabled={disabled}
      />
    </>
  );
}
