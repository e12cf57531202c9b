// Written by hand: MikroORM's SQLite diff proposes rebuilding every table, so only the real change is kept.
import { Migration } from '@mikro-orm/migrations';

export class Migration20261128161613 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table \`allowlist_entries\` (\`id\` text not null, \`brand_id\` text not null, \`marketplace_code\` text not null, \`seller_external_id\` text not null, \`seller_name\` text null, \`note\` text not null, \`added_by_id\` text null, \`created_at\` datetime not null, constraint \`allowlist_entries_brand_id_foreign\` foreign key(\`brand_id\`) references \`brands\`(\`id\`) on delete cascade on update cascade, constraint \`allowlist_entries_marketplace_code_foreign\` foreign key(\`marketplace_code\`) references \`marketplaces\`(\`code\`) on delete restrict on update cascade, constraint \`allowlist_entries_added_by_id_foreign\` foreign key(\`added_by_id\`) references \`users\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`allowlist_entries_brand_id_index\` on \`allowlist_entries\` (\`brand_id\`);`);
    this.addSql(`create index \`allowlist_entries_marketplace_code_index\` on \`allowlist_entries\` (\`marketplace_code\`);`);
    this.addSql(`create index \`allowlist_entries_added_by_id_index\` on \`allowlist_entries\` (\`added_by_id\`);`);
    this.addSql(`create unique index \`allowlist_entries_brand_id_marketplace_code_seller_external_id_unique\` on \`allowlist_entries\` (\`brand_id\`, \`marketplace_code\`, \`seller_external_id\`);`);

    this.addSql(`create table \`account_manager_assignments\` (\`id\` text not null, \`brand_id\` text not null, \`manager_id\` text null, \`assigned_by_id\` text null, \`note\` text null, \`started_at\` datetime not null, \`ended_at\` datetime null, constraint \`account_manager_assignments_brand_id_foreign\` foreign key(\`brand_id\`) references \`brands\`(\`id\`) on delete cascade on update cascade, constraint \`account_manager_assignments_manager_id_foreign\` foreign key(\`manager_id\`) references \`users\`(\`id\`) on delete set null on update cascade, constraint \`account_manager_assignments_assigned_by_id_foreign\` foreign key(\`assigned_by_id\`) references \`users\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`account_manager_assignments_brand_id_index\` on \`account_manager_assignments\` (\`brand_id\`);`);
    this.addSql(`create index \`account_manager_assignments_manager_id_index\` on \`account_manager_assignments\` (\`manager_id\`);`);
    this.addSql(`create index \`account_manager_assignments_assigned_by_id_index\` on \`account_manager_assignments\` (\`assigned_by_id\`);`);
    this.addSql(`create index \`account_manager_assignments_brand_id_started_at_index\` on \`account_manager_assignments\` (\`brand_id\`, \`started_at\`);`);
    this.addSql(`create index \`account_manager_assignments_manager_id_ended_at_index\` on \`account_manager_assignments\` (\`manager_id\`, \`ended_at\`);`);
    this.addSql(`alter table \`users\` add column \`notification_preferences\` json null;`);
    this.addSql(`alter table \`notifications\` add column \`email_state\` text check (\`email_state\` in ('pending', 'sent', 'skipped', 'failed')) not null default 'pending';`);
    this.addSql(`alter table \`notifications\` add column \`email_attempts\` integer not null default 0;`);
    this.addSql(`alter table \`notifications\` add column \`email_next_at\` datetime null;`);
    this.addSql(`alter table \`notifications\` add column \`email_error\` text null;`);
    this.addSql(`create index \`notifications_email_state_email_next_at_index\` on \`notifications\` (\`email_state\`, \`email_next_at\`);`);
    this.addSql(`alter table \`messages\` add column \`attachments\` json not null default '[]';`);
    this.addSql(`alter table \`auth_requests\` add column \`reminded_at\` datetime null;`);
    this.addSql(`alter table \`message_threads\` add column \`brand_unread\` integer not null default 0;`);
    this.addSql(`alter table \`message_threads\` add column \`staff_unread\` integer not null default 0;`);
    this.addSql(`alter table \`message_threads\` add column \`started_by_id\` text null constraint \`message_threads_started_by_id_foreign\` references \`users\` (\`id\`) on update cascade on delete set null;`);
    this.addSql(`create index \`message_threads_started_by_id_index\` on \`message_threads\` (\`started_by_id\`);`);
    // Notifications from before the mailer existed are not sent now; current managers start their history.
    this.addSql(`update \`notifications\` set \`email_state\` = 'skipped';`);
    this.addSql(`insert into \`account_manager_assignments\` (\`id\`, \`brand_id\`, \`manager_id\`, \`started_at\`) select \`id\`, \`id\`, \`account_manager_id\`, \`created_at\` from \`brands\` where \`account_manager_id\` is not null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists \`allowlist_entries\`;`);
    this.addSql(`drop table if exists \`account_manager_assignments\`;`);
    this.addSql(`alter table \`auth_requests\` drop column \`reminded_at\`;`);
    this.addSql(`drop index \`message_threads_started_by_id_index\`;`);
    this.addSql(`alter table \`message_threads\` drop column \`started_by_id\`;`);
    this.addSql(`alter table \`message_threads\` drop column \`staff_unread\`;`);
    this.addSql(`alter table \`message_threads\` drop column \`brand_unread\`;`);
    this.addSql(`alter table \`messages\` drop column \`attachments\`;`);
    this.addSql(`drop index \`notifications_email_state_email_next_at_index\`;`);
    this.addSql(`alter table \`notifications\` drop column \`email_state\`;`);
    this.addSql(`alter table \`notifications\` drop column \`email_attempts\`;`);
    this.addSql(`alter table \`notifications\` drop column \`email_next_at\`;`);
    this.addSql(`alter table \`notifications\` drop column \`email_error\`;`);
    this.addSql(`alter table \`users\` drop column \`notification_preferences\`;`);
  }
}
