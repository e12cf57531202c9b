/**
 * Listing ingestion as its own process (`tsx apps/api/src/workers/ingestion-main.ts`), for
 * deployments that run the API with JF_WORKERS=none. Run one per database: a second one is harmless
 * (each page commits with a compare-and-set on its cursor) but only repeats the first one's reads.
 */
import { startListingIngestion } from './listing-ingestion';
import { runWorkerProcess } from './worker-process';

await runWorkerProcess('listing-ingestion', ({ database, logger, env }) =>
  startListingIngestion({ database, logger, intervalMs: env.JF_INGEST_INTERVAL_MS }),
);
