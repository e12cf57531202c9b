import type { AuthAnswer, AuthRequestState } from '@jf/domain';
import { AUTH_ANSWER_LABELS, AUTH_STATE_LABELS, dueText, readableSignals } from '../auth-requests';
import { formatDateTime } from '../format';
import type { AuthRequest } from '../trpc';

export function AuthStateBadge({ state }: { state: AuthRequestState }) {
  return <span className={`badge badge-auth-${state}`}>{AUTH_STATE_LABELS[state]}</span>;
}

export function AnswerBadge({ answer }: { answer: AuthAnswer }) {
  return <span className={`badge badge-answer-${answer}`}>{AUTH_ANSWER_LABELS[answer]}</span>;
}

/** "due in 5 h" beside the exact time; red once the time has passed and the expiry job has not yet run. */
export function DueLabel({ dueAt }: { dueAt: string }) {
  const { text, overdue } = dueText(dueAt);
  return (
    <time dateTime={dueAt} title={formatDateTime(dueAt) ?? undefined} className={overdue ? 'due-overdue' : 'due-soon'}>
      {text}
    </time>
  );
}

/** The signs that raised the score, as short tags. */
export function SignalTags({ signals }: { signals: AuthRequest['signals'] }) {
  const shown = readableSignals(signals);
  if (shown.length === 0) return null;
  return (
    <ul className="signal-tags" aria-label="Signals">
      {shown.map((signal) => (
        <li key={signal.name} className="tag" title={signal.label}>
          {signal.short} <strong>{signal.value}</strong>
        </li>
      ))}
    </ul>
  );
}

/** A listing being removed after a counterfeit verdict: requested, then acknowledged by the marketplace. */
export function RemovalStatus({ removal }: { removal: NonNullable<AuthRequest['removal']> }) {
  return removal.removedAt ? (
    <p>
      <strong>The listing is removed</strong> from the marketplace ({formatDateTime(removal.removedAt)}).
    </p>
  ) : (
    <p>
      <strong>The listing is being removed.</strong> Removal requested {formatDateTime(removal.requestedAt)}; waiting for the marketplace to confirm.
    </p>
  );
}
