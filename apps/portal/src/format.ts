import type {
  IpRightKind,
  IpRightStatus,
  NoticeItemState,
  NoticePath,
  NoticeReason,
  RejectionCode,
} from '@jf/domain';
import type { Brand, BrandUser, IpRight } from './trpc';

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });

export function formatDate(iso: string | null): string | null {
  return iso ? dateFormat.format(new Date(iso)) : null;
}

export const ROLE_LABELS: Record<string, string> = {
  brand_admin: 'Brand admin',
  brand_agent: 'Brand agent',
  leadership: 'Leadership',
  account_manager: 'Account manager',
  reviewer: 'Reviewer',
  platform_admin: 'Platform admin',
};

export const roleLabel = (role: string): string => ROLE_LABELS[role] ?? role;

export const STATUS_LABELS: Record<BrandUser['status'], string> = {
  invited: 'Invited',
  active: 'Active',
  deactivated: 'Deactivated',
};

export interface GftExplanation {
  /** Short badge text. */
  label: string;
  /** One plain sentence on what the status means for the brand's notices. */
  headline: string;
  detail: string;
  tone: 'positive' | 'neutral' | 'warning';
}

/** What each Good Faith Takedown status means for the brand, in plain words. */
export function explainGft(
  brand: Pick<Brand, 'gftStatus' | 'gftSuspendedAt' | 'gftStatusChangedAt'>,
): GftExplanation {
  switch (brand.gftStatus) {
    case 'enrolled':
      return {
        label: 'Enrolled',
        headline: 'Good Faith Takedown: your notices remove listings at once',
        detail:
          'Your record of valid complaints earned you the fast track. Each listing in a notice is removed immediately, with no further correspondence. A small random sample is audited afterwards, and wrong removals count against your accuracy.',
        tone: 'positive',
      };
    case 'eligible':
      return {
        label: 'Eligible',
        headline: 'Good Faith Takedown: you qualify, enrolment is pending',
        detail:
          'Your recent notices were accurate enough for the fast track. Your account manager can enrol you; until then, notices are reviewed by our enforcement team before listings are removed.',
        tone: 'neutral',
      };
    case 'not_eligible':
      return {
        label: 'Not eligible yet',
        headline: 'Good Faith Takedown: not yet available to you',
        detail:
          'Your notices are reviewed by our enforcement team before listings are removed. Brands qualify for immediate removal with at least 20 decided items in 90 days, at least 95% of them valid.',
        tone: 'neutral',
      };
    case 'suspended': {
      const since = formatDate(brand.gftSuspendedAt ?? brand.gftStatusChangedAt);
      return {
        label: 'Suspended',
        headline: since ? `Good Faith Takedown: suspended since ${since}` : 'Good Faith Takedown: suspended',
        detail:
          'Your accuracy over the last 90 days fell below 90%, so notices are reviewed by our enforcement team again before listings are removed. Your account manager can explain what happened and how to regain the fast track.',
        tone: 'warning',
      };
    }
  }
}

const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** A moment with its time of day, e.g. "3 Mar 2026, 14:05", for events within a notice's life. */
export function formatDateTime(iso: string | null): string | null {
  return iso ? dateTimeFormat.format(new Date(iso)) : null;
}

const moneyFormats = new Map<string, Intl.NumberFormat>();

/** Listing prices and MSRPs arrive in minor units (cents) with an ISO currency code. */
export function formatMoney(cents: number, currency: string): string {
  let format = moneyFormats.get(currency);
  if (!format) {
    try {
      format = new Intl.NumberFormat('en-GB', { style: 'currency', currency });
    } catch {
      // An unknown code would throw; show the plain amount with the code rather than nothing.
      format = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
      return `${format.format(cents / 100)} ${currency}`;
    }
    moneyFormats.set(currency, format);
  }
  return format.format(cents / 100);
}

const count = new Intl.NumberFormat('en-GB');
export const formatCount = (value: number): string => count.format(value);

/** A takedown turnaround as people say it: "40 s", "2 min", "9 h", "3 d". */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, ms) / 1000;
  if (seconds < 60) return `${Math.round(seconds)} s`;
  const minutes = seconds / 60;
  if (minutes < 60) return `${Math.round(minutes)} min`;
  const hours = minutes / 60;
  if (hours < 48) return `${Math.round(hours)} h`;
  return `${Math.round(hours / 24)} d`;
}

export const plural = (n: number, one: string, many = `${one}s`): string =>
  `${formatCount(n)} ${n === 1 ? one : many}`;

export const MARKETPLACE_LABELS: Record<string, string> = {
  taobao: 'Taobao',
  tmall: 'Tmall',
  aliexpress: 'AliExpress',
  '1688': '1688',
  alibaba: 'Alibaba.com',
};
export const marketplaceLabel = (code: string): string => MARKETPLACE_LABELS[code] ?? code;

export const IP_RIGHT_KIND_LABELS: Record<IpRightKind, string> = {
  trademark: 'Trademark',
  copyright: 'Copyright',
  patent: 'Patent',
  design: 'Design',
};

export const IP_RIGHT_STATUS_LABELS: Record<IpRightStatus, string> = {
  pending: 'Awaiting verification',
  verified: 'Verified',
  rejected: 'Rejected',
  expired: 'Expired',
};

export const NOTICE_REASON_LABELS: Record<NoticeReason, string> = {
  counterfeit: 'Counterfeit goods',
  trademark_misuse: 'Trademark misuse',
  copyright: 'Copyright infringement',
  patent: 'Patent infringement',
  test_buy: 'Test buy (counterfeit confirmed by a purchase)',
};

export const NOTICE_PATH_LABELS: Record<NoticePath, string> = {
  good_faith: 'Good Faith Takedown',
  standard: 'Standard review',
};

export const ITEM_STATE_LABELS: Record<NoticeItemState, string> = {
  pending: 'Pending review',
  removed: 'Removed',
  rejected: 'Rejected',
  needs_info: 'Needs your answer',
  reinstated: 'Reinstated',
};

/**
 * What the brand sees for an item: a pending item whose removal was already requested (GFT, or a
 * reviewer's decision waiting for the marketplace) is "being removed", not still under review.
 */
export type ItemDisplayState = NoticeItemState | 'removing';
export const itemDisplayState = (item: {
  state: NoticeItemState;
  removalRequestedAt: string | null;
}): ItemDisplayState => (item.state === 'pending' && item.removalRequestedAt ? 'removing' : item.state);

export const REJECTION_CODE_LABELS: Record<RejectionCode, string> = {
  insufficient_evidence: 'Insufficient evidence',
  right_not_applicable: 'Right does not apply',
  listing_not_infringing: 'Listing not infringing',
  authorised_seller: 'Authorised seller',
  duplicate: 'Duplicate',
  other: 'Other',
};

/** A right can back a notice only when verified and valid today (the API checks the same). */
export function isCitable(right: IpRight, now = new Date()): boolean {
  return right.status === 'verified' && new Date(right.validFrom) <= now && new Date(right.validUntil) > now;
}

/** How a right is named in pickers and on notices: "Trademark CN 12345678 (classes 18, 25)". */
export function describeRight(
  right: Pick<IpRight, 'kind' | 'jurisdiction' | 'registrationNumber' | 'classes'>,
): string {
  const classes = right.classes.length
    ? ` (class${right.classes.length === 1 ? '' : 'es'} ${right.classes.join(', ')})`
    : '';
  return `${IP_RIGHT_KIND_LABELS[right.kind]} ${right.jurisdiction} ${right.registrationNumber}${classes}`;
}

/** Rights lapse by date before any job marks them: show a verified right past its end as expired. */
export function effectiveRightStatus(right: IpRight, now = new Date()): IpRight['status'] {
  return right.status === 'verified' && new Date(right.validUntil) <= now ? 'expired' : right.status;
}
