import { isBrandRole, type Role, type StaffRole } from './model';
import { scopeCovers, staffThreadScope } from './messaging/access';

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
  /** Reading the audit trail; whose events, `auditScope`. Reviewers work queues and have no use for it. */
  'audit.read': ['leadership', 'account_manager', 'platform_admin'],
  /** Detection's model versions, scans and authentication requests; changing them is for platform admins. */
  'detection.read': ['leadership', 'account_manager', 'reviewer', 'platform_admin'],
  'detection.manage': ['platform_admin'],
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

/**
 * Whose audit events a staff member may read. Leadership and platform admins read the whole trail. An
 * account manager reads the events of the brands they manage now (a brand handed over takes its history
 * to the new manager) plus every action they took themselves, on any brand or none; events that belong
 * to no brand (staff accounts, workers, sign-ins of other staff) stay hidden from them.
 */
export type AuditScope = { kind: 'all' } | { kind: 'managed'; managerId: string } | { kind: 'none' };

export function auditScope(role: Role, userId: string): AuditScope {
  if (!hasPermission(role, 'audit.read')) return { kind: 'none' };
  return role === 'account_manager' ? { kind: 'managed', managerId: userId } : { kind: 'all' };
}

/** Whether an event is inside a scope; `managedBrandIds` are the brands the account manager manages now. */
export function auditScopeCovers(
  scope: AuditScope,
  event: { actorId: string | null; brandId: string | null },
  managedBrandIds: ReadonlySet<string>,
): boolean {
  if (scope.kind === 'all') return true;
  if (scope.kind === 'none') return false;
  return event.actorId === scope.managerId || (event.brandId !== null && managedBrandIds.has(event.brandId));
}

/** Who asks for an uploaded file: a brand user carries their brand, staff their role. */
export interface DocumentReader {
  role: Role;
  userId: string;
  brandId: string | null;
}

/** The file asked for: its brand, that brand's account manager, and whether anything outside correspondence cites it. */
export interface DocumentAccessFacts {
  brandId: string;
  brandAccountManagerId: string | null;
  /**
   * Cited as evidence staff judge by: an IP right's certificate, an appeal's evidence, a protected
   * product's reference image. A message attachment or a bulk notice's CSV is not.
   */
  citedAsEvidence: boolean;
}

/**
 * Whether a reader may download an uploaded file (evidence, reference images, message attachments,
 * bulk CSVs). A brand reads only its own. Staff who read the brand's correspondence (its account
 * manager, leadership, platform admins) read all of its files; other staff (reviewers, other account
 * managers) only the evidence they judge rights, notices and appeals by, never an attachment of a
 * thread they may not open.
 */
export function mayReadDocument(reader: DocumentReader, document: DocumentAccessFacts): boolean {
  if (isBrandRole(reader.role)) return reader.brandId === document.brandId;
  if (scopeCovers(staffThreadScope(reader.role, reader.userId), document.brandAccountManagerId)) return true;
  return document.citedAsEvidence && hasPermission(reader.role, 'brands.read');
}
