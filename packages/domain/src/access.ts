import type { Role, StaffRole } from './model';

/**
 * Who may do what, as data. The API enforces these through its procedure builders and the
 * admin hides what a role may not do, both reading this one table.
 */
export const STAFF_PERMISSIONS = {
  'brands.read': ['leadership', 'account_manager', 'reviewer', 'platform_admin'],
  'brands.manage': ['account_manager', 'platform_admin'],
  'brands.gft': ['account_manager', 'platform_admin'],
  'staff.read': ['leadership', 'account_manager', 'reviewer', 'platform_admin'],
  'staff.manage': ['platform_admin'],
  'overview.read': ['leadership', 'account_manager', 'reviewer', 'platform_admin'],
  'queue.review': ['reviewer', 'platform_admin'],
  /** Reading correspondence; which brands' threads, and whether one may answer, is `staffThreadScope`. */
  'messages.read': ['leadership', 'account_manager', 'platform_admin'],
  'workspace.read': ['account_manager', 'platform_admin'],
  'appeals.read': ['leadership', 'account_manager', 'reviewer', 'platform_admin'],
  'integrations.manage': ['platform_admin'],
} as const satisfies Record<string, readonly StaffRole[]>;
export type StaffPermission = keyof typeof STAFF_PERMISSIONS;

export function hasPermission(role: Role, permission: StaffPermission): boolean {
  return (STAFF_PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** Account managers change only the brands they manage; platform admins change any. */
export function canManageBrand(role: Role, userId: string, brandAccountManagerId: string | null): boolean {
  if (role === 'platform_admin') return true;
  return role === 'account_manager' && brandAccountManagerId === userId;
}
