import { z } from 'zod';
import { BRAND_KEY_SCOPES } from './rest';
import { idSchema } from './common';

export const createAgentOrganisationInput = z.object({
  name: z.string().trim().min(2, { error: 'must be at least 2 characters' }).max(200, { error: 'must be at most 200 characters' }),
});

/** An agent's key holds the same scopes a brand key can, and acts for the brands that authorised the organisation. */
export const createAgentKeyInput = z.object({
  agentId: idSchema,
  name: z.string().trim().min(3, { error: 'must name the key (who uses it, where)' }).max(200),
  scopes: z.array(z.enum(BRAND_KEY_SCOPES)).min(1, { error: 'give the key at least one scope' }),
});

/** A brand admin authorises an agent organisation to act for the brand, with the signed letter when there is one. */
export const authoriseAgentInput = z.object({ agentId: idSchema, letterDocumentId: idSchema.optional() });
export const revokeAuthorisationInput = z.object({ authorisationId: idSchema });
