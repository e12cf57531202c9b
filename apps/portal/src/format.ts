import type { Brand, BrandUser } from './trpc';

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
