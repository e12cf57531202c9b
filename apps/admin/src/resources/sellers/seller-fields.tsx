import type { ChipProps } from '@mui/material';
import { SELLER_STATUSES, type SellerStatus, type SharedSellerDetail } from '@jf/domain';
import { choicesOf } from '../../ui/choices';
import { StatusChipField } from '../../ui/status-chip';

export const SELLER_STATUS_TONES = {
  active: 'success',
  restricted: 'warning',
  banned: 'error',
} as const satisfies Record<SellerStatus, ChipProps['color']>;

export const SELLER_STATUS_CHOICES = choicesOf(SELLER_STATUSES);

export const SHARED_DETAIL_LABELS: Record<SharedSellerDetail, string> = {
  contact: 'Same contact details',
  payment: 'Same payment details',
};

export const SellerStatusField = (props: { label?: string; sortable?: boolean }) => (
  <StatusChipField source="status" tones={SELLER_STATUS_TONES} {...props} />
);

export const sellerPath = (id: string) => `/sellers/${id}/show`;
