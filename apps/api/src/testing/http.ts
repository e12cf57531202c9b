import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { createApp } from '../app';
import { BulkJobRunner } from '../services/bulk-notices';
import { TEST_SESSION_POLICY, type ApiTestBed } from './index';

/** The whole HTTP app over the test bed's database, listening on a loopback port of its own. */
export async function startTestServer(bed: ApiTestBed): Promise<{ base: string; close(): void }> {
  const logger = pino({ level: 'silent' });
  const app = createApp({
    database: bed.database,
    logger,
    sessionPolicy: TEST_SESSION_POLICY,
    cookieSecure: false,
    uploadDir: mkdtempSync(join(tmpdir(), 'jf-test-uploads-')),
    bulkRunner: new BulkJobRunner(bed.database, logger),
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}
