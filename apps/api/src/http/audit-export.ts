import { once } from 'node:events';
import type { RequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import { stringify } from 'csv-stringify/sync';
import { AUDIT_EXPORT_MAX_ROWS, auditScope, DomainError, exportAuditEventsInput, hasPermission, invalidInput } from '@jf/domain';
import { auditCondition, auditVisibility, brandNamesById, countAuditEvents, forEachAuditBatch, recordAudit, type AuditEvent } from '@jf/db';
import { sendError, sessionUser, type HttpAuthOptions } from './session-user';

const COLUMNS = ['occurred_at', 'actor_id', 'actor_label', 'action', 'entity_type', 'entity_id', 'brand_id', 'brand_name', 'before', 'after', 'request_id', 'event_id'];

/**
 * A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, or a leading tab or return) is
 * prefixed with an apostrophe: actor labels and entity ids can carry text a user typed.
 */
const cell = (value: string | null): string => (value === null ? '' : /^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

function rowOf(event: AuditEvent, brandNames: ReadonlyMap<string, string>): string[] {
  return [
    event.occurredAt.toISOString(),
    event.actorId ?? '',
    cell(event.actorLabel),
    cell(event.action),
    event.entityType,
    cell(event.entityId),
    event.brandId ?? '',
    cell(event.brandId ? (brandNames.get(event.brandId) ?? null) : null),
    event.before ? JSON.stringify(event.before) : '',
    event.after ? JSON.stringify(event.after) : '',
    cell(event.requestId),
    event.id,
  ];
}

/** RFC 4180: every field quoted only when it must be, records ended by CRLF. */
const csv = (rows: string[][]): string => stringify(rows, { record_delimiter: 'windows' });

/** Writes and waits while the client is slow; false once the download was closed. */
async function send(res: Response, chunk: string): Promise<boolean> {
  if (res.destroyed) return false;
  if (!res.write(chunk)) await Promise.race([once(res, 'drain'), once(res, 'close')]);
  return !res.destroyed;
}

/**
 * `GET /api/audit-events.csv?<the list's filters>&order=ASC|DESC`: the audit trail as a UTF-8 CSV (with
 * a byte-order mark, for spreadsheets), streamed in batches as read. Same permission and scope as the
 * admin list. At most `maxRows` (AUDIT_EXPORT_MAX_ROWS) rows: the `x-export-truncated` header says whether some were
 * left out, and a last `#` line says so in the file too. Events that arrive during the download are left
 * out, so the file is the trail as of the request.
 */
export function auditExportRoute(options: HttpAuthOptions & { logger: Logger; maxRows?: number; batchSize?: number }): RequestHandler {
  const { maxRows = AUDIT_EXPORT_MAX_ROWS, batchSize } = options;
  return async (req, res) => {
    try {
      const user = await sessionUser(req, options, false);
      if (!hasPermission(user.role, 'audit.read')) throw new DomainError('forbidden', 'Your role may not do this (audit.read)');
      const parsed = exportAuditEventsInput.safeParse(req.query);
      if (!parsed.success) {
        const fieldIssues: Record<string, string[]> = {};
        for (const issue of parsed.error.issues) (fieldIssues[issue.path.join('.') || '(query)'] ??= []).push(issue.message);
        throw invalidInput('Invalid filters', fieldIssues);
      }
      const { order, ...filter } = parsed.data;
      const asOf = new Date();
      const em = options.database.fork();
      const visible = (await auditVisibility(em, auditScope(user.role, user.id))) ?? { id: null };
      const where = () => auditCondition(em, visible, { ...filter, to: filter.to && filter.to < asOf ? filter.to : asOf });
      const total = await countAuditEvents(em, where());
      const truncated = total > maxRows;
      // Taking the trail out of the platform is itself on the trail.
      recordAudit(em, {
        actor: { id: user.id, label: `${user.email} (${user.role})` },
        action: 'audit_exported',
        entityType: 'user',
        entityId: user.id,
        after: { filter: JSON.parse(JSON.stringify(filter)) as Record<string, unknown>, order, rows: Math.min(total, maxRows), total },
        requestId: String(req.id ?? '') || null,
      });
      await em.flush();

      res.status(200);
      res.setHeader('content-type', 'text/csv; charset=utf-8');
      res.setHeader('content-disposition', `attachment; filename="audit-events-${asOf.toISOString().slice(0, 19).replace(/:/g, '')}Z.csv"`);
      res.setHeader('cache-control', 'no-store');
      res.setHeader('x-total-count', String(total));
      res.setHeader('x-export-max-rows', String(maxRows));
      res.setHeader('x-export-truncated', String(truncated));
      if (!(await send(res, `\uFEFF${csv([COLUMNS])}`))) return;
      try {
        await forEachAuditBatch(em, where, { order, maxRows, batchSize }, async (events) => {
          const brandNames = await brandNamesById(em.fork(), events.map((event) => event.brandId));
          return send(res, csv(events.map((event) => rowOf(event, brandNames))));
        });
      } catch (error) {
        // The header is out: a cut connection is the only honest way to say the file is incomplete.
        options.logger.error({ err: error }, 'audit export failed midway');
        res.destroy(error as Error);
        return;
      }
      if (truncated) {
        await send(res, `# Truncated: the first ${maxRows} of ${total} matching events; narrow the filters (e.g. the dates) to export the rest.\r\n`);
      }
      res.end();
    } catch (error) {
      sendError(res, error, options.logger);
    }
  };
}
