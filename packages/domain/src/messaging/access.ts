import type { Role } from '../model';

/**
 * Which brands' threads a staff member may read and answer. An account manager talks with the
 * brands they manage; a platform admin with any; leadership reads every thread but does not write;
 * reviewers have no correspondence of their own.
 */
export type ThreadScope = { kind: 'all'; canWrite: boolean } | { kind: 'managed'; managerId: string; canWrite: true } | { kind: 'none' };

export function staffThreadScope(role: Role, userId: string): ThreadScope {
  switch (role) {
    case 'platform_admin':
      return { kind: 'all', canWrite: true };
    case 'leadership':
      return { kind: 'all', canWrite: false };
    case 'account_manager':
      return { kind: 'managed', managerId: userId, canWrite: true };
    default:
      return { kind: 'none' };
  }
}

export function scopeCovers(scope: ThreadScope, brandAccountManagerId: string | null): boolean {
  if (scope.kind === 'all') return true;
  return scope.kind === 'managed' && brandAccountManagerId === scope.managerId;
}

export function scopeMayWrite(scope: ThreadScope, brandAccountManagerId: string | null): boolean {
  return scopeCovers(scope, brandAccountManagerId) && scope.kind !== 'none' && scope.canWrite;
}
