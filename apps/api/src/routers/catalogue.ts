import {
  createProductInput,
  documentPath,
  DomainError,
  idSchema,
  invalidInput,
  mergeNotificationPreferences,
  NOTIFICATION_KINDS,
  REFERENCE_IMAGE_TYPES,
  registerIpRightInput,
  resolveNotificationPreferences,
  updateNotificationPreferencesInput,
  wantsNotification,
  type FieldIssues,
} from '@jf/domain';
import { brandIpRights, brandProducts, findDocument, IpRight, Notification, ProtectedProduct, User, type Document } from '@jf/db';
import { referenceImageHashes } from '../services/reference-images';
import { presentIpRight } from './presenters';
import { z } from 'zod';
import { audit, authedProcedure, brandScopedProcedure } from '../trpc/init';

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export const ipRightsRouter = {
  list: brandScopedProcedure().query(async ({ ctx }) =>
    (await brandIpRights(ctx.em, ctx.brandId)).map(presentIpRight),
  ),

  /** Registers a right for verification; it can be cited once an account manager verifies it. */
  register: brandScopedProcedure('brand_admin')
    .input(registerIpRightInput)
    .mutation(async ({ ctx, input }) => {
      if (input.validUntil <= new Date()) {
        throw new DomainError('validation', 'validUntil: the right has already expired', { validUntil: ['is in the past: the right has already expired'] });
      }
      if (input.evidenceDocumentId && !(await findDocument(ctx.em, input.evidenceDocumentId, ctx.brandId))) {
        throw new DomainError('validation', 'evidenceDocumentId: upload the evidence first; this document is unknown', {
          evidenceDocumentId: ['is not a document you uploaded'],
        });
      }
      const right = ctx.em.create(IpRight, {
        brand: ctx.brandId,
        kind: input.kind,
        registrationNumber: input.registrationNumber,
        jurisdiction: input.jurisdiction,
        classes: input.classes,
        validFrom: input.validFrom,
        validUntil: input.validUntil,
        evidenceDocument: input.evidenceDocumentId ?? null,
      });
      await ctx.em.flush();
      audit(ctx, { action: 'ip_right_registered', entityType: 'ip_right', entityId: right.id, brandId: ctx.brandId, after: { kind: right.kind, registrationNumber: right.registrationNumber } });
      return { id: right.id, status: right.status };
    }),
};

export const productsRouter = {
  list: brandScopedProcedure().query(async ({ ctx }) =>
    (await brandProducts(ctx.em, ctx.brandId)).map((product) => ({
      id: product.id,
      name: product.name,
      keywords: product.keywords,
      msrpCents: product.msrpCents,
      currency: product.currency,
      category: product.category,
      referenceImages: product.referenceImages,
      /** How many reference photos detection can compare listing images with. */
      hashedImages: product.referenceImageHashes.length,
    })),
  ),

  create: brandScopedProcedure('brand_admin')
    .input(createProductInput)
    .mutation(async ({ ctx, input }) => {
      const { referenceImageIds, ...fields } = input;
      const issues: FieldIssues = {};
      const images: Document[] = [];
      for (const [index, id] of referenceImageIds.entries()) {
        const document = await findDocument(ctx.em, id, ctx.brandId);
        if (!document) issues[`referenceImageIds.${index}`] = ['is not a document you uploaded'];
        else if (!(REFERENCE_IMAGE_TYPES as readonly string[]).includes(document.contentType)) issues[`referenceImageIds.${index}`] = [`is a ${document.contentType} file, not a PNG, JPEG or WebP image`];
        else images.push(document);
      }
      if (Object.keys(issues).length > 0) {
        throw invalidInput('The product was not added', issues);
      }
      const product = ctx.em.create(ProtectedProduct, {
        ...fields,
        brand: ctx.brandId,
        referenceImages: [...new Set(referenceImageIds)].map(documentPath),
        referenceImageHashes: await referenceImageHashes(images),
      });
      await ctx.em.flush();
      audit(ctx, { action: 'product_created', entityType: 'protected_product', entityId: product.id, brandId: ctx.brandId, after: { name: product.name } });
      return { id: product.id };
    }),
};

export const notificationsRouter = {
  /** The brand's notifications of the kinds the user wants in the app (staff-only ones excluded). */
  list: brandScopedProcedure().query(async ({ ctx }) => {
    const preferences = resolveNotificationPreferences(ctx.user.notificationPreferences);
    const kinds = NOTIFICATION_KINDS.filter((kind) => wantsNotification(preferences, kind, 'inApp'));
    const rows = await ctx.em.find(Notification, { brand: ctx.brandId, user: null, kind: { $in: kinds } }, { orderBy: { createdAt: 'DESC', id: 'ASC' }, limit: 50 });
    return rows.map((row) => ({ id: row.id, kind: row.kind, title: row.title, body: row.body, entityType: row.entityType, entityId: row.entityId, readAt: iso(row.readAt), createdAt: row.createdAt.toISOString() }));
  }),

  markRead: brandScopedProcedure()
    .input(z.object({ ids: z.array(idSchema).min(1).max(200) }))
    .mutation(async ({ ctx, input }) => {
      const marked = await ctx.em.nativeUpdate(Notification, { id: { $in: input.ids }, brand: ctx.brandId, user: null, readAt: null }, { readAt: new Date() });
      return { marked };
    }),
};

/** Every signed-in user (brand or staff) chooses how each kind of notification reaches them. */
export const notificationPreferencesRouter = {
  get: authedProcedure.query(({ ctx }) => resolveNotificationPreferences(ctx.user.notificationPreferences)),

  update: authedProcedure.input(updateNotificationPreferencesInput).mutation(async ({ ctx, input }) => {
    const user = await ctx.em.findOneOrFail(User, ctx.user.id);
    const before = resolveNotificationPreferences(user.notificationPreferences);
    const after = mergeNotificationPreferences(user.notificationPreferences, input.preferences);
    user.notificationPreferences = after;
    audit(ctx, { action: 'notification_preferences_changed', entityType: 'user', entityId: user.id, brandId: user.brand?.id ?? null, before, after });
    return after;
  }),
};
