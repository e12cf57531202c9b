import { BRAND_STATUSES, GFT_STATUSES, JOINT_FORCE_PHASES, type BrandStatus, type GftStatus } from '@jf/domain';
import { choicesOf } from '../../ui/choices';
import { StatusChipField } from '../../ui/status-chip';

export const GFT_STATUS_TONES = {
  not_eligible: 'default',
  eligible: 'info',
  enrolled: 'success',
  suspended: 'error',
} as const satisfies Record<GftStatus, string>;

export const BRAND_STATUS_TONES = {
  onboarding: 'info',
  active: 'success',
  inactive: 'default',
} as const satisfies Record<BrandStatus, string>;

export const GFT_STATUS_CHOICES = choicesOf(GFT_STATUSES);
export const BRAND_STATUS_CHOICES = choicesOf(BRAND_STATUSES);
export const JOINT_FORCE_PHASE_CHOICES = choicesOf(JOINT_FORCE_PHASES, { joint_force: 'Joint force (full data exchange)' });

/** Percent with one decimal; a brand without decided items has no accuracy yet. */
export const formatAccuracy = (accuracy: number | null | undefined): string =>
  accuracy == null ? '—' : `${(accuracy * 100).toFixed(1)} %`;

export const GftStatusField = (props: { label?: string; sortBy?: string }) => (
  <StatusChipField source="gftStatus" tones={GFT_STATUS_TONES} {...props} />
);
export const BrandStatusField = (props: { label?: string; sortBy?: string }) => (
  <StatusChipField source="status" tones={BRAND_STATUS_TONES} {...props} />
);
