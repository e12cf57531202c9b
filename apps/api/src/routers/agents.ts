import { authoriseAgentInput, conflict, createAgentKeyInput, createAgentOrganisationInput, invalidInput, notFound, revokeAuthorisationInput, revokeKeyInput } from '@jf/domain';
import { AgentAuthorisation, AgentOrganisation, ApiKey, createAgentKey, findDocument, User } from '@jf/db';
import { audit, brandScopedProcedure, requirePermission } from '../trpc/init';

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** Platform admins register agent organisations (law firms, brand-protection vendors) and issue their keys. */
export const adminAgentsRouter = {
  list: requirePermission('integrations.manage').query(async ({ ctx }) => {
    const agents = await ctx.em.find(AgentOrganisation, {}, { orderBy: { name: 'ASC' } });
    const authorisations = await ctx.em.find(AgentAuthorisation, { revokedAt: null }, { populate: ['brand'] });
    const keys = await ctx.em.find(ApiKey, { kind: 'agent' }, { orderBy: { createdAt: 'DESC' } });
    return agents.map((agent) => ({
      id: agent.id,
      name: agent.name,
      brands: authorisations.filter((row) => row.agent.id === agent.id).map((row) => ({ id: row.brand.id, name: row.brand.name, since: row.grantedAt.toISOString() })),
      keys: keys
        .filter((key) => key.agent?.id === agent.id)
        .map((key) => ({ id: key.id, name: key.name, prefix: key.prefix, scopes: key.scopes, createdAt: key.createdAt.toISOString(), revokedAt: iso(key.revokedAt), lastUsedAt: iso(key.lastUsedAt) })),
      createdAt: agent.createdAt.toISOString(),
    }));
  }),

  create: requirePermission('integrations.manage')
    .input(createAgentOrganisationInput)
    .mutation(async ({ ctx, input }) => {
      if ((await ctx.em.count(AgentOrganisation, { name: input.name })) > 0) throw conflict('An agent organisation of this name exists', { name: ['is already registered'] });
      const agent = ctx.em.create(AgentOrganisation, { name: input.name });
      await ctx.em.flush();
      audit(ctx, { action: 'agent_registered', entityType: 'api_key', entityId: agent.id, after: { name: agent.name } });
      return { id: agent.id, name: agent.name };
    }),

  /** The secret is in this answer only. */
  createKey: requirePermission('integrations.manage')
    .input(createAgentKeyInput)
    .mutation(async ({ ctx, input }) => {
      const agent = await ctx.em.findOne(AgentOrganisation, { id: input.agentId });
      if (!agent) throw invalidInput('The key was not created', { agentId: ['is not a registered agent organisation'] });
      const { key, secret } = createAgentKey(ctx.em, agent, input.name, [...new Set(input.scopes)], await ctx.em.findOneOrFail(User, ctx.user.id));
      await ctx.em.flush();
      audit(ctx, { action: 'api_key_created', entityType: 'api_key', entityId: key.id, after: { name: key.name, agent: agent.name, scopes: key.scopes, prefix: key.prefix } });
      return { id: key.id, prefix: key.prefix, scopes: key.scopes, secret };
    }),

  /** Revokes an agent organisation's key: its next call is refused like an unknown key's. */
  revokeKey: requirePermission('integrations.manage')
    .input(revokeKeyInput)
    .mutation(async ({ ctx, input }) => {
      const key = await ctx.em.findOne(ApiKey, { id: input.id, kind: 'agent' }, { populate: ['agent'] });
      if (!key) throw notFound('Key');
      if (key.revokedAt) throw conflict('This key is already revoked');
      key.revokedAt = new Date();
      audit(ctx, { action: 'api_key_revoked', entityType: 'api_key', entityId: key.id, before: { revokedAt: null }, after: { agent: key.agent?.name ?? null, revokedAt: key.revokedAt.toISOString() } });
      return { id: key.id, revokedAt: key.revokedAt.toISOString() };
    }),
};

/** A brand admin's letters of authorisation: which agent organisations may act for the brand. */
export const brandAgentsRouter = {
  /** Every registered agent organisation, with the brand's live authorisation of it if any. */
  list: brandScopedProcedure('brand_admin').query(async ({ ctx }) => {
    const agents = await ctx.em.find(AgentOrganisation, {}, { orderBy: { name: 'ASC' } });
    const mine = await ctx.em.find(AgentAuthorisation, { brand: ctx.brandId, revokedAt: null });
    return agents.map((agent) => {
      const authorisation = mine.find((row) => row.agent.id === agent.id);
      return { id: agent.id, name: agent.name, authorisation: authorisation ? { id: authorisation.id, grantedAt: authorisation.grantedAt.toISOString(), letterDocumentId: authorisation.letterDocument?.id ?? null } : null };
    });
  }),

  authorise: brandScopedProcedure('brand_admin')
    .input(authoriseAgentInput)
    .mutation(async ({ ctx, input }) => {
      const agent = await ctx.em.findOne(AgentOrganisation, { id: input.agentId });
      if (!agent) throw invalidInput('No authorisation was given', { agentId: ['is not a registered agent organisation'] });
      if (input.letterDocumentId && !(await findDocument(ctx.em, input.letterDocumentId, ctx.brandId))) {
        throw invalidInput('No authorisation was given', { letterDocumentId: ['is not a document you uploaded'] });
      }
      if ((await ctx.em.count(AgentAuthorisation, { agent, brand: ctx.brandId, revokedAt: null })) > 0) throw conflict('This agent already acts for your brand');
      const authorisation = ctx.em.create(AgentAuthorisation, {
        agent,
        brand: ctx.brandId,
        letterDocument: input.letterDocumentId ?? null,
        grantedBy: ctx.user.id,
        grantedAt: new Date(),
      });
      audit(ctx, { action: 'agent_authorised', entityType: 'brand', entityId: ctx.brandId, brandId: ctx.brandId, after: { agent: agent.name, authorisationId: authorisation.id } });
      return { id: authorisation.id };
    }),

  revoke: brandScopedProcedure('brand_admin')
    .input(revokeAuthorisationInput)
    .mutation(async ({ ctx, input }) => {
      const authorisation = await ctx.em.findOne(AgentAuthorisation, { id: input.authorisationId, brand: ctx.brandId }, { populate: ['agent'] });
      if (!authorisation) throw notFound('Authorisation');
      if (authorisation.revokedAt) throw conflict('This authorisation is already revoked');
      authorisation.revokedAt = new Date();
      audit(ctx, { action: 'agent_authorisation_revoked', entityType: 'brand', entityId: ctx.brandId, brandId: ctx.brandId, before: { agent: authorisation.agent.name }, after: { revokedAt: authorisation.revokedAt.toISOString() } });
      return { id: authorisation.id };
    }),
};
