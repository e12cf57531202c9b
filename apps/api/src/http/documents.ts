import { createReadStream } from 'node:fs';
import { Router } from 'express';
import type { Logger } from 'pino';
import type { Request } from 'express';
import { canManageBrand, DomainError, isBrandRole, mayReadDocument } from '@jf/domain';
import { Document, findBrand, findDocumentWithAccessFacts, recordAudit, type User } from '@jf/db';
import { storeUpload } from '../services/bulk-notices';
import { sendError, sessionUser, type HttpAuthOptions } from './session-user';

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
 * name in `x-file-name`), `GET /api/documents/:id` to read one back. A brand reads only its own; staff
 * read what `mayReadDocument` allows (evidence they judge by, and the files of brands whose correspondence
 * they read). A brand's account manager (or a platform admin) uploads for the brand
 * named in `x-brand-id`, e.g. to attach a file to a message.
 */
export function documentRoutes(options: HttpAuthOptions & { uploadDir: string; logger: Logger }): Router {
  const routes = Router();

  routes.post('/', async (req, res) => {
    try {
      const user = await sessionUser(req, options, true);
      const brandId = await uploadBrandOf(req, user, options);
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
        brand: brandId,
        fileName: String(req.header('x-file-name') ?? `evidence.${extension}`).slice(0, 255),
        contentType,
        sizeBytes: stored.sizeBytes,
        sha256: stored.sha256,
        storagePath: stored.path,
        uploadedBy: user.id,
      });
      recordAudit(em, { actor: { id: user.id, label: `${user.email} (${user.role})` }, action: 'document_uploaded', entityType: 'document', entityId: document.id, brandId, after: { fileName: document.fileName, sizeBytes: stored.sizeBytes } });
      await em.flush();
      res.status(201).json({ id: document.id, fileName: document.fileName, contentType, sizeBytes: stored.sizeBytes });
    } catch (error) {
      sendError(res, error, options.logger);
    }
  });

  routes.get('/:id', async (req, res) => {
    try {
      const user = await sessionUser(req, options, false);
      const found = /^[0-9a-f-]{36}$/i.test(req.params.id) ? await findDocumentWithAccessFacts(options.database.fork(), req.params.id) : null;
      const reader = { role: user.role, userId: user.id, brandId: user.brand?.id ?? null };
      // A file the reader may not see is answered like an unknown one: its existence is not told.
      if (!found || !mayReadDocument(reader, { brandId: found.document.brand.id, brandAccountManagerId: found.brandAccountManagerId, citedAsEvidence: found.citedAsEvidence })) {
        throw new DomainError('not_found', 'Document not found');
      }
      const { document } = found;
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

/** The brand an upload belongs to: a brand user's own, or the one a managing staff member names. */
async function uploadBrandOf(req: Request, user: User, options: HttpAuthOptions): Promise<string> {
  if (isBrandRole(user.role)) {
    if (!user.brand) throw new DomainError('forbidden', 'Only brand users can do this');
    return user.brand.id;
  }
  const named = req.header('x-brand-id') ?? '';
  if (!/^[0-9a-f-]{36}$/i.test(named)) {
    throw new DomainError('validation', 'x-brand-id: staff uploads must name the brand they are for', { 'x-brand-id': ['must be the id of the brand the file is for'] });
  }
  const brand = await findBrand(options.database.fork(), named);
  if (!brand) throw new DomainError('not_found', 'Brand not found');
  if (!canManageBrand(user.role, user.id, brand.accountManager?.id ?? null)) {
    throw new DomainError('forbidden', 'Only the brand’s account manager or a platform admin can upload files for it');
  }
  return brand.id;
}
