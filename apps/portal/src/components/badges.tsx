import { IP_RIGHT_STATUS_LABELS, ITEM_STATE_LABELS, type ItemDisplayState } from '../format';
import type { IpRight } from '../trpc';

/** A notice item's state; the colour follows what it means for the brand, the text says it. */
export function ItemStateBadge({ state }: { state: ItemDisplayState }) {
  const label = state === 'removing' ? 'Being removed' : ITEM_STATE_LABELS[state];
  return <span className={`badge badge-item-${state}`}>{label}</span>;
}

export function RightStatusBadge({ status }: { status: IpRight['status'] }) {
  return <span className={`badge badge-right-${status}`}>{IP_RIGHT_STATUS_LABELS[status]}</span>;
}
