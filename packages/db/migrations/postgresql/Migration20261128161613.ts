import { Migration } from '@mikro-orm/migrations';

export class Migration20261128161613 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "allowlist_entries" ("id" uuid not null, "brand_id" uuid not null, "marketplace_code" text not null, "seller_external_id" varchar(200) not null, "seller_name" varchar(300) null, "note" text not null, "added_by_id" uuid null, "created_at" timestamptz not null, constraint "allowlist_entries_pkey" primary key ("id"));`);
    this.addSql(`alter table "allowlist_entries" add constraint "allowlist_entries_brand_id_marketplace_code_selle_8d8e6_unique" unique ("brand_id", "marketplace_code", "seller_external_id");`);

    this.addSql(`create table "account_manager_assignments" ("id" uuid not null, "brand_id" uuid not null, "manager_id" uuid null, "assigned_by_id" uuid null, "note" text null, "started_at" timestamptz not null, "ended_at" timestamptz null, constraint "account_manager_assignments_pkey" primary key ("id"));`);
    this.addSql(`create index "account_manager_assignments_brand_id_started_at_index" on "account_manager_assignments" ("brand_id", "started_at");`);
    this.addSql(`create index "account_manager_assignments_manager_id_ended_at_index" on "account_manager_assignments" ("manager_id", "ended_at");`);

    this.addSql(`alter table "allowlist_entries" add constraint "allowlist_entries_brand_id_foreign" foreign key ("brand_id") references "brands" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "allowlist_entries" add constraint "allowlist_entries_marketplace_code_foreign" foreign key ("marketplace_code") references "marketplaces" ("code") on update cascade on delete restrict;`);
    this.addSql(`alter table "allowlist_entries" add constraint "allowlist_entries_added_by_id_foreign" foreign key ("added_by_id") references "users" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "account_manager_assignments" add constraint "account_manager_assignments_brand_id_foreign" foreign key ("brand_id") references "brands" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "account_manager_assignments" add constraint "account_manager_assignments_manager_id_foreign" foreign key ("manager_id") references "users" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "account_manager_assignments" add constraint "account_manager_assignments_assigned_by_id_foreign" foreign key ("assigned_by_id") references "users" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "users" add column "notification_preferences" jsonb null;`);

    this.addSql(`alter table "notifications" add column "email_state" text check ("email_state" in ('pending', 'sent', 'skipped', 'failed')) not null default 'pending', add column "email_attempts" int not null default 0, add column "email_next_at" timestamptz null, add column "email_error" text null;`);
    this.addSql(`create index "notifications_email_state_email_next_at_index" on "notifications" ("email_state", "email_next_at");`);

    this.addSql(`alter table "messages" add column "attachments" jsonb not null default '[]';`);

    this.addSql(`alter table "auth_requests" add column "reminded_at" timestamptz null;`);

    this.addSql(`alter table "message_threads" add column "brand_unread" int not null default 0, add column "staff_unread" int not null default 0, add column "started_by_id" uuid null;`);
    this.addSql(`alter table "message_threads" add constraint "message_threads_started_by_id_foreign" foreign key ("started_by_id") references "users" ("id") on update cascade on delete set null;`);

    // Notifications from before the mailer existed are not sent now; current managers start their history.
    this.addSql(`update "notifications" set "email_state" = 'skipped';`);
    this.addSql(`insert into "account_manager_assignments" ("id", "brand_id", "manager_id", "started_at") select "id", "id", "account_manager_id", "created_at" from "brands" where "account_manager_id" is not null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "allowlist_entries" cascade;`);

    this.addSql(`drop table if exists "account_manager_assignments" cascade;`);

    this.addSql(`alter table "auth_requests" drop column "reminded_at";`);
    this.addSql(`alter table "message_threads" drop constraint "message_threads_started_by_id_foreign";`);
    this.addSql(`alter table "message_threads" drop column "brand_unread", drop column "staff_unread", drop column "started_by_id";`);

    this.addSql(`alter table "messages" drop column "attachments";`);

    this.addSql(`drop index "notifications_email_state_email_next_at_index";`);
    this.addSql(`alter table "notifications" drop column "email_state", drop column "email_attempts", drop column "email_next_at", drop column "email_error";`);

    this.addSql(`alter table "users" drop column "notification_preferences";`);
  }

}
