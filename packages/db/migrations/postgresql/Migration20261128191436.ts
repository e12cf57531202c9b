// The triggers and the backfill come from the rollups module (src/rollups/sql.ts), as it stood for this migration.
import { Migration } from '@mikro-orm/migrations';
import { createRollupTriggers, dropRollupTriggers, FIRST_ROLLUP_TABLES, rebuildRollupStatements } from '../../src/rollups/sql';

export class Migration20261128191436 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "rollup_appeals" ("brand_id" varchar(36) not null, "day" varchar(10) not null, "marketplace_code" varchar(20) not null, "created" int not null default 0, "reinstated" int not null default 0, "upheld" int not null default 0, constraint "rollup_appeals_pkey" primary key ("brand_id", "day", "marketplace_code"));`);

    this.addSql(`create table "rollup_auth_requests" ("brand_id" varchar(36) not null, "day" varchar(10) not null, "marketplace_code" varchar(20) not null, "created" int not null default 0, "answered" int not null default 0, "expired" int not null default 0, "counterfeit" int not null default 0, "genuine" int not null default 0, "unsure" int not null default 0, constraint "rollup_auth_requests_pkey" primary key ("brand_id", "day", "marketplace_code"));`);

    this.addSql(`create table "rollup_auth_response" ("brand_id" varchar(36) not null, "day" varchar(10) not null, "marketplace_code" varchar(20) not null, "bucket" int not null, "n" int not null default 0, constraint "rollup_auth_response_pkey" primary key ("brand_id", "day", "marketplace_code", "bucket"));`);

    this.addSql(`create table "rollup_brand_removals" ("brand_id" varchar(36) not null, "day" varchar(10) not null, "source" varchar(20) not null, "marketplace_code" varchar(20) not null, "reason" varchar(20) not null, "requested" int not null default 0, "acknowledged" int not null default 0, "reinstated" int not null default 0, constraint "rollup_brand_removals_pkey" primary key ("brand_id", "day", "source", "marketplace_code", "reason"));`);

    this.addSql(`create table "rollup_brand_turnaround" ("brand_id" varchar(36) not null, "day" varchar(10) not null, "source" varchar(20) not null, "marketplace_code" varchar(20) not null, "reason" varchar(20) not null, "bucket" int not null, "n" int not null default 0, constraint "rollup_brand_turnaround_pkey" primary key ("brand_id", "day", "source", "marketplace_code", "reason", "bucket"));`);

    this.addSql(`create table "rollup_removals" ("day" varchar(10) not null, "source" varchar(20) not null, "marketplace_code" varchar(20) not null, "reason" varchar(20) not null, "requested" int not null default 0, "acknowledged" int not null default 0, "reinstated" int not null default 0, constraint "rollup_removals_pkey" primary key ("day", "source", "marketplace_code", "reason"));`);

    this.addSql(`create table "rollup_platform_turnaround" ("day" varchar(10) not null, "source" varchar(20) not null, "bucket" int not null, "n" int not null default 0, constraint "rollup_platform_turnaround_pkey" primary key ("day", "source", "bucket"));`);

    this.addSql(`create table "rollup_turnaround" ("day" varchar(10) not null, "source" varchar(20) not null, "marketplace_code" varchar(20) not null, "reason" varchar(20) not null, "bucket" int not null, "n" int not null default 0, constraint "rollup_turnaround_pkey" primary key ("day", "source", "marketplace_code", "reason", "bucket"));`);
    for (const statement of rebuildRollupStatements('postgresql', FIRST_ROLLUP_TABLES)) this.addSql(`${statement};`);
    for (const statement of createRollupTriggers('postgresql', FIRST_ROLLUP_TABLES)) this.addSql(`${statement};`);
  }

  override async down(): Promise<void> {
    for (const statement of dropRollupTriggers('postgresql')) this.addSql(`${statement};`);
    this.addSql(`drop table if exists "rollup_appeals" cascade;`);

    this.addSql(`drop table if exists "rollup_auth_requests" cascade;`);

    this.addSql(`drop table if exists "rollup_auth_response" cascade;`);

    this.addSql(`drop table if exists "rollup_brand_removals" cascade;`);

    this.addSql(`drop table if exists "rollup_brand_turnaround" cascade;`);

    this.addSql(`drop table if exists "rollup_removals" cascade;`);

    this.addSql(`drop table if exists "rollup_turnaround" cascade;`);
    this.addSql(`drop table if exists "rollup_platform_turnaround" cascade;`);
  }

}
