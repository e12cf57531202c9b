import { EntitySchema } from '@mikro-orm/core';

/**
 * Rollup tables behind the dashboards, kept by triggers (see `rollups/sql.ts`) and read with plain SQL.
 * They are entities only so that migrations and the schema check know them; nothing writes them
 * through the ORM. `day` is the UTC day 'YYYY-MM-DD'; a brand id of '' means no brand.
 */
const key = (length: number) => ({ type: 'string', length, primary: true }) as const;
const counter = { type: 'integer', default: 0 } as const;

function rollupSchema(name: string, tableName: string, keys: Record<string, ReturnType<typeof key>>, counters: readonly string[]) {
  // A class per table: MikroORM needs one, though rows are only ever read as plain objects.
  const RollupRow = { [name]: class {} }[name]!;
  return new EntitySchema<Record<string, unknown>>({
    class: RollupRow as never,
    tableName,
    properties: { ...keys, ...Object.fromEntries(counters.map((column) => [column, counter])) } as never,
  });
}

const removalKeys = { day: key(10), source: key(20), marketplaceCode: key(20), reason: key(20) };

export const ROLLUP_SCHEMAS = [
  rollupSchema('RemovalRollup', 'rollup_removals', removalKeys, ['requested', 'acknowledged', 'reinstated']),
  rollupSchema('BrandRemovalRollup', 'rollup_brand_removals', { brandId: key(36), ...removalKeys }, ['requested', 'acknowledged', 'reinstated']),
  rollupSchema('TurnaroundRollup', 'rollup_turnaround', { ...removalKeys, bucket: { type: 'integer', primary: true } as never }, ['n']),
  rollupSchema('PlatformTurnaroundRollup', 'rollup_platform_turnaround', { day: key(10), source: key(20), bucket: { type: 'integer', primary: true } as never }, ['n']),
  rollupSchema('BrandTurnaroundRollup', 'rollup_brand_turnaround', { brandId: key(36), ...removalKeys, bucket: { type: 'integer', primary: true } as never }, ['n']),
  rollupSchema('BrandDayTurnaroundRollup', 'rollup_brand_day_turnaround', { brandId: key(36), day: key(10), source: key(20), bucket: { type: 'integer', primary: true } as never }, ['n']),
  rollupSchema('AuthRequestRollup', 'rollup_auth_requests', { brandId: key(36), day: key(10), marketplaceCode: key(20) }, ['created', 'answered', 'expired', 'counterfeit', 'genuine', 'unsure']),
  rollupSchema('AuthResponseRollup', 'rollup_auth_response', { brandId: key(36), day: key(10), marketplaceCode: key(20), bucket: { type: 'integer', primary: true } as never }, ['n']),
  rollupSchema('AppealRollup', 'rollup_appeals', { brandId: key(36), day: key(10), marketplaceCode: key(20) }, ['created', 'reinstated', 'upheld']),
];
