// A per-brand turnaround histogram without the marketplace and reason dimensions, which a brand's
// unfiltered chart reads (5–25× fewer rows); the trigger functions are recreated to keep it too.
import { Migration } from '@mikro-orm/migrations';
import { backfillBrandDayTurnaround, createRollupTriggers, dropRollupTriggers, FIRST_ROLLUP_TABLES } from '../../src/rollups/sql';

export class Migration20261128195600 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "rollup_brand_day_turnaround" ("brand_id" varchar(36) not null, "day" varchar(10) not null, "source" varchar(20) not null, "bucket" int not null, "n" int not null default 0, constraint "rollup_brand_day_turnaround_pkey" primary key ("brand_id", "day", "source", "bucket"));`);
    this.addSql(`${backfillBrandDayTurnaround('postgresql')};`);
    for (const statement of dropRollupTriggers('postgresql')) this.addSql(`${statement};`);
    for (const statement of createRollupTriggers('postgresql')) this.addSql(`${statement};`);
  }

  override async down(): Promise<void> {
    for (const statement of dropRollupTriggers('postgresql')) this.addSql(`${statement};`);
    this.addSql(`drop table if exists "rollup_brand_day_turnaround" cascade;`);
    for (const statement of createRollupTriggers('postgresql', FIRST_ROLLUP_TABLES)) this.addSql(`${statement};`);
  }
}
