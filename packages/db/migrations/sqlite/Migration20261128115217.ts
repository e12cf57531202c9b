// Written by hand: MikroORM's SQLite diff proposes rebuilding every table, so only the real change is kept.
import { Migration } from '@mikro-orm/migrations';

export class Migration20261128115217 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table \`notifications\` (\`id\` text not null, \`brand_id\` text null, \`user_id\` text null, \`kind\` text check (\`kind\` in ('notice_item_state', 'gft_status', 'auth_request', 'message', 'bulk_job')) not null, \`title\` text not null, \`body\` text not null, \`entity_type\` text check (\`entity_type\` in ('brand', 'user', 'ip_right', 'protected_product', 'seller', 'listing', 'notice', 'notice_item', 'auth_request', 'removal', 'appeal', 'strike', 'message_thread', 'model_version', 'outbox_command', 'session', 'bulk_job', 'document')) null, \`entity_id\` text null, \`read_at\` datetime null, \`created_at\` datetime not null, constraint \`notifications_brand_id_foreign\` foreign key(\`brand_id\`) references \`brands\`(\`id\`) on delete cascade on update cascade, constraint \`notifications_user_id_foreign\` foreign key(\`user_id\`) references \`users\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`notifications_brand_id_index\` on \`notifications\` (\`brand_id\`);`);
    this.addSql(`create index \`notifications_user_id_index\` on \`notifications\` (\`user_id\`);`);
    this.addSql(`create index \`notifications_brand_id_created_at_index\` on \`notifications\` (\`brand_id\`, \`created_at\`);`);
    this.addSql(`create index \`notifications_user_id_created_at_index\` on \`notifications\` (\`user_id\`, \`created_at\`);`);
    this.addSql(`create table \`documents\` (\`id\` text not null, \`brand_id\` text not null, \`file_name\` text not null, \`content_type\` text not null, \`size_bytes\` integer not null, \`sha256\` text not null, \`storage_path\` text not null, \`uploaded_by_id\` text null, \`created_at\` datetime not null, constraint \`documents_brand_id_foreign\` foreign key(\`brand_id\`) references \`brands\`(\`id\`) on delete cascade on update cascade, constraint \`documents_uploaded_by_id_foreign\` foreign key(\`uploaded_by_id\`) references \`users\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`documents_brand_id_index\` on \`documents\` (\`brand_id\`);`);
    this.addSql(`create index \`documents_uploaded_by_id_index\` on \`documents\` (\`uploaded_by_id\`);`);
    this.addSql(`create index \`documents_brand_id_created_at_index\` on \`documents\` (\`brand_id\`, \`created_at\`);`);
    this.addSql(`create index \`documents_brand_id_sha256_index\` on \`documents\` (\`brand_id\`, \`sha256\`);`);
    this.addSql(`create table \`bulk_jobs\` (\`id\` text not null, \`brand_id\` text not null, \`submitted_by_id\` text null, \`idempotency_key\` text not null, \`document_id\` text not null, \`ip_right\` text not null, \`reason\` text not null, \`evidence\` text not null, \`test_buy_order_ref\` text null, \`notice\` text null, \`state\` text check (\`state\` in ('queued', 'running', 'completed', 'failed')) not null default 'queued', \`rows_total\` integer null, \`rows_processed\` integer not null default 0, \`rows_accepted\` integer not null default 0, \`rows_rejected\` integer not null default 0, \`error_report\` text not null default '', \`failure_reason\` text null, \`finished_at\` datetime null, \`created_at\` datetime not null, \`updated_at\` datetime not null, constraint \`bulk_jobs_brand_id_foreign\` foreign key(\`brand_id\`) references \`brands\`(\`id\`) on delete cascade on update cascade, constraint \`bulk_jobs_submitted_by_id_foreign\` foreign key(\`submitted_by_id\`) references \`users\`(\`id\`) on delete set null on update cascade, constraint \`bulk_jobs_document_id_foreign\` foreign key(\`document_id\`) references \`documents\`(\`id\`) on delete restrict on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`bulk_jobs_brand_id_index\` on \`bulk_jobs\` (\`brand_id\`);`);
    this.addSql(`create index \`bulk_jobs_submitted_by_id_index\` on \`bulk_jobs\` (\`submitted_by_id\`);`);
    this.addSql(`create index \`bulk_jobs_document_id_index\` on \`bulk_jobs\` (\`document_id\`);`);
    this.addSql(`create index \`bulk_jobs_state_created_at_index\` on \`bulk_jobs\` (\`state\`, \`created_at\`);`);
    this.addSql(`create index \`bulk_jobs_brand_id_created_at_index\` on \`bulk_jobs\` (\`brand_id\`, \`created_at\`);`);
    this.addSql(`create unique index \`bulk_jobs_brand_id_idempotency_key_unique\` on \`bulk_jobs\` (\`brand_id\`, \`idempotency_key\`);`);
    // SQLite cannot change a check constraint in place: audit_events is rebuilt to accept the new entity types.
    this.addSql(`create table \`audit_events__rebuild\` (\`id\` text not null, \`actor_id\` text null, \`actor_label\` text not null, \`action\` text not null, \`entity_type\` text check (\`entity_type\` in ('brand', 'user', 'ip_right', 'protected_product', 'seller', 'listing', 'notice', 'notice_item', 'auth_request', 'removal', 'appeal', 'strike', 'message_thread', 'model_version', 'outbox_command', 'session', 'bulk_job', 'document')) not null, \`entity_id\` text not null, \`brand_id\` text null, \`before\` json null, \`after\` json null, \`request_id\` text null, \`occurred_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`insert into \`audit_events__rebuild\` (\`id\`, \`actor_id\`, \`actor_label\`, \`action\`, \`entity_type\`, \`entity_id\`, \`brand_id\`, \`before\`, \`after\`, \`request_id\`, \`occurred_at\`) select \`id\`, \`actor_id\`, \`actor_label\`, \`action\`, \`entity_type\`, \`entity_id\`, \`brand_id\`, \`before\`, \`after\`, \`request_id\`, \`occurred_at\` from \`audit_events\`;`);
    this.addSql(`drop table \`audit_events\`;`);
    this.addSql(`alter table \`audit_events__rebuild\` rename to \`audit_events\`;`);
    this.addSql(`create index \`audit_events_entity_type_entity_id_index\` on \`audit_events\` (\`entity_type\`, \`entity_id\`);`);
    this.addSql(`create index \`audit_events_brand_id_occurred_at_index\` on \`audit_events\` (\`brand_id\`, \`occurred_at\`);`);
    this.addSql(`create index \`audit_events_actor_id_occurred_at_index\` on \`audit_events\` (\`actor_id\`, \`occurred_at\`);`);
    this.addSql(`create index \`audit_events_occurred_at_index\` on \`audit_events\` (\`occurred_at\`);`);
    this.addSql(`alter table \`outbox_commands\` add column \`claimed_until\` datetime null;`);
    this.addSql(`alter table \`outbox_commands\` add column \`claimed_by\` text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table \`outbox_commands\` drop column \`claimed_by\`;`);
    this.addSql(`alter table \`outbox_commands\` drop column \`claimed_until\`;`);
    this.addSql(`drop table if exists \`bulk_jobs\`;`);
    this.addSql(`drop table if exists \`documents\`;`);
    this.addSql(`drop table if exists \`notifications\`;`);
  }
}
