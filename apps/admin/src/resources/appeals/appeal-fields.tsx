import { Chip, type ChipProps } from '@mui/material';
import { useRecordContext } from 'react-admin';
import { APPEAL_STATES, type AppealState } from '@jf/domain';
import type { AppealRecord } from '../../providers/trpc';
import { choicesOf } from '../../ui/choices';
import { StatusChipField } from '../../ui/status-chip';

export const APPEAL_STATE_TONES = {
  open: 'info',
  contested: 'warning',
  upheld: 'default',
  reinstated: 'success',
} as const satisfies Record<AppealState, ChipProps['color']>;

export const APPEAL_STATE_CHOICES = choicesOf(APPEAL_STATES, { upheld: 'Upheld (removal stands)' });

export const AppealStateField = (props: { label?: string; sortable?: boolean }) => (
  <StatusChipField source="state" tones={APPEAL_STATE_TONES} {...props} />
);

/** What the brand's side needs; lists that carry no response text leave it out. */
type BrandSide = Pick<AppealRecord, 'state' | 'brandAnswer' | 'brandAnsweredBy'> & {
  brandResponse?: string | null;
};

/**
 * What the brand said, in a few words. An answer with nobody behind it is the silence rule at work:
 * the brand let its window pass and the settings answered for it.
 */
export function describeBrandAnswer(appeal: BrandSide): {
  label: string;
  tone: ChipProps['color'];
  silent: boolean;
} {
  if (appeal.brandAnswer && !appeal.brandAnsweredBy) {
    return {
      label: appeal.brandAnswer === 'retract' ? 'Silent: retracted' : 'Silent: contested',
      tone: 'default',
      silent: true,
    };
  }
  if (appeal.brandAnswer === 'retract') return { label: 'Retracted', tone: 'success', silent: false };
  if (appeal.brandAnswer === 'contest') return { label: 'Contested', tone: 'warning', silent: false };
  if (appeal.state === 'open') return { label: 'Awaiting the brand', tone: 'info', silent: false };
  return { label: appeal.brandResponse ? 'Commented' : 'No answer', tone: 'default', silent: false };
}

export function BrandAnswerChip({ appeal }: { appeal: BrandSide }) {
  const { label, tone } = describeBrandAnswer(appeal);
  return <Chip size="small" variant="outlined" label={label} color={tone} />;
}

export function BrandAnswerField(_props: { label?: string; sortable?: boolean }) {
  const appeal = useRecordContext<AppealRecord>();
  return appeal ? <BrandAnswerChip appeal={appeal} /> : null;
}

/** Dates in lists: day and time, kept on one line. */
export const formatDateTime = (iso: string | null): string =>
  iso ? new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }) : '—';

/** The same in table cells, without the year when it is this year's, so date columns stay narrow. */
export function formatShortDateTime(iso: string | null): string {
  if (!iso) return '—';
  const date = new Date(iso);
  const thisYear = date.getFullYear() === new Date().getFullYear();
  return date.toLocaleString(undefined, {
    year: thisYear ? undefined : 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  });
}
