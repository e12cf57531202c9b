import type { EntityManager } from '@mikro-orm/core';
import { PostgreSqlPlatform } from '@mikro-orm/postgresql';
import { Document } from '../entities';
import { selectRows } from './sql';

/** A document together with what decides who may read it (`mayReadDocument` in the domain). */
export interface DocumentWithAccessFacts {
  document: Document;
  brandAccountManagerId: string | null;
  citedAsEvidence: boolean;
}

/**
 * A document and its access facts: its brand's account manager, and whether an IP right, an appeal or a
 * protected product of the same brand cites it as evidence (`/api/documents/<id>` for product images).
 * Citations are looked up within the document's brand only, so another brand's row cannot make a file
 * readable. Null when the id is unknown.
 */
export async function findDocumentWithAccessFacts(em: EntityManager, id: string): Promise<DocumentWithAccessFacts | null> {
  const document = await em.findOne(Document, { id }, { populate: ['brand'] });
  if (!document) return null;
  const brandId = document.brand.id;
  const postgres = em.getPlatform() instanceof PostgreSqlPlatform;
  const inJsonArray = (column: string) => (postgres ? `${column} @> ?::jsonb` : `exists (select 1 from json_each(${column}) where value = ?)`);
  const asJson = (value: string) => (postgres ? JSON.stringify([value]) : value);
  const rows = await selectRows<{ cited: number }>(
    em,
    `select 1 as cited from ip_rights where brand_id = ? and evidence_document = ?
     union all select 1 from appeals where brand_id = ? and ${inJsonArray('brand_evidence')}
     union all select 1 from protected_products where brand_id = ? and ${inJsonArray('reference_images')}
     limit 1`,
    [brandId, id, brandId, asJson(id), brandId, asJson(`/api/documents/${id}`)],
  );
  return { document, brandAccountManagerId: document.brand.accountManager?.id ?? null, citedAsEvidence: rows.length > 0 };
}
