import { Migration } from '@mikro-orm/migrations';

export class Migration20261128184711 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "detection_decisions" ("id" uuid not null, "listing_id" uuid not null, "brand_id" uuid null, "scan_id" uuid null, "model_version" int not null, "score" double precision not null, "decision" text check ("decision" in ('remove', 'ask', 'none', 'allowlisted')) not null, "dry_run" boolean not null, "created_at" timestamptz not null, constraint "detection_decisions_pkey" primary key ("id"));`);
    this.addSql(`create index "detection_decisions_created_at_index" on "detection_decisions" ("created_at");`);
    this.addSql(`create index "detection_decisions_scan_id_index" on "detection_decisions" ("scan_id");`);
    this.addSql(`create index "detection_decisions_listing_id_index" on "detection_decisions" ("listing_id");`);

    this.addSql(`create table "detection_scans" ("id" uuid not null, "state" text check ("state" in ('running', 'completed', 'failed', 'cancelled')) not null default 'running', "dry_run" boolean not null, "model_version" int not null, "total" int not null, "processed" int not null default 0, "removed" int not null default 0, "asked" int not null default 0, "allowlisted" int not null default 0, "cursor" varchar(64) null, "started_by_id" uuid null, "started_at" timestamptz not null, "heartbeat_at" timestamptz null, "finished_at" timestamptz null, "error" text null, constraint "detection_scans_pkey" primary key ("id"));`);
    this.addSql(`create index "detection_scans_state_started_at_index" on "detection_scans" ("state", "started_at");`);

    this.addSql(`create table "detection_labels" ("id" uuid not null, "listing_id" uuid not null, "brand_id" uuid null, "counterfeit" boolean not null, "source" text check ("source" in ('authentication', 'gft_audit', 'review', 'appeal')) not null, "source_id" varchar(64) not null, "features" jsonb not null, "created_at" timestamptz not null, constraint "detection_labels_pkey" primary key ("id"));`);
    this.addSql(`create index "detection_labels_listing_id_index" on "detection_labels" ("listing_id");`);
    this.addSql(`create index "detection_labels_created_at_index" on "detection_labels" ("created_at");`);
    this.addSql(`alter table "detection_labels" add constraint "detection_labels_source_source_id_unique" unique ("source", "source_id");`);

    this.addSql(`alter table "detection_scans" add constraint "detection_scans_started_by_id_foreign" foreign key ("started_by_id") references "users" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "detection_labels" add constraint "detection_labels_listing_id_foreign" foreign key ("listing_id") references "listings" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "detection_labels" add constraint "detection_labels_brand_id_foreign" foreign key ("brand_id") references "brands" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "protected_products" add column "reference_image_hashes" jsonb not null default '[]';`);

    this.addSql(`alter table "listings" add column "risk_features" jsonb null, add column "risk_model_version" int null, add column "image_hashes" jsonb null;`);
    this.addSql(`create index "listings_updated_at_id_index" on "listings" ("updated_at", "id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "detection_decisions" cascade;`);

    this.addSql(`drop table if exists "detection_scans" cascade;`);

    this.addSql(`drop table if exists "detection_labels" cascade;`);

    this.addSql(`drop index "listings_updated_at_id_index";`);
    this.addSql(`alter table "listings" drop column "risk_features", drop column "risk_model_version", drop column "image_hashes";`);

    this.addSql(`alter table "protected_products" drop column "reference_image_hashes";`);
  }

}
