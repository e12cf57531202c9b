import { Box, Chip, Stack, Typography, type ChipProps } from '@mui/material';
import { useRecordContext } from 'react-admin';
import { AUTH_ANSWERS, AUTH_REQUEST_STATES, type AuthAnswer, type AuthRequestState } from '@jf/domain';
import type { AuthRequestRecord } from '../../providers/trpc';
import { choicesOf } from '../../ui/choices';
import { StatusChip } from '../../ui/status-chip';
import { formatAge, formatPrice } from '../queue/notice-item-fields';

export const AUTH_STATE_TONES = {
  open: 'info',
  answered: 'success',
  expired: 'warning',
} as const satisfies Record<AuthRequestState, ChipProps['color']>;

export const AUTH_ANSWER_TONES = {
  counterfeit: 'error',
  genuine: 'success',
  unsure: 'default',
} as const satisfies Record<AuthAnswer, ChipProps['color']>;

export const AUTH_STATE_CHOICES = choicesOf(AUTH_REQUEST_STATES, { expired: 'Expired (unanswered)' });
export const AUTH_ANSWER_CHOICES = choicesOf(AUTH_ANSWERS);

const HOUR_MS = 3_600_000;
const percent = (ratio: number) => `${Math.round(ratio * 100)}%`;

/** "3 h ago" from the request's creation: the age staff sort and filter by. */
export const ageOf = (iso: string, now = Date.now()) => `${formatAge(Math.max(0, now - new Date(iso).getTime()) / HOUR_MS)} ago`;

/** "in 5 h" or "4 h late" for an open request's due time. */
export function dueIn(iso: string, now = Date.now()): { text: string; late: boolean } {
  const left = (new Date(iso).getTime() - now) / HOUR_MS;
  return left >= 0 ? { text: `in ${formatAge(left)}`, late: false } : { text: `${formatAge(-left)} late`, late: true };
}

export function sellerAge(registeredAt: string, now = Date.now()): string {
  const days = Math.floor((now - new Date(registeredAt).getTime()) / (24 * HOUR_MS));
  if (days < 60) return `${days} d`;
  if (days < 730) return `${Math.floor(days / 30.4)} mo`;
  return `${Math.floor(days / 365)} y`;
}

/** The listing's price against the matched product's MSRP; the detection's own ratio (in US dollars) when it sent one. */
export function priceAgainstMsrp(request: AuthRequestRecord): string | null {
  const { product, listing } = request;
  if (!product) return null;
  const signal = request.signals.priceRatio;
  const ratio =
    typeof signal === 'number'
      ? signal
      : product.currency === listing.currency && product.msrpCents > 0
        ? listing.priceCents / product.msrpCents
        : null;
  const msrp = `MSRP ${formatPrice(product.msrpCents, product.currency)}`;
  return ratio === null ? msrp : `${percent(ratio)} of ${msrp}`;
}

type SignalValue = AuthRequestRecord['signals'][string];

/** Detection features arrive scaled to 0–1; a few older requests carry booleans and raw values. */
const strength = (value: SignalValue) =>
  typeof value === 'boolean' ? (value ? 'present' : 'absent') : typeof value === 'number' ? (Number.isInteger(value) ? String(value) : value.toFixed(2)) : value;
const share = (value: SignalValue) => (typeof value === 'number' ? percent(value) : String(value));

/** The names the detection sends, in words; an unknown signal keeps its own name. */
export const SIGNAL_LABELS: Record<string, { label: string; format: (value: SignalValue) => string }> = {
  score: { label: 'Score', format: (value) => (typeof value === 'number' ? value.toFixed(2) : String(value)) },
  matchedProduct: { label: 'Matched product', format: String },
  priceRatio: { label: 'Price / MSRP', format: share },
  sellerAgeDays: { label: 'Seller age', format: (value) => `${String(value)} days` },
  suspiciousTerms: { label: 'Counterfeit terms', format: strength },
  keywordMatch: { label: 'Product keywords', format: share },
  officialTerms: { label: 'Official-seller terms', format: strength },
  imageSimilarity: { label: 'Image similarity', format: share },
  sellerStrikes: { label: 'Seller strikes', format: strength },
  pastRemovals: { label: 'Past removals', format: strength },
  relatedAccounts: { label: 'Related accounts', format: strength },
  categoryMatch: { label: 'Category match', format: (value) => (value === 1 || value === true ? 'yes' : 'no') },
};

export function readableSignals(signals: AuthRequestRecord['signals'], { skip = [] as string[] } = {}) {
  return Object.entries(signals)
    .filter(([name]) => !skip.includes(name))
    .map(([name, value]) => {
      const known = SIGNAL_LABELS[name];
      return { name, label: known?.label ?? name, value: known ? known.format(value) : String(value) };
    });
}

/** The signs that raised the score, as small chips; zero and false signs raised nothing and are left out. */
export function SignalChips({ signals, skip = ['score', 'matchedProduct', 'priceRatio', 'sellerAgeDays'] }: { signals: AuthRequestRecord['signals']; skip?: string[] }) {
  const raised = readableSignals(
    Object.fromEntries(Object.entries(signals).filter(([, value]) => value !== 0 && value !== false)),
    { skip },
  );
  return (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap', maxWidth: 320 }}>
      {raised.map((signal) => (
        <Chip key={signal.name} size="small" variant="outlined" label={`${signal.label}: ${signal.value}`} />
      ))}
    </Stack>
  );
}

export const AuthStateField = (_props: { label?: string; sortable?: boolean }) => {
  const request = useRecordContext<AuthRequestRecord>();
  return request ? <StatusChip value={request.state} tones={AUTH_STATE_TONES} /> : null;
};

/** The verdict and who gave it; open requests show how long the brand has left. */
export function AnswerField(_props: { label?: string; sortable?: boolean }) {
  const request = useRecordContext<AuthRequestRecord>();
  if (!request) return null;
  if (request.answer) {
    return (
      <Box>
        <StatusChip value={request.answer} tones={AUTH_ANSWER_TONES} />
        <Typography variant="caption" color="text.secondary" component="div" sx={{ whiteSpace: 'nowrap' }}>
          {request.answeredBy?.name ?? 'the brand'}
        </Typography>
      </Box>
    );
  }
  return <Typography variant="body2" color="text.secondary">—</Typography>;
}

export function DueField(_props: { label?: string; sortBy?: string }) {
  const request = useRecordContext<AuthRequestRecord>();
  if (!request) return null;
  // An answered request's due time no longer matters; an expired one's is when it lapsed.
  if (request.state === 'answered') return <Typography variant="body2" color="text.secondary">—</Typography>;
  if (request.state !== 'open') {
    return (
      <Typography variant="body2" color="text.secondary" sx={{ whiteSpace: 'nowrap' }}>
        {new Date(request.dueAt).toLocaleDateString(undefined, { month: 'short', day: 'numeric' })}
      </Typography>
    );
  }
  const { text, late } = dueIn(request.dueAt);
  return <Chip size="small" label={text} color={late ? 'error' : 'default'} variant={late ? 'filled' : 'outlined'} title={new Date(request.dueAt).toLocaleString()} />;
}

export const formatHours = (ms: number | null) => (ms === null ? '—' : `${(ms / HOUR_MS).toFixed(ms < 10 * HOUR_MS ? 1 : 0)} h`);
export { percent as formatPercent };
