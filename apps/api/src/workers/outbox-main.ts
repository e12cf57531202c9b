/**
 * The outbox dispatcher as its own process (`tsx apps/api/src/workers/outbox-main.ts`), for
 * deployments that run the API with JF_WORKERS=none and scale workers separately. Several may run
 * against one PostgreSQL database: claims are leased with `for update skip locked`. (On SQLite, run it
 * inside the API: two writing processes collide on the database lock.)
 */
import { defaultWorkerId, startOutboxDispatcher } from './outbox-dispatcher';
import { runWorkerProcess } from './worker-process';

const workerId = defaultWorkerId();
await runWorkerProcess('outbox', ({ database, logger, env }) => startOutboxDispatcher({ database, logger, workerId, webhookSecret: env.MARKETPLACE_WEBHOOK_SECRET }), { workerId });
