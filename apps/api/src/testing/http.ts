import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { createApp, type AppOptions } from '../app';
import { BulkJobRunner } from '../services/bulk-notices';
import type { DatabaseKind } from '@jf/db';
import { createApiTestBed, TEST_SESSION_POLICY, type ApiTestBed } from './index';

/** The whole HTTP app over the test bed's database, listening on a loopback port of its own; `options` override the defaults. */
export async function startTestServer(bed: ApiTestBed, options: Partial<AppOptions> = {}): Promise<{ base: string; close(): void }> {
  const logger = options.logger ?? pino({ level: 'silent' });
  const app = createApp({
    database: bed.database,
    logger,
    sessionPolicy: TEST_SESSION_POLICY,
    cookieSecure: false,
    uploadDir: mkdtempSync(join(tmpdir(), 'jf-test-uploads-')),
    bulkRunner: new BulkJobRunner(bed.database, logger),
    ...options,
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}

export interface MarketplaceTestBed {
  bed: ApiTestBed;
  base: string;
  /** A Taobao marketplace key allowed to file counter-notices. */
  secret: string;
  close(): Promise<void>;
}

/** A test bed, its HTTP app, and a marketplace key: what the marketplace endpoint's tests need. */
export async function startMarketplaceTestBed(kind: DatabaseKind, keyName: string): Promise<MarketplaceTestBed> {
  const bed = await createApiTestBed(kind);
  const server = await startTestServer(bed);
  const { secret } = await bed.callerFor(bed.world.staff.platform_admin).admin.apiKeys.createMarketplaceKey({ marketplaceCode: 'taobao', name: keyName });
  return {
    bed,
    base: server.base,
    secret,
    close: async () => {
      server.close();
      await bed.destroy();
    },
  };
}
