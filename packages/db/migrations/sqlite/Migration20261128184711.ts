// Written by hand: MikroORM's SQLite diff proposes rebuilding every table, so only the real change is kept.
import { Migration } from '@mikro-orm/migrations';

export class Migration20261128184711 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table \`detection_decisions\` (\`id\` text not null, \`listing_id\` text not null, \`brand_id\` text null, \`scan_id\` text null, \`model_version\` integer not null, \`score\` double not null, \`decision\` text check (\`decision\` in ('remove', 'ask', 'none', 'allowlisted')) not null, \`dry_run\` integer not null, \`created_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create index \`detection_decisions_created_at_index\` on \`detection_decisions\` (\`created_at\`);`);
    this.addSql(`create index \`detection_decisions_scan_id_index\` on \`detection_decisions\` (\`scan_id\`);`);
    this.addSql(`create index \`detection_decisions_listing_id_index\` on \`detection_decisions\` (\`listing_id\`);`);
    this.addSql(`create table \`detection_scans\` (\`id\` text not null, \`state\` text check (\`state\` in ('running', 'completed', 'failed', 'cancelled')) not null default 'running', \`dry_run\` integer not null, \`model_version\` integer not null, \`total\` integer not null, \`processed\` integer not null default 0, \`removed\` integer not null default 0, \`asked\` integer not null default 0, \`allowlisted\` integer not null default 0, \`cursor\` text null, \`started_by_id\` text null, \`started_at\` datetime not null, \`heartbeat_at\` datetime null, \`finished_at\` datetime null, \`error\` text null, constraint \`detection_scans_started_by_id_foreign\` foreign key(\`started_by_id\`) references \`users\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`detection_scans_started_by_id_index\` on \`detection_scans\` (\`started_by_id\`);`);
    this.addSql(`create index \`detection_scans_state_started_at_index\` on \`detection_scans\` (\`state\`, \`started_at\`);`);
    this.addSql(`create table \`detection_labels\` (\`id\` text not null, \`listing_id\` text not null, \`brand_id\` text null, \`counterfeit\` integer not null, \`source\` text check (\`source\` in ('authentication', 'gft_audit', 'review', 'appeal')) not null, \`source_id\` text not null, \`features\` json not null, \`created_at\` datetime not null, constraint \`detection_labels_listing_id_foreign\` foreign key(\`listing_id\`) references \`listings\`(\`id\`) on delete cascade on update cascade, constraint \`detection_labels_brand_id_foreign\` foreign key(\`brand_id\`) references \`brands\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`detection_labels_brand_id_index\` on \`detection_labels\` (\`brand_id\`);`);
    this.addSql(`create index \`detection_labels_listing_id_index\` on \`detection_labels\` (\`listing_id\`);`);
    this.addSql(`create index \`detection_labels_created_at_index\` on \`detection_labels\` (\`created_at\`);`);
    this.addSql(`create unique index \`detection_labels_source_source_id_unique\` on \`detection_labels\` (\`source\`, \`source_id\`);`);
    this.addSql(`alter table \`protected_products\` add column \`reference_image_hashes\` json not null default '[]';`);
    this.addSql(`alter table \`listings\` add column \`risk_features\` json null;`);
    this.addSql(`alter table \`listings\` add column \`risk_model_version\` integer null;`);
    this.addSql(`alter table \`listings\` add column \`image_hashes\` json null;`);
    this.addSql(`create index \`listings_updated_at_id_index\` on \`listings\` (\`updated_at\`, \`id\`);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists \`detection_decisions\`;`);
    this.addSql(`drop table if exists \`detection_scans\`;`);
    this.addSql(`drop table if exists \`detection_labels\`;`);
    this.addSql(`drop index \`listings_updated_at_id_index\`;`);
    this.addSql(`alter table \`listings\` drop column \`image_hashes\`;`);
    this.addSql(`alter table \`listings\` drop column \`risk_model_version\`;`);
    this.addSql(`alter table \`listings\` drop column \`risk_features\`;`);
    this.addSql(`alter table \`protected_products\` drop column \`reference_image_hashes\`;`);
  }
}
