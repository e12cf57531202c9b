import type { MARKETPLACE_KEY_SCOPES } from '@jf/domain';
import { humanize } from '../../ui/choices';

export type KeyScope = (typeof MARKETPLACE_KEY_SCOPES)[number];

const SCOPE_LABELS: Record<KeyScope, string> = {
  counter_notices: 'Counter-notices',
  listings: 'Listings',
};
export const scopeLabel = (scope: string): string => SCOPE_LABELS[scope as KeyScope] ?? humanize(scope);
export const SCOPE_HELP: Record<KeyScope, string> = {
  counter_notices: 'File sellers’ counter-notices (appeals) against removals',
  listings: 'Push new and changed listings and sellers (POST /api/v1/marketplace/listings)',
};

/** Where a marketplace sends what its key allows, for the admin to pass on with the secret. */
export const COUNTER_NOTICES_ENDPOINT = '/api/v1/marketplace/counter-notices';
