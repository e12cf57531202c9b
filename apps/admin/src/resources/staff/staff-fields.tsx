import { STAFF_ROLES, USER_STATUSES, type UserStatus } from '@jf/domain';
import { choicesOf } from '../../ui/choices';
import { StatusChipField } from '../../ui/status-chip';

export const STAFF_ROLE_CHOICES = choicesOf(STAFF_ROLES);
export const USER_STATUS_CHOICES = choicesOf(USER_STATUSES);
/** An edit can only switch a staff account on or off; invitations are a brand-user flow. */
export const EDITABLE_STATUS_CHOICES = choicesOf(['active', 'deactivated']);

const USER_STATUS_TONES = {
  invited: 'info',
  active: 'success',
  deactivated: 'default',
} as const satisfies Record<UserStatus, string>;

export const UserStatusField = (props: { label?: string; sortBy?: string }) => (
  <StatusChipField source="status" tones={USER_STATUS_TONES} {...props} />
);
