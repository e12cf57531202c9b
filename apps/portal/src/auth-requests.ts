import type { AuthAnswer, AuthRequestState } from '@jf/domain';
import { formatCount, formatMoney, plural } from './format';
import type { AuthRequest } from './trpc';

export const AUTH_STATE_LABELS: Record<AuthRequestState, string> = {
  open: 'Waiting for your verdict',
  answered: 'Answered',
  expired: 'Expired unanswered',
};

export const AUTH_ANSWER_LABELS: Record<AuthAnswer, string> = {
  counterfeit: 'Counterfeit',
  genuine: 'Genuine',
  unsure: 'Unsure',
};

/** What each verdict does, said where the brand chooses it. */
export const AUTH_ANSWER_EFFECTS: Record<AuthAnswer, string> = {
  counterfeit: 'the listing is removed at once, with no further correspondence',
  genuine: 'the listing stays and is cleared',
  unsure: 'the listing stays as it is; detection learns nothing from it',
};

const HOUR_MS = 3_600_000;

/** "due in 5 h", "due in 40 min", "overdue by 3 h": how long an open request has left. */
export function dueText(dueAt: string, now = Date.now()): { text: string; overdue: boolean } {
  const left = new Date(dueAt).getTime() - now;
  // Hours up to three days (the usual window), so "due in 50 h" reads against "answer within 72 h".
  const span = (ms: number) =>
    ms < HOUR_MS ? `${Math.max(1, Math.round(ms / 60_000))} min` : ms < 72 * HOUR_MS ? `${Math.round(ms / HOUR_MS)} h` : `${Math.round(ms / (24 * HOUR_MS))} d`;
  return left > 0 ? { text: `due in ${span(left)}`, overdue: false } : { text: `overdue by ${span(-left)}`, overdue: true };
}

/** A seller's account age in the words people use: "12 days", "5 months", "3 years". */
export function accountAge(registeredAt: string, now = Date.now()): string {
  const days = Math.max(0, Math.floor((now - new Date(registeredAt).getTime()) / (24 * HOUR_MS)));
  if (days < 60) return plural(days, 'day');
  if (days < 730) return plural(Math.floor(days / 30.4), 'month');
  return plural(Math.floor(days / 365), 'year');
}

/** The listing's price against the matched product's MSRP, when both are known. */
export function priceAgainstMsrp(request: Pick<AuthRequest, 'listing' | 'product' | 'signals'>): string | null {
  const { product, listing } = request;
  if (!product) return null;
  // The detection compares in US dollars (the signal); the same currency can be compared here.
  const ratio =
    typeof request.signals.priceRatio === 'number'
      ? request.signals.priceRatio
      : product.currency === listing.currency && product.msrpCents > 0
        ? listing.priceCents / product.msrpCents
        : null;
  const msrp = `MSRP ${formatMoney(product.msrpCents, product.currency)}`;
  return ratio === null ? msrp : `${formatPercent(ratio)} of ${msrp}`;
}

export const formatPercent = (ratio: number): string => `${formatCount(Math.round(ratio * 100))}%`;

type SignalValue = AuthRequest['signals'][string];

interface SignalSpec {
  label: string;
  /** For the inbox's tags, where space is short. */
  short: string;
  /** The value in words; detection features arrive scaled to 0–1, older requests carry raw values. */
  format: (value: SignalValue) => string;
}

/** A 0–1 feature strength in words; a boolean says whether the sign is there at all. */
function strength(value: SignalValue): string {
  if (typeof value === 'boolean') return value ? 'present' : 'absent';
  if (typeof value !== 'number') return String(value);
  if (value <= 0) return 'none';
  if (value >= 0.67) return 'strong';
  return value >= 0.34 ? 'moderate' : 'weak';
}

const share = (value: SignalValue): string => (typeof value === 'number' ? formatPercent(value) : String(value));

/** Seller history arrives as counts (removals, strikes, linked accounts). */
const count = (noun: string) => (value: SignalValue): string => (typeof value === 'number' ? plural(Math.round(value), noun) : String(value));

/** Readable names for the signals detection sends; an unknown one is shown by its own name. */
export const SIGNALS: Record<string, SignalSpec> = {
  score: { short: 'Score', label: 'Detection score', format: share },
  matchedProduct: { short: 'Product', label: 'Resembles your product', format: String },
  priceRatio: { short: 'Price', label: 'Price against MSRP', format: (value) => (typeof value === 'number' ? `${share(value)} of MSRP` : String(value)) },
  sellerAgeDays: { short: 'Seller age', label: 'Seller account age', format: (value) => (typeof value === 'number' ? plural(Math.round(value), 'day') : String(value)) },
  suspiciousTerms: { short: 'Counterfeit terms', label: 'Counterfeit vocabulary in the title', format: strength },
  keywordMatch: { short: 'Keywords', label: 'Your product keywords in the title', format: share },
  officialTerms: { short: '“Official” claims', label: '“Official”, “authorised” claims in the title', format: strength },
  imageSimilarity: { short: 'Image match', label: 'Image similarity to your reference images', format: share },
  sellerStrikes: { short: 'Strikes', label: 'Seller’s strikes', format: count('strike') },
  pastRemovals: { short: 'Past removals', label: 'Seller’s past removals', format: count('removal') },
  relatedAccounts: { short: 'Linked accounts', label: 'Accounts linked to the seller', format: count('account') },
  categoryMatch: { short: 'Same category', label: 'Same category as your product', format: (value) => (value === 1 || value === true ? 'yes' : 'no') },
};

/** Shown elsewhere on the row or page, so left out of the "why we ask" signals. */
const SHOWN_APART = new Set(['score', 'matchedProduct', 'priceRatio', 'sellerAgeDays']);

const humanize = (name: string): string => {
  const words = name.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/_/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

export interface ReadableSignal {
  name: string;
  label: string;
  short: string;
  value: string;
}

/** The signals that raised a request, readable, in the order detection ranked them. */
export function readableSignals(signals: AuthRequest['signals'], options: { withAbsent?: boolean } = {}): ReadableSignal[] {
  return Object.entries(signals)
    .filter(([name]) => !SHOWN_APART.has(name))
    // A zero or false sign raised nothing: older requests list every feature, newer ones only those that raised the score.
    .filter(([, value]) => options.withAbsent || (value !== 0 && value !== false))
    .map(([name, value]) => {
      const spec = SIGNALS[name];
      const label = spec?.label ?? humanize(name);
      return { name, label, short: spec?.short ?? label, value: spec ? spec.format(value) : String(value) };
    });
}
