/**
 * The detection scanner as its own process (`tsx apps/api/src/workers/scanner-main.ts`), for
 * deployments that run the API with JF_WORKERS=none. Run one: a full scan's cursor is not shared
 * between scanners.
 */
import { startDetectionScanner } from './detection-scanner';
import { runWorkerProcess } from './worker-process';

await runWorkerProcess('detection-scanner', ({ database, logger }) => startDetectionScanner({ database, logger }));
