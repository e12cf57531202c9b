// Written by hand: MikroORM's SQLite diff proposes rebuilding every table, so only the real change is kept.
import { Migration } from '@mikro-orm/migrations';

export class Migration20261128165141 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table \`api_keys\` (\`id\` text not null, \`name\` text not null, \`kind\` text check (\`kind\` in ('marketplace', 'brand')) not null, \`marketplace_code\` text null, \`brand_id\` text null, \`prefix\` text not null, \`secret_hash\` text not null, \`scopes\` json not null, \`created_by_id\` text null, \`created_at\` datetime not null, \`revoked_at\` datetime null, \`last_used_at\` datetime null, constraint \`api_keys_marketplace_code_foreign\` foreign key(\`marketplace_code\`) references \`marketplaces\`(\`code\`) on delete cascade on update cascade, constraint \`api_keys_brand_id_foreign\` foreign key(\`brand_id\`) references \`brands\`(\`id\`) on delete cascade on update cascade, constraint \`api_keys_created_by_id_foreign\` foreign key(\`created_by_id\`) references \`users\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`create unique index \`api_keys_secret_hash_unique\` on \`api_keys\` (\`secret_hash\`);`);
    this.addSql(`create index \`api_keys_created_by_id_index\` on \`api_keys\` (\`created_by_id\`);`);
    this.addSql(`create index \`api_keys_marketplace_code_index\` on \`api_keys\` (\`marketplace_code\`);`);
    this.addSql(`create index \`api_keys_brand_id_index\` on \`api_keys\` (\`brand_id\`);`);
    // SQLite cannot change a check constraint in place: audit_events is rebuilt to accept `api_key`.
    this.addSql(`create table \`audit_events__rebuild\` (\`id\` text not null, \`actor_id\` text null, \`actor_label\` text not null, \`action\` text not null, \`entity_type\` text check (\`entity_type\` in ('brand', 'user', 'ip_right', 'protected_product', 'seller', 'listing', 'notice', 'notice_item', 'auth_request', 'removal', 'appeal', 'strike', 'message_thread', 'model_version', 'outbox_command', 'session', 'bulk_job', 'document', 'api_key')) not null, \`entity_id\` text not null, \`brand_id\` text null, \`before\` json null, \`after\` json null, \`request_id\` text null, \`occurred_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`insert into \`audit_events__rebuild\` (\`id\`, \`actor_id\`, \`actor_label\`, \`action\`, \`entity_type\`, \`entity_id\`, \`brand_id\`, \`before\`, \`after\`, \`request_id\`, \`occurred_at\`) select \`id\`, \`actor_id\`, \`actor_label\`, \`action\`, \`entity_type\`, \`entity_id\`, \`brand_id\`, \`before\`, \`after\`, \`request_id\`, \`occurred_at\` from \`audit_events\`;`);
    this.addSql(`drop table \`audit_events\`;`);
    this.addSql(`alter table \`audit_events__rebuild\` rename to \`audit_events\`;`);
    this.addSql(`create index \`audit_events_entity_type_entity_id_index\` on \`audit_events\` (\`entity_type\`, \`entity_id\`);`);
    this.addSql(`create index \`audit_events_brand_id_occurred_at_index\` on \`audit_events\` (\`brand_id\`, \`occurred_at\`);`);
    this.addSql(`create index \`audit_events_actor_id_occurred_at_index\` on \`audit_events\` (\`actor_id\`, \`occurred_at\`);`);
    this.addSql(`create index \`audit_events_occurred_at_index\` on \`audit_events\` (\`occurred_at\`);`);
    // SQLite cannot change a check constraint in place: appeals is rebuilt to accept `contested`.
    this.addSql(`create table \`appeals__rebuild\` (\`id\` text not null, \`removal_id\` text not null, \`brand_id\` text null, \`marketplace_code\` text not null, \`seller_id\` text not null, \`statement\` text not null, \`evidence\` json not null, \`state\` text check (\`state\` in ('open', 'contested', 'upheld', 'reinstated')) not null default 'open', \`brand_response\` text null, \`brand_responded_at\` datetime null, \`decided_by_id\` text null, \`decided_at\` datetime null, \`decision_reason\` text null, \`created_at\` datetime not null, \`external_id\` text null, \`brand_answer\` text check (\`brand_answer\` in ('retract', 'contest')) null, \`brand_answered_by_id\` text null, \`brand_evidence\` json not null default '[]', \`brand_due_at\` datetime null, constraint \`appeals_removal_id_foreign\` foreign key(\`removal_id\`) references \`removals\`(\`id\`) on delete restrict on update cascade, constraint \`appeals_brand_id_foreign\` foreign key(\`brand_id\`) references \`brands\`(\`id\`) on delete restrict on update cascade, constraint \`appeals_marketplace_code_foreign\` foreign key(\`marketplace_code\`) references \`marketplaces\`(\`code\`) on delete restrict on update cascade, constraint \`appeals_seller_id_foreign\` foreign key(\`seller_id\`) references \`sellers\`(\`id\`) on delete restrict on update cascade, constraint \`appeals_decided_by_id_foreign\` foreign key(\`decided_by_id\`) references \`users\`(\`id\`) on delete set null on update cascade, constraint \`appeals_brand_answered_by_id_foreign\` foreign key(\`brand_answered_by_id\`) references \`users\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`insert into \`appeals__rebuild\` (\`id\`, \`removal_id\`, \`brand_id\`, \`marketplace_code\`, \`seller_id\`, \`statement\`, \`evidence\`, \`state\`, \`brand_response\`, \`brand_responded_at\`, \`decided_by_id\`, \`decided_at\`, \`decision_reason\`, \`created_at\`, \`brand_due_at\`) select \`id\`, \`removal_id\`, \`brand_id\`, \`marketplace_code\`, \`seller_id\`, \`statement\`, \`evidence\`, \`state\`, \`brand_response\`, \`brand_responded_at\`, \`decided_by_id\`, \`decided_at\`, \`decision_reason\`, \`created_at\`, \`created_at\` + 345600000 from \`appeals\`;`);
    this.addSql(`drop table \`appeals\`;`);
    this.addSql(`alter table \`appeals__rebuild\` rename to \`appeals\`;`);
    this.addSql(`create index \`appeals_brand_id_index\` on \`appeals\` (\`brand_id\`);`);
    this.addSql(`create index \`appeals_marketplace_code_index\` on \`appeals\` (\`marketplace_code\`);`);
    this.addSql(`create index \`appeals_decided_by_id_index\` on \`appeals\` (\`decided_by_id\`);`);
    this.addSql(`create index \`appeals_brand_id_state_created_at_index\` on \`appeals\` (\`brand_id\`, \`state\`, \`created_at\`);`);
    this.addSql(`create index \`appeals_state_created_at_index\` on \`appeals\` (\`state\`, \`created_at\`);`);
    this.addSql(`create index \`appeals_marketplace_code_created_at_index\` on \`appeals\` (\`marketplace_code\`, \`created_at\`);`);
    this.addSql(`create index \`appeals_removal_id_index\` on \`appeals\` (\`removal_id\`);`);
    this.addSql(`create index \`appeals_seller_id_index\` on \`appeals\` (\`seller_id\`);`);
    this.addSql(`create index \`appeals_brand_answered_by_id_index\` on \`appeals\` (\`brand_answered_by_id\`);`);
    this.addSql(`create index \`appeals_state_brand_due_at_index\` on \`appeals\` (\`state\`, \`brand_due_at\`);`);
    this.addSql(`create unique index \`appeals_marketplace_code_external_id_unique\` on \`appeals\` (\`marketplace_code\`, \`external_id\`);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists \`api_keys\`;`);
    // Back to the entity types before `api_key` (fails while audit rows about keys exist, as it should).
    this.addSql(`create table \`audit_events__rebuild\` (\`id\` text not null, \`actor_id\` text null, \`actor_label\` text not null, \`action\` text not null, \`entity_type\` text check (\`entity_type\` in ('brand', 'user', 'ip_right', 'protected_product', 'seller', 'listing', 'notice', 'notice_item', 'auth_request', 'removal', 'appeal', 'strike', 'message_thread', 'model_version', 'outbox_command', 'session', 'bulk_job', 'document')) not null, \`entity_id\` text not null, \`brand_id\` text null, \`before\` json null, \`after\` json null, \`request_id\` text null, \`occurred_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`insert into \`audit_events__rebuild\` (\`id\`, \`actor_id\`, \`actor_label\`, \`action\`, \`entity_type\`, \`entity_id\`, \`brand_id\`, \`before\`, \`after\`, \`request_id\`, \`occurred_at\`) select \`id\`, \`actor_id\`, \`actor_label\`, \`action\`, \`entity_type\`, \`entity_id\`, \`brand_id\`, \`before\`, \`after\`, \`request_id\`, \`occurred_at\` from \`audit_events\`;`);
    this.addSql(`drop table \`audit_events\`;`);
    this.addSql(`alter table \`audit_events__rebuild\` rename to \`audit_events\`;`);
    this.addSql(`create index \`audit_events_entity_type_entity_id_index\` on \`audit_events\` (\`entity_type\`, \`entity_id\`);`);
    this.addSql(`create index \`audit_events_brand_id_occurred_at_index\` on \`audit_events\` (\`brand_id\`, \`occurred_at\`);`);
    this.addSql(`create index \`audit_events_actor_id_occurred_at_index\` on \`audit_events\` (\`actor_id\`, \`occurred_at\`);`);
    this.addSql(`create index \`audit_events_occurred_at_index\` on \`audit_events\` (\`occurred_at\`);`);
    this.addSql(`create table \`appeals__rebuild\` (\`id\` text not null, \`removal_id\` text not null, \`brand_id\` text null, \`marketplace_code\` text not null, \`seller_id\` text not null, \`statement\` text not null, \`evidence\` json not null, \`state\` text check (\`state\` in ('open', 'upheld', 'reinstated')) not null default 'open', \`brand_response\` text null, \`brand_responded_at\` datetime null, \`decided_by_id\` text null, \`decided_at\` datetime null, \`decision_reason\` text null, \`created_at\` datetime not null, constraint \`appeals_removal_id_foreign\` foreign key(\`removal_id\`) references \`removals\`(\`id\`) on delete restrict on update cascade, constraint \`appeals_brand_id_foreign\` foreign key(\`brand_id\`) references \`brands\`(\`id\`) on delete restrict on update cascade, constraint \`appeals_marketplace_code_foreign\` foreign key(\`marketplace_code\`) references \`marketplaces\`(\`code\`) on delete restrict on update cascade, constraint \`appeals_seller_id_foreign\` foreign key(\`seller_id\`) references \`sellers\`(\`id\`) on delete restrict on update cascade, constraint \`appeals_decided_by_id_foreign\` foreign key(\`decided_by_id\`) references \`users\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`insert into \`appeals__rebuild\` (\`id\`, \`removal_id\`, \`brand_id\`, \`marketplace_code\`, \`seller_id\`, \`statement\`, \`evidence\`, \`state\`, \`brand_response\`, \`brand_responded_at\`, \`decided_by_id\`, \`decided_at\`, \`decision_reason\`, \`created_at\`) select \`id\`, \`removal_id\`, \`brand_id\`, \`marketplace_code\`, \`seller_id\`, \`statement\`, \`evidence\`, case \`state\` when 'contested' then 'open' else \`state\` end, \`brand_response\`, \`brand_responded_at\`, \`decided_by_id\`, \`decided_at\`, \`decision_reason\`, \`created_at\` from \`appeals\`;`);
    this.addSql(`drop table \`appeals\`;`);
    this.addSql(`alter table \`appeals__rebuild\` rename to \`appeals\`;`);
    this.addSql(`create index \`appeals_brand_id_index\` on \`appeals\` (\`brand_id\`);`);
    this.addSql(`create index \`appeals_marketplace_code_index\` on \`appeals\` (\`marketplace_code\`);`);
    this.addSql(`create index \`appeals_decided_by_id_index\` on \`appeals\` (\`decided_by_id\`);`);
    this.addSql(`create index \`appeals_brand_id_state_created_at_index\` on \`appeals\` (\`brand_id\`, \`state\`, \`created_at\`);`);
    this.addSql(`create index \`appeals_state_created_at_index\` on \`appeals\` (\`state\`, \`created_at\`);`);
    this.addSql(`create index \`appeals_marketplace_code_created_at_index\` on \`appeals\` (\`marketplace_code\`, \`created_at\`);`);
    this.addSql(`create index \`appeals_removal_id_index\` on \`appeals\` (\`removal_id\`);`);
    this.addSql(`create index \`appeals_seller_id_index\` on \`appeals\` (\`seller_id\`);`);
  }
}
