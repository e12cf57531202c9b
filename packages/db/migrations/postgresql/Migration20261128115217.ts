import { Migration } from '@mikro-orm/migrations';

export class Migration20261128115217 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "notifications" ("id" uuid not null, "brand_id" uuid null, "user_id" uuid null, "kind" text check ("kind" in ('notice_item_state', 'gft_status', 'auth_request', 'message', 'bulk_job')) not null, "title" varchar(300) not null, "body" text not null, "entity_type" text check ("entity_type" in ('brand', 'user', 'ip_right', 'protected_product', 'seller', 'listing', 'notice', 'notice_item', 'auth_request', 'removal', 'appeal', 'strike', 'message_thread', 'model_version', 'outbox_command', 'session', 'bulk_job', 'document')) null, "entity_id" varchar(64) null, "read_at" timestamptz null, "created_at" timestamptz not null, constraint "notifications_pkey" primary key ("id"));`);
    this.addSql(`create index "notifications_brand_id_created_at_index" on "notifications" ("brand_id", "created_at");`);
    this.addSql(`create index "notifications_user_id_created_at_index" on "notifications" ("user_id", "created_at");`);

    this.addSql(`create table "documents" ("id" uuid not null, "brand_id" uuid not null, "file_name" varchar(255) not null, "content_type" varchar(100) not null, "size_bytes" int not null, "sha256" varchar(64) not null, "storage_path" varchar(500) not null, "uploaded_by_id" uuid null, "created_at" timestamptz not null, constraint "documents_pkey" primary key ("id"));`);
    this.addSql(`create index "documents_brand_id_created_at_index" on "documents" ("brand_id", "created_at");`);
    this.addSql(`create index "documents_brand_id_sha256_index" on "documents" ("brand_id", "sha256");`);

    this.addSql(`create table "bulk_jobs" ("id" uuid not null, "brand_id" uuid not null, "submitted_by_id" uuid null, "idempotency_key" varchar(128) not null, "document_id" uuid not null, "ip_right" uuid not null, "reason" varchar(40) not null, "evidence" text not null, "test_buy_order_ref" varchar(100) null, "notice" uuid null, "state" text check ("state" in ('queued', 'running', 'completed', 'failed')) not null default 'queued', "rows_total" int null, "rows_processed" int not null default 0, "rows_accepted" int not null default 0, "rows_rejected" int not null default 0, "error_report" text not null default '', "failure_reason" text null, "finished_at" timestamptz null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "bulk_jobs_pkey" primary key ("id"));`);
    this.addSql(`create index "bulk_jobs_state_created_at_index" on "bulk_jobs" ("state", "created_at");`);
    this.addSql(`create index "bulk_jobs_brand_id_created_at_index" on "bulk_jobs" ("brand_id", "created_at");`);
    this.addSql(`alter table "bulk_jobs" add constraint "bulk_jobs_brand_id_idempotency_key_unique" unique ("brand_id", "idempotency_key");`);

    this.addSql(`alter table "notifications" add constraint "notifications_brand_id_foreign" foreign key ("brand_id") references "brands" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "notifications" add constraint "notifications_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "documents" add constraint "documents_brand_id_foreign" foreign key ("brand_id") references "brands" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "documents" add constraint "documents_uploaded_by_id_foreign" foreign key ("uploaded_by_id") references "users" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "bulk_jobs" add constraint "bulk_jobs_brand_id_foreign" foreign key ("brand_id") references "brands" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "bulk_jobs" add constraint "bulk_jobs_submitted_by_id_foreign" foreign key ("submitted_by_id") references "users" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "bulk_jobs" add constraint "bulk_jobs_document_id_foreign" foreign key ("document_id") references "documents" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "audit_events" drop constraint if exists "audit_events_entity_type_check";`);

    this.addSql(`alter table "audit_events" add constraint "audit_events_entity_type_check" check("entity_type" in ('brand', 'user', 'ip_right', 'protected_product', 'seller', 'listing', 'notice', 'notice_item', 'auth_request', 'removal', 'appeal', 'strike', 'message_thread', 'model_version', 'outbox_command', 'session', 'bulk_job', 'document'));`);

    this.addSql(`alter table "outbox_commands" add column "claimed_until" timestamptz null, add column "claimed_by" varchar(100) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "bulk_jobs" drop constraint "bulk_jobs_document_id_foreign";`);

    this.addSql(`drop table if exists "notifications" cascade;`);

    this.addSql(`drop table if exists "documents" cascade;`);

    this.addSql(`drop table if exists "bulk_jobs" cascade;`);

    this.addSql(`alter table "audit_events" drop constraint if exists "audit_events_entity_type_check";`);

    this.addSql(`alter table "audit_events" add constraint "audit_events_entity_type_check" check("entity_type" in ('brand', 'user', 'ip_right', 'protected_product', 'seller', 'listing', 'notice', 'notice_item', 'auth_request', 'removal', 'appeal', 'strike', 'message_thread', 'model_version', 'outbox_command', 'session'));`);

    this.addSql(`alter table "outbox_commands" drop column "claimed_until", drop column "claimed_by";`);
  }

}
