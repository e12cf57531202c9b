import { createReadStream } from 'node:fs';
import { Router } from 'express';
import type { Logger } from 'pino';
import { DomainError, isBrandRole } from '@jf/domain';
import { Document, findDocument, recordAudit } from '@jf/db';
import { storeUpload } from '../services/bulk-notices';
import { brandUser, sendError, sessionUser, type HttpAuthOptions } from './session-user';

/** Evidence a brand may upload: certificates and photos. The extension is fixed by type, never taken from the name. */
const EVIDENCE_TYPES: Record<string, string> = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
};
export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;

/**
 * Evidence documents: `POST /api/documents` with the raw file as the body (its type as content-type, its
 * name in `x-file-name`), `GET /api/documents/:id` to read one back. A brand reads only its own; staff,
 * who verify rights, read any.
 */
export function documentRoutes(options: HttpAuthOptions & { uploadDir: string; logger: Logger }): Router {
  const routes = Router();

  routes.post('/', async (req, res) => {
    try {
      const user = await brandUser(req, options, true);
      const contentType = (req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
      const extension = EVIDENCE_TYPES[contentType];
      if (!extension) {
        throw new DomainError('validation', `Evidence must be a PDF, PNG, JPEG or WebP file (got ${contentType || 'no type'})`, {
          file: ['must be a PDF, PNG, JPEG or WebP file'],
        });
      }
      const stored = await storeUpload(req, options.uploadDir, { maxBytes: EVIDENCE_MAX_BYTES, extension });
      const em = options.database.fork();
      const document = em.create(Document, {
        brand: user.brand!.id,
        fileName: String(req.header('x-file-name') ?? `evidence.${extension}`).slice(0, 255),
        contentType,
        sizeBytes: stored.sizeBytes,
        sha256: stored.sha256,
        storagePath: stored.path,
        uploadedBy: user.id,
      });
      recordAudit(em, { actor: { id: user.id, label: `${user.email} (${user.role})` }, action: 'document_uploaded', entityType: 'document', entityId: document.id, brandId: user.brand!.id, after: { fileName: document.fileName, sizeBytes: stored.sizeBytes } });
      await em.flush();
      res.status(201).json({ id: document.id, fileName: document.fileName, contentType, sizeBytes: stored.sizeBytes });
    } catch (error) {
      sendError(res, error, options.logger);
    }
  });

  routes.get('/:id', async (req, res) => {
    try {
      const user = await sessionUser(req, options, false);
      const brandId = isBrandRole(user.role) ? user.brand!.id : null;
      const document = /^[0-9a-f-]{36}$/i.test(req.params.id) ? await findDocument(options.database.fork(), req.params.id, brandId) : null;
      if (!document) throw new DomainError('not_found', 'Document not found');
      res.setHeader('content-type', document.contentType);
      res.setHeader('content-disposition', `attachment; filename="${document.fileName.replace(/["\\\r\n]/g, '_')}"`);
      res.setHeader('x-content-type-options', 'nosniff');
      createReadStream(document.storagePath).on('error', (error) => sendError(res, error, options.logger)).pipe(res);
    } catch (error) {
      sendError(res, error, options.logger);
    }
  });

  return routes;
}
