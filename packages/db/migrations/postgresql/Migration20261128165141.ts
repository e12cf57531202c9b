import { Migration } from '@mikro-orm/migrations';

export class Migration20261128165141 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "api_keys" ("id" uuid not null, "name" varchar(200) not null, "kind" text check ("kind" in ('marketplace', 'brand')) not null, "marketplace_code" text null, "brand_id" uuid null, "prefix" varchar(16) not null, "secret_hash" varchar(64) not null, "scopes" jsonb not null, "created_by_id" uuid null, "created_at" timestamptz not null, "revoked_at" timestamptz null, "last_used_at" timestamptz null, constraint "api_keys_pkey" primary key ("id"));`);
    this.addSql(`alter table "api_keys" add constraint "api_keys_secret_hash_unique" unique ("secret_hash");`);
    this.addSql(`create index "api_keys_marketplace_code_index" on "api_keys" ("marketplace_code");`);
    this.addSql(`create index "api_keys_brand_id_index" on "api_keys" ("brand_id");`);

    this.addSql(`alter table "api_keys" add constraint "api_keys_marketplace_code_foreign" foreign key ("marketplace_code") references "marketplaces" ("code") on update cascade on delete cascade;`);
    this.addSql(`alter table "api_keys" add constraint "api_keys_brand_id_foreign" foreign key ("brand_id") references "brands" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "api_keys" add constraint "api_keys_created_by_id_foreign" foreign key ("created_by_id") references "users" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "appeals" drop constraint if exists "appeals_state_check";`);

    this.addSql(`alter table "appeals" add column "external_id" varchar(100) null, add column "brand_answer" text check ("brand_answer" in ('retract', 'contest')) null, add column "brand_answered_by_id" uuid null, add column "brand_evidence" jsonb not null default '[]', add column "brand_due_at" timestamptz null;`);
    this.addSql(`alter table "appeals" add constraint "appeals_brand_answered_by_id_foreign" foreign key ("brand_answered_by_id") references "users" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "appeals" add constraint "appeals_state_check" check("state" in ('open', 'contested', 'upheld', 'reinstated'));`);
    this.addSql(`create index "appeals_state_brand_due_at_index" on "appeals" ("state", "brand_due_at");`);
    this.addSql(`alter table "appeals" add constraint "appeals_marketplace_code_external_id_unique" unique ("marketplace_code", "external_id");`);
    this.addSql(`update "appeals" set "brand_due_at" = "created_at" + interval '4 days';`);

    this.addSql(`alter table "audit_events" drop constraint if exists "audit_events_entity_type_check";`);
    this.addSql(`alter table "audit_events" add constraint "audit_events_entity_type_check" check("entity_type" in ('brand', 'user', 'ip_right', 'protected_product', 'seller', 'listing', 'notice', 'notice_item', 'auth_request', 'removal', 'appeal', 'strike', 'message_thread', 'model_version', 'outbox_command', 'session', 'bulk_job', 'document', 'api_key'));`);
    this.addSql(`alter table "notifications" drop constraint if exists "notifications_entity_type_check";`);
    this.addSql(`alter table "notifications" add constraint "notifications_entity_type_check" check("entity_type" in ('brand', 'user', 'ip_right', 'protected_product', 'seller', 'listing', 'notice', 'notice_item', 'auth_request', 'removal', 'appeal', 'strike', 'message_thread', 'model_version', 'outbox_command', 'session', 'bulk_job', 'document', 'api_key'));`);
    this.addSql(`alter table "outbox_commands" drop constraint if exists "outbox_commands_kind_check";`);
    this.addSql(`alter table "outbox_commands" add constraint "outbox_commands_kind_check" check("kind" in ('remove_listing', 'reinstate_listing', 'notify', 'seller_status'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "api_keys" cascade;`);

    this.addSql(`alter table "outbox_commands" drop constraint if exists "outbox_commands_kind_check";`);
    this.addSql(`alter table "outbox_commands" add constraint "outbox_commands_kind_check" check("kind" in ('remove_listing', 'reinstate_listing', 'notify'));`);

    this.addSql(`alter table "audit_events" drop constraint if exists "audit_events_entity_type_check";`);
    this.addSql(`alter table "audit_events" add constraint "audit_events_entity_type_check" check("entity_type" in ('brand', 'user', 'ip_right', 'protected_product', 'seller', 'listing', 'notice', 'notice_item', 'auth_request', 'removal', 'appeal', 'strike', 'message_thread', 'model_version', 'outbox_command', 'session', 'bulk_job', 'document'));`);
    this.addSql(`alter table "notifications" drop constraint if exists "notifications_entity_type_check";`);
    this.addSql(`alter table "notifications" add constraint "notifications_entity_type_check" check("entity_type" in ('brand', 'user', 'ip_right', 'protected_product', 'seller', 'listing', 'notice', 'notice_item', 'auth_request', 'removal', 'appeal', 'strike', 'message_thread', 'model_version', 'outbox_command', 'session', 'bulk_job', 'document'));`);

    this.addSql(`alter table "appeals" drop constraint if exists "appeals_state_check";`);

    this.addSql(`alter table "appeals" drop constraint "appeals_brand_answered_by_id_foreign";`);

    this.addSql(`drop index "appeals_state_brand_due_at_index";`);
    this.addSql(`alter table "appeals" drop constraint "appeals_marketplace_code_external_id_unique";`);
    this.addSql(`alter table "appeals" drop column "external_id", drop column "brand_answer", drop column "brand_answered_by_id", drop column "brand_evidence", drop column "brand_due_at";`);

    this.addSql(`alter table "appeals" add constraint "appeals_state_check" check("state" in ('open', 'upheld', 'reinstated'));`);
  }

}
