import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';
import type { Logger } from 'pino';
import {
  BULK_MAX_BYTES,
  BULK_MAX_ROWS,
  DomainError,
  invalidInput,
  noticePathFor,
  parseListingReference,
  rightProblem,
  testBuyProblem,
  type BulkNoticeMetaInput,
  type FieldIssues,
} from '@jf/domain';
import {
  Brand,
  BulkJob,
  Document,
  findBrandIpRight,
  findBulkJobByKey,
  noticeCandidatesByReference,
  Notice,
  recordAudit,
  recordBulkJobErrors,
  unfinishedBulkJobs,
  type Database,
  type EntityManager,
  type NoticeCandidate,
} from '@jf/db';
import { fileItems, screen } from './notice-filing';

const BATCH_ROWS = 500;
const LISTING_COLUMNS = 'a `listing` column (URL or marketplace:id) or `marketplace` and `listing_id` columns';

/** A file that cannot be processed at all; nothing of it is stored. */
export class BulkFileError extends DomainError {
  constructor(message: string) {
    super('validation', message, { file: [message] });
  }
}

type CsvRecord = Record<string, string>;

function csvParser() {
  return parse({ columns: (header: string[]) => header.map((name) => name.trim().toLowerCase()), bom: true, skip_empty_lines: true, trim: true, relax_column_count: true });
}

function referenceOf(record: CsvRecord): string | null {
  if (record.listing) return record.listing;
  if (record.marketplace && record.listing_id) return `${record.marketplace}:${record.listing_id}`;
  return null;
}

/** Rejects bytes that are not UTF-8 as they stream past, instead of decoding them into replacement characters. */
function utf8Guard(): Transform {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      try {
        decoder.decode(chunk, { stream: true });
        done(null, chunk);
      } catch {
        done(new BulkFileError('The file is not UTF-8 text; save it as “CSV UTF-8” and upload it again'));
      }
    },
  });
}

/**
 * Reads the whole file once before anything is stored: encoding, CSV syntax, the listing columns and
 * the row limit. Returns the number of data rows.
 */
export async function inspectCsv(path: string): Promise<number> {
  let rows = 0;
  let header: string[] | null = null;
  const parser = csvParser();
  parser.on('data', (record: CsvRecord) => {
    header ??= Object.keys(record);
    rows += 1;
    if (rows > BULK_MAX_ROWS) parser.destroy(new BulkFileError(`The file has more than ${BULK_MAX_ROWS.toLocaleString('en')} rows; split it`));
  });
  try {
    await pipeline(createReadStream(path), utf8Guard(), parser);
  } catch (error) {
    if (error instanceof BulkFileError) throw error;
    const line = (error as { lines?: number }).lines;
    throw new BulkFileError(`The file is not valid CSV${line ? ` (line ${line})` : ''}: ${(error as Error).message}`);
  }
  if (rows === 0) throw new BulkFileError('The file has no rows: it needs a header line and at least one listing');
  const columns: string[] = header ?? [];
  if (!columns.includes('listing') && !(columns.includes('marketplace') && columns.includes('listing_id'))) {
    throw new BulkFileError(`The header must have ${LISTING_COLUMNS}; found: ${columns.join(', ') || 'nothing'}`);
  }
  return rows;
}

/** Streams an upload to disk while hashing it, refusing files over the size limit; the file is named by its hash. */
export async function storeUpload(
  body: Readable,
  uploadDir: string,
  { maxBytes = BULK_MAX_BYTES, extension = 'csv' }: { maxBytes?: number; extension?: string } = {},
): Promise<{ path: string; sha256: string; sizeBytes: number }> {
  mkdirSync(uploadDir, { recursive: true });
  const temporary = join(uploadDir, `upload-${randomUUID()}.tmp`);
  const hash = createHash('sha256');
  let sizeBytes = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      sizeBytes += chunk.length;
      if (sizeBytes > maxBytes) return done(new BulkFileError(`The file is larger than ${maxBytes / 1024 / 1024} MB`));
      hash.update(chunk);
      done(null, chunk);
    },
  });
  try {
    await pipeline(body, meter, createWriteStream(temporary));
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
  if (sizeBytes === 0) {
    rmSync(temporary, { force: true });
    throw new BulkFileError('The file is empty');
  }
  const sha256 = hash.digest('hex');
  const path = join(uploadDir, `${sha256}.${extension}`);
  renameSync(temporary, path);
  return { path, sha256, sizeBytes };
}

export interface AcceptedUpload {
  jobId: string;
  replayed: boolean;
}

/**
 * Registers a bulk notice: the same file from the same brand is one job (its SHA-256 is the idempotency
 * key). The metadata and the whole file are checked before the job exists, so a bad upload stores nothing.
 */
/** Who files a bulk notice: a brand user in the portal, or a key over the integration API. */
export interface BulkSubmitter {
  brandId: string;
  userId: string | null;
  actor: { id: string | null; label: string };
  /** The job's idempotency key; the portal's is the file's SHA-256 (the same file twice is one job). */
  idempotencyKey?: string;
}

export async function acceptBulkUpload(
  database: Database,
  submitter: BulkSubmitter,
  meta: BulkNoticeMetaInput,
  file: { path: string; sha256: string; sizeBytes: number; fileName: string },
): Promise<AcceptedUpload> {
  const { brandId } = submitter;
  const idempotencyKey = submitter.idempotencyKey ?? file.sha256;
  const em = database.fork();
  const existing = await findBulkJobByKey(em, brandId, idempotencyKey);
  if (existing) return { jobId: existing.id, replayed: true };

  const issues: FieldIssues = {};
  const right = await findBrandIpRight(em, brandId, meta.ipRightId);
  const rightIssue = rightProblem(right && { ...right, brandId: right.brand.id }, brandId, new Date());
  if (rightIssue) issues.ipRightId = [rightIssue];
  const testBuyIssue = testBuyProblem(meta.reason, meta.testBuyOrderRef);
  if (testBuyIssue) issues.testBuyOrderRef = [testBuyIssue];
  if (Object.keys(issues).length) {
    throw invalidInput('The bulk notice was not accepted', issues);
  }
  const rows = await inspectCsv(file.path);

  return em.transactional(async (tx) => {
    const document = tx.create(Document, { brand: brandId, fileName: file.fileName.slice(0, 255), contentType: 'text/csv', sizeBytes: file.sizeBytes, sha256: file.sha256, storagePath: file.path, uploadedBy: submitter.userId });
    const job = tx.create(BulkJob, {
      brand: brandId,
      submittedBy: submitter.userId,
      idempotencyKey,
      document,
      ipRight: meta.ipRightId,
      reason: meta.reason,
      evidence: meta.evidence,
      testBuyOrderRef: meta.testBuyOrderRef ?? null,
      rowsTotal: rows,
    });
    recordAudit(tx, { actor: submitter.actor, action: 'bulk_notice_accepted', entityType: 'bulk_job', entityId: job.id, brandId, after: { rows, sha256: file.sha256 } });
    return { jobId: job.id, replayed: false };
  });
}

/**
 * Works through a job from where it stopped. Each batch of rows — its items, removals, outbox commands
 * and the job's counters — commits in one transaction, so a killed process resumes at `rowsProcessed`
 * and never files a row twice.
 */
export async function processBulkJob(database: Database, jobId: string, log: Pick<Logger, 'info' | 'error'>, batchPauseMs = 0): Promise<void> {
  const em = database.fork();
  const job = await em.findOneOrFail(BulkJob, jobId, { populate: ['document'] });
  if (job.state === 'completed' || job.state === 'failed') return;
  job.state = 'running';
  await em.flush();

  const alreadyDone = job.rowsProcessed;
  let rowNumber = 0;
  let batch: { row: number; record: CsvRecord }[] = [];
  const flushBatch = async () => {
    if (batch.length) await fileBatch(database, job.id, batch);
    batch = [];
    if (batchPauseMs > 0) await new Promise((resolve) => setTimeout(resolve, batchPauseMs));
  };
  try {
    const parser = createReadStream(job.document.storagePath).pipe(csvParser());
    for await (const record of parser as AsyncIterable<CsvRecord>) {
      rowNumber += 1;
      if (rowNumber <= alreadyDone) continue;
      batch.push({ row: rowNumber, record });
      if (batch.length >= BATCH_ROWS) await flushBatch();
    }
    await flushBatch();
    await database.fork().nativeUpdate(BulkJob, { id: job.id }, { state: 'completed', finishedAt: new Date() });
    log.info({ jobId, rows: rowNumber }, 'bulk notice completed');
  } catch (error) {
    if (error instanceof BulkJobTakenOver) {
      log.info({ jobId }, error.message);
      return;
    }
    log.error({ err: error, jobId }, 'bulk notice failed');
    await database.fork().nativeUpdate(BulkJob, { id: job.id }, { state: 'failed', failureReason: (error as Error).message.slice(0, 2000), finishedAt: new Date() });
  }
}

/** Another process is filing this job's rows; this one stops. */
class BulkJobTakenOver extends Error {
  constructor(jobId: string) {
    super(`bulk notice ${jobId} is being processed elsewhere`);
  }
}

async function fileBatch(database: Database, jobId: string, batch: { row: number; record: CsvRecord }[]): Promise<void> {
  const expectedProcessed = batch[0]!.row - 1;
  await database.fork().transactional(async (em: EntityManager) => {
    const job = await em.findOneOrFail(BulkJob, jobId);
    if (job.rowsProcessed !== expectedProcessed) throw new BulkJobTakenOver(jobId);
    const brand = await em.findOneOrFail(Brand, job.brand.id);
    const errors: { row: number; message: string }[] = [];
    const refs = batch.map(({ row, record }) => {
      const text = referenceOf(record);
      const ref = text ? parseListingReference(text) : null;
      if (!ref) errors.push({ row, message: text ? `"${text}" is not a listing URL or marketplace:listing-id pair` : 'the listing is missing' });
      return { row, text, ref };
    });
    const found = await noticeCandidatesByReference(em, refs.flatMap(({ ref }) => (ref ? [ref] : [])));
    const byKey = new Map(found.map((listing) => [`${listing.marketplace}:${listing.externalId}`, listing]));
    const accepted = new Map<string, NoticeCandidate>();
    for (const { row, text, ref } of refs) {
      if (!ref) continue;
      const listing = byKey.get(`${ref.marketplace}:${ref.externalId}`) ?? null;
      const problem = listing && accepted.has(listing.id) ? 'appears twice in this file' : screen(listing).problem;
      if (problem) errors.push({ row, message: `${text} ${problem}` });
      else accepted.set(listing!.id, listing!);
    }

    let notice = job.notice ? await em.findOneOrFail(Notice, job.notice) : null;
    if (!notice && accepted.size > 0) {
      notice = em.create(Notice, {
        brand,
        submittedBy: job.submittedBy,
        ipRight: job.ipRight,
        reason: job.reason as Notice['reason'],
        evidence: job.evidence,
        testBuyOrderRef: job.testBuyOrderRef,
        path: noticePathFor(brand.gftStatus),
        idempotencyKey: `bulk:${job.id}`,
        itemCount: 0,
        submittedAt: new Date(),
      });
    }
    if (notice) {
      notice.itemCount += accepted.size;
      await em.flush();
      await fileItems(em, { id: notice.id, brandId: brand.id, path: notice.path }, [...accepted.values()], new Date());
    }
    await recordBulkJobErrors(em, job.id, errors.map(({ row, message }) => ({ row, column: 'listing', message })));
    await em.flush();
    // Compare-and-set on the progress counter: if another process filed these rows first, this
    // transaction finds no row to update and rolls back everything it wrote.
    const advanced = await em.nativeUpdate(
      BulkJob,
      { id: job.id, rowsProcessed: expectedProcessed },
      {
        rowsProcessed: expectedProcessed + batch.length,
        rowsAccepted: job.rowsAccepted + accepted.size,
        rowsRejected: job.rowsRejected + batch.length - accepted.size,
        notice: notice?.id ?? null,
        updatedAt: new Date(),
      },
    );
    if (advanced !== 1) throw new BulkJobTakenOver(job.id);
  });
}

/** Runs bulk jobs one at a time in this process, and picks up the ones a previous process left unfinished. */
export class BulkJobRunner {
  private queue: Promise<void> = Promise.resolve();

  /** `batchPauseMs` leaves the database to interactive requests between batches (useful on SQLite's single writer). */
  constructor(
    private readonly database: Database,
    private readonly log: Pick<Logger, 'info' | 'error'>,
    private readonly batchPauseMs = 0,
  ) {}

  enqueue(jobId: string): Promise<void> {
    this.queue = this.queue.then(() => processBulkJob(this.database, jobId, this.log, this.batchPauseMs));
    return this.queue;
  }

  async resumeUnfinished(): Promise<number> {
    const jobs = await unfinishedBulkJobs(this.database.fork());
    for (const job of jobs) void this.enqueue(job.id);
    return jobs.length;
  }

  idle(): Promise<void> {
    return this.queue;
  }
}
