// Written by hand: a per-brand turnaround histogram without the marketplace and reason dimensions, which
// a brand's unfiltered chart reads (5–25× fewer rows); the triggers are recreated to keep it too.
import { Migration } from '@mikro-orm/migrations';
import { backfillBrandDayTurnaround, createRollupTriggers, dropRollupTriggers, FIRST_ROLLUP_TABLES } from '../../src/rollups/sql';

export class Migration20261128195600 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table \`rollup_brand_day_turnaround\` (\`brand_id\` text not null, \`day\` text not null, \`source\` text not null, \`bucket\` integer not null, \`n\` integer not null default 0, primary key (\`brand_id\`, \`day\`, \`source\`, \`bucket\`));`);
    this.addSql(`${backfillBrandDayTurnaround('sqlite')};`);
    for (const statement of dropRollupTriggers('sqlite')) this.addSql(`${statement};`);
    for (const statement of createRollupTriggers('sqlite')) this.addSql(`${statement};`);
  }

  override async down(): Promise<void> {
    for (const statement of dropRollupTriggers('sqlite')) this.addSql(`${statement};`);
    this.addSql(`drop table if exists \`rollup_brand_day_turnaround\`;`);
    for (const statement of createRollupTriggers('sqlite', FIRST_ROLLUP_TABLES)) this.addSql(`${statement};`);
  }
}
