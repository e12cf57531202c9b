import type { BrandKeyScope } from '@jf/domain';

/** An agent's key holds a brand key's scopes; what each lets it do, for the brands that authorised the agent. */
export const AGENT_SCOPES: Record<BrandKeyScope, { label: string; help: string }> = {
  read: { label: 'Read', help: 'IP rights, notices, authentication requests, removals and appeals' },
  file_notices: { label: 'File notices', help: 'file notices and respond to appeals' },
  answer_auth_requests: { label: 'Answer auth requests', help: 'answer authentication requests' },
};
export const agentScopeLabel = (scope: string): string => AGENT_SCOPES[scope as BrandKeyScope]?.label ?? scope;
