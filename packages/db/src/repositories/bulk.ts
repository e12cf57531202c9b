import type { EntityManager } from '@mikro-orm/core';
import { BulkJob, BulkJobError, Document } from '../entities';
import { newId } from '../entities/common';
import { insertRows } from './sql';

export const findBulkJobByKey = (em: EntityManager, brandId: string, idempotencyKey: string) => em.findOne(BulkJob, { brand: brandId, idempotencyKey });

/** Bulk jobs are addressed only together with their brand, so a foreign id finds nothing. */
export const findBrandBulkJob = (em: EntityManager, brandId: string, id: string) => em.findOne(BulkJob, { id, brand: brandId });

export const listBrandBulkJobs = (em: EntityManager, brandId: string) =>
  em.find(BulkJob, { brand: brandId }, { orderBy: { createdAt: 'DESC', id: 'ASC' }, limit: 50, populate: ['document'] });

/** Jobs a previous process accepted but did not finish: they are resumed at start. */
export const unfinishedBulkJobs = (em: EntityManager) => em.find(BulkJob, { state: { $in: ['queued', 'running'] } }, { orderBy: { createdAt: 'ASC' } });

const csvCell = (value: string) => (/[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

/** The job's rejected rows as CSV lines (`row,column,error`), in row order, read a page at a time. */
export async function* bulkJobErrorLines(em: EntityManager, jobId: string, pageSize = 5_000): AsyncGenerator<string> {
  let afterRow = 0;
  for (;;) {
    const page = await em.find(BulkJobError, { job: jobId, row: { $gt: afterRow } }, { orderBy: { row: 'ASC' }, limit: pageSize });
    if (page.length === 0) return;
    yield page.map((error) => `${error.row},${error.column},${csvCell(error.message)}\n`).join('');
    afterRow = page[page.length - 1]!.row;
    em.clear();
  }
}

/** A document by id; with a brand id, only that brand's (a foreign id finds nothing). */
export const findDocument = (em: EntityManager, id: string, brandId: string | null) =>
  em.findOne(Document, brandId ? { id, brand: brandId } : { id });

/** A batch's rejected rows in one insert. */
export async function recordBulkJobErrors(em: EntityManager, jobId: string, errors: readonly { row: number; column: string; message: string }[]): Promise<void> {
  await insertRows(em, BulkJobError, errors.map((error) => ({ id: newId(), job: jobId, ...error })));
}
