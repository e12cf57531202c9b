/**
 * The REST surface's own tRPC instance: its callers are API keys, not sessions. Procedures carry
 * `openapi` metadata and output schemas, from which trpc-to-openapi serves `/api/v1` and generates the
 * OpenAPI document — the same zod schemas validate both, so the contract has one copy.
 */
import { initTRPC, TRPCError } from '@trpc/server';
import type { OpenApiMeta } from 'trpc-to-openapi';
import { DomainError, invalidInput, nulCharacterPath, type MarketplaceCode } from '@jf/domain';
import { ApiKey, auditRow, insertAuditRows, type AuditEntry, type Database } from '@jf/db';
import type { EntityManager } from '@mikro-orm/core';
import type { BulkJobRunner } from '../services/bulk-notices';
import { domainCodeOf, fieldIssuesOf, toTRPCError } from '../trpc/errors';
import { inOneTransaction } from '../trpc/transaction';

/** Who calls: a live key, resolved from `Authorization: Bearer …` (null when absent, unknown or revoked). */
export interface ApiPrincipal {
  keyId: string;
  kind: 'brand' | 'marketplace' | 'agent';
  name: string;
  prefix: string;
  scopes: readonly string[];
  /** A brand key's brand; for an agent, the brand the call acts for (`X-Brand-Id`), once checked. */
  brandId: string | null;
  marketplace: MarketplaceCode | null;
  /** An agent key's organisation, the brands that authorised it, and the brand the call names. */
  agent: { id: string; name: string; authorisedBrandIds: readonly string[]; actingFor: string | null } | null;
}

export interface RestContext {
  em: EntityManager;
  database: Database;
  /** Where bulk notices' files go, and the runner that works through them (the portal's own). */
  uploadDir: string;
  bulkRunner: BulkJobRunner;
  principal: ApiPrincipal | null;
  requestId: string;
  /** What the request did, for the per-call audit row (set by the procedures' middleware). */
  call: { method: string; path: string };
}

/** `ownTransactions`: the procedure commits its own work (a bulk notice must be stored before its job runs). */
export type RestMeta = OpenApiMeta<{ scope?: string; ownTransactions?: boolean }>;

const t = initTRPC
  .context<RestContext>()
  .meta<RestMeta>()
  .create({
    errorFormatter({ shape, error }) {
      const isInternal = error.code === 'INTERNAL_SERVER_ERROR';
      return {
        ...shape,
        message: isInternal ? 'Something went wrong on our side; the request was not applied' : shape.message,
        data: { code: shape.data.code, httpStatus: shape.data.httpStatus, domainCode: domainCodeOf(error), fieldIssues: fieldIssuesOf(error) },
      };
    },
  });

export const restRouter = t.router;

const mapErrors = t.middleware(async ({ next }) => {
  const result = await next();
  return result.ok ? result : { ...result, error: toTRPCError(result.error) };
});

const nulGuard = t.middleware(async ({ getRawInput, next }) => {
  const field = nulCharacterPath(await getRawInput());
  if (field) throw invalidInput('The request was refused', { [field]: ['must not contain a NUL character'] });
  return next();
});

export const keyActor = (principal: ApiPrincipal) =>
  principal.agent
    ? { id: null, label: `API key ${principal.prefix}… (${principal.name}) of agent ${principal.agent.name}` }
    : { id: null, label: `API key ${principal.prefix}… (${principal.name})` };

/**
 * Every call is audited under its key (what it called and how it ended), and mutations run in one
 * transaction with their own audit rows. The call's audit row is written after the answer is known, in
 * its own statement, so a refused call is on record too.
 */
const auditedCall = t.middleware(async ({ ctx, type, path, meta, next }) => {
  const outcome = type === 'mutation' && !meta?.ownTransactions ? await inOneTransaction(ctx.em, (em) => next({ ctx: { em } })) : await next();
  const principal = ctx.principal;
  if (principal) {
    const status = outcome.ok ? 'ok' : toTRPCError(outcome.error).code;
    const entry: AuditEntry = {
      actor: keyActor(principal),
      action: 'api_call',
      entityType: 'api_key',
      entityId: principal.keyId,
      brandId: principal.brandId ?? (principal.agent?.actingFor && principal.agent.authorisedBrandIds.includes(principal.agent.actingFor) ? principal.agent.actingFor : null),
      after: { procedure: path, method: ctx.call.method, path: ctx.call.path, outcome: status },
      requestId: ctx.requestId,
    };
    const em = ctx.database.fork();
    await insertAuditRows(em, [auditRow(entry, new Date())]);
    await em.nativeUpdate(ApiKey, { id: principal.keyId }, { lastUsedAt: new Date() });
  }
  return outcome;
});

const base = t.procedure.use(mapErrors).use(nulGuard);

/** Refuses a missing key outright; the audited part starts once a key is known. */
const keyed = base.use(({ ctx, next }) => {
  if (!ctx.principal) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Send a live API key as Authorization: Bearer <key>' });
  return next({ ctx: { principal: ctx.principal } });
});

/**
 * A brand key, or an agent's key acting for one of the brands that authorised its organisation (named in
 * `X-Brand-Id`, or implied when there is only one), holding `scope`. The brand never comes from input.
 */
export const brandProcedure = (scope: string) =>
  keyed
    .use(auditedCall)
    .use(({ ctx, next }) => {
      const principal = ctx.principal!;
      let brandId = principal.kind === 'brand' ? principal.brandId : null;
      if (principal.kind === 'agent' && principal.agent) {
        const { authorisedBrandIds, actingFor } = principal.agent;
        const named = actingFor ?? (authorisedBrandIds.length === 1 ? authorisedBrandIds[0]! : null);
        if (!named) throw invalidInput('Name the brand this call acts for', { 'x-brand-id': ['must name one of the brands that authorised your organisation'] });
        if (!authorisedBrandIds.includes(named)) throw new DomainError('forbidden', 'Your organisation holds no live authorisation from this brand');
        brandId = named;
      }
      if (!brandId || principal.kind === 'marketplace') throw new DomainError('forbidden', 'Only brand and agent keys may call the brand endpoints');
      if (!principal.scopes.includes(scope)) throw new DomainError('forbidden', `This key lacks the ${scope} scope`);
      return next({ ctx: { brandId, principal: { ...principal, brandId } } });
    });

/** A marketplace key holding `scope`; the marketplace comes from the key. */
export const marketplaceProcedure = (scope: string) =>
  keyed
    .use(auditedCall)
    .use(({ ctx, next }) => {
      const principal = ctx.principal!;
      if (principal.kind !== 'marketplace' || !principal.marketplace) throw new DomainError('forbidden', 'Only marketplace keys may call the marketplace endpoints');
      if (!principal.scopes.includes(scope)) throw new DomainError('forbidden', `This key lacks the ${scope} scope`);
      return next({ ctx: { marketplace: principal.marketplace, principal } });
    });
