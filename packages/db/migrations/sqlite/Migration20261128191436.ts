// Written by hand: MikroORM's SQLite diff proposes rebuilding every table, so only the real change is kept.
// The triggers and the backfill come from the rollups module (src/rollups/sql.ts), as it stood for this migration.
import { Migration } from '@mikro-orm/migrations';
import { createRollupTriggers, dropRollupTriggers, FIRST_ROLLUP_TABLES, rebuildRollupStatements } from '../../src/rollups/sql';

export class Migration20261128191436 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table \`rollup_appeals\` (\`brand_id\` text not null, \`day\` text not null, \`marketplace_code\` text not null, \`created\` integer not null default 0, \`reinstated\` integer not null default 0, \`upheld\` integer not null default 0, primary key (\`brand_id\`, \`day\`, \`marketplace_code\`));`);
    this.addSql(`create table \`rollup_auth_requests\` (\`brand_id\` text not null, \`day\` text not null, \`marketplace_code\` text not null, \`created\` integer not null default 0, \`answered\` integer not null default 0, \`expired\` integer not null default 0, \`counterfeit\` integer not null default 0, \`genuine\` integer not null default 0, \`unsure\` integer not null default 0, primary key (\`brand_id\`, \`day\`, \`marketplace_code\`));`);
    this.addSql(`create table \`rollup_auth_response\` (\`brand_id\` text not null, \`day\` text not null, \`marketplace_code\` text not null, \`bucket\` integer not null, \`n\` integer not null default 0, primary key (\`brand_id\`, \`day\`, \`marketplace_code\`, \`bucket\`));`);
    this.addSql(`create table \`rollup_brand_removals\` (\`brand_id\` text not null, \`day\` text not null, \`source\` text not null, \`marketplace_code\` text not null, \`reason\` text not null, \`requested\` integer not null default 0, \`acknowledged\` integer not null default 0, \`reinstated\` integer not null default 0, primary key (\`brand_id\`, \`day\`, \`source\`, \`marketplace_code\`, \`reason\`));`);
    this.addSql(`create table \`rollup_brand_turnaround\` (\`brand_id\` text not null, \`day\` text not null, \`source\` text not null, \`marketplace_code\` text not null, \`reason\` text not null, \`bucket\` integer not null, \`n\` integer not null default 0, primary key (\`brand_id\`, \`day\`, \`source\`, \`marketplace_code\`, \`reason\`, \`bucket\`));`);
    this.addSql(`create table \`rollup_removals\` (\`day\` text not null, \`source\` text not null, \`marketplace_code\` text not null, \`reason\` text not null, \`requested\` integer not null default 0, \`acknowledged\` integer not null default 0, \`reinstated\` integer not null default 0, primary key (\`day\`, \`source\`, \`marketplace_code\`, \`reason\`));`);
    this.addSql(`create table \`rollup_platform_turnaround\` (\`day\` text not null, \`source\` text not null, \`bucket\` integer not null, \`n\` integer not null default 0, primary key (\`day\`, \`source\`, \`bucket\`));`);
    this.addSql(`create table \`rollup_turnaround\` (\`day\` text not null, \`source\` text not null, \`marketplace_code\` text not null, \`reason\` text not null, \`bucket\` integer not null, \`n\` integer not null default 0, primary key (\`day\`, \`source\`, \`marketplace_code\`, \`reason\`, \`bucket\`));`);
    for (const statement of rebuildRollupStatements('sqlite', FIRST_ROLLUP_TABLES)) this.addSql(`${statement};`);
    for (const statement of createRollupTriggers('sqlite', FIRST_ROLLUP_TABLES)) this.addSql(`${statement};`);
  }

  override async down(): Promise<void> {
    for (const statement of dropRollupTriggers('sqlite')) this.addSql(`${statement};`);
    this.addSql(`drop table if exists \`rollup_appeals\`;`);
    this.addSql(`drop table if exists \`rollup_auth_requests\`;`);
    this.addSql(`drop table if exists \`rollup_auth_response\`;`);
    this.addSql(`drop table if exists \`rollup_brand_removals\`;`);
    this.addSql(`drop table if exists \`rollup_brand_turnaround\`;`);
    this.addSql(`drop table if exists \`rollup_removals\`;`);
    this.addSql(`drop table if exists \`rollup_turnaround\`;`);
    this.addSql(`drop table if exists \`rollup_platform_turnaround\`;`);
  }
}
