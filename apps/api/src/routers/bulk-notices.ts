import { idSchema, notFound } from '@jf/domain';
import { findBrandBulkJob, listBrandBulkJobs, type BulkJob } from '@jf/db';
import { z } from 'zod';
import { brandScopedProcedure } from '../trpc/init';

/** A bulk job's progress, for the portal and (its fields that the contract names) for the REST API. */
export function presentBulkJob(job: BulkJob) {
  return {
    id: job.id,
    state: job.state,
    rowsTotal: job.rowsTotal,
    rowsProcessed: job.rowsProcessed,
    rowsAccepted: job.rowsAccepted,
    rowsRejected: job.rowsRejected,
    noticeId: job.notice,
    failureReason: job.failureReason,
    createdAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}

export const bulkNoticesRouter = {
  status: brandScopedProcedure()
    .input(z.object({ jobId: idSchema }))
    .query(async ({ ctx, input }) => {
      const job = await findBrandBulkJob(ctx.em, ctx.brandId, input.jobId);
      if (!job) throw notFound('Bulk notice');
      return presentBulkJob(job);
    }),

  list: brandScopedProcedure().query(async ({ ctx }) =>
    (await listBrandBulkJobs(ctx.em, ctx.brandId)).map((job) => ({ ...presentBulkJob(job), fileName: job.document.fileName })),
  ),
};
