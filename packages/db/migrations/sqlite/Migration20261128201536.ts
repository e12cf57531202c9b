// Written by hand: MikroORM's SQLite diff proposes rebuilding every table, so only the real change is kept.
// SQLite cannot change a check constraint in place: api_keys is rebuilt to accept `agent` and gain agent_id.
import { Migration } from '@mikro-orm/migrations';

export class Migration20261128201536 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table \`agent_organisations\` (\`id\` text not null, \`name\` text not null, \`created_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create unique index \`agent_organisations_name_unique\` on \`agent_organisations\` (\`name\`);`);
    this.addSql(`create table \`agent_authorisations\` (\`id\` text not null, \`agent_id\` text not null, \`brand_id\` text not null, \`letter_document_id\` text null, \`granted_by_id\` text null, \`granted_at\` datetime not null, \`revoked_at\` datetime null, constraint \`agent_authorisations_agent_id_foreign\` foreign key(\`agent_id\`) references \`agent_organisations\`(\`id\`) on delete cascade on update cascade, constraint \`agent_authorisations_brand_id_foreign\` foreign key(\`brand_id\`) references \`brands\`(\`id\`) on delete cascade on update cascade, constraint \`agent_authorisations_letter_document_id_foreign\` foreign key(\`letter_document_id\`) references \`documents\`(\`id\`) on delete set null on update cascade, constraint \`agent_authorisations_granted_by_id_foreign\` foreign key(\`granted_by_id\`) references \`users\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`agent_authorisations_agent_id_index\` on \`agent_authorisations\` (\`agent_id\`);`);
    this.addSql(`create index \`agent_authorisations_brand_id_index\` on \`agent_authorisations\` (\`brand_id\`);`);
    this.addSql(`create index \`agent_authorisations_letter_document_id_index\` on \`agent_authorisations\` (\`letter_document_id\`);`);
    this.addSql(`create index \`agent_authorisations_granted_by_id_index\` on \`agent_authorisations\` (\`granted_by_id\`);`);
    this.addSql(`create index \`agent_authorisations_agent_id_revoked_at_index\` on \`agent_authorisations\` (\`agent_id\`, \`revoked_at\`);`);
    this.addSql(`create index \`agent_authorisations_brand_id_revoked_at_index\` on \`agent_authorisations\` (\`brand_id\`, \`revoked_at\`);`);
    this.addSql(`pragma foreign_keys = off;`);
    this.addSql(`create table \`api_keys__rebuild\` (\`id\` text not null, \`name\` text not null, \`kind\` text check (\`kind\` in ('marketplace', 'brand', 'agent')) not null, \`marketplace_code\` text null, \`brand_id\` text null, \`agent_id\` text null, \`prefix\` text not null, \`secret_hash\` text not null, \`scopes\` json not null, \`created_by_id\` text null, \`created_at\` datetime not null, \`revoked_at\` datetime null, \`last_used_at\` datetime null, constraint \`api_keys_marketplace_code_foreign\` foreign key(\`marketplace_code\`) references \`marketplaces\`(\`code\`) on delete cascade on update cascade, constraint \`api_keys_brand_id_foreign\` foreign key(\`brand_id\`) references \`brands\`(\`id\`) on delete cascade on update cascade, constraint \`api_keys_agent_id_foreign\` foreign key(\`agent_id\`) references \`agent_organisations\`(\`id\`) on delete cascade on update cascade, constraint \`api_keys_created_by_id_foreign\` foreign key(\`created_by_id\`) references \`users\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`insert into \`api_keys__rebuild\` (\`id\`, \`name\`, \`kind\`, \`marketplace_code\`, \`brand_id\`, \`prefix\`, \`secret_hash\`, \`scopes\`, \`created_by_id\`, \`created_at\`, \`revoked_at\`, \`last_used_at\`) select \`id\`, \`name\`, \`kind\`, \`marketplace_code\`, \`brand_id\`, \`prefix\`, \`secret_hash\`, \`scopes\`, \`created_by_id\`, \`created_at\`, \`revoked_at\`, \`last_used_at\` from \`api_keys\`;`);
    this.addSql(`drop table \`api_keys\`;`);
    this.addSql(`alter table \`api_keys__rebuild\` rename to \`api_keys\`;`);
    this.addSql(`create unique index \`api_keys_secret_hash_unique\` on \`api_keys\` (\`secret_hash\`);`);
    this.addSql(`create index \`api_keys_created_by_id_index\` on \`api_keys\` (\`created_by_id\`);`);
    this.addSql(`create index \`api_keys_marketplace_code_index\` on \`api_keys\` (\`marketplace_code\`);`);
    this.addSql(`create index \`api_keys_brand_id_index\` on \`api_keys\` (\`brand_id\`);`);
    this.addSql(`create index \`api_keys_agent_id_index\` on \`api_keys\` (\`agent_id\`);`);
    this.addSql(`pragma foreign_keys = on;`);
  }

  override async down(): Promise<void> {
    this.addSql(`pragma foreign_keys = off;`);
    this.addSql(`create table \`api_keys__rebuild\` (\`id\` text not null, \`name\` text not null, \`kind\` text check (\`kind\` in ('marketplace', 'brand')) not null, \`marketplace_code\` text null, \`brand_id\` text null, \`prefix\` text not null, \`secret_hash\` text not null, \`scopes\` json not null, \`created_by_id\` text null, \`created_at\` datetime not null, \`revoked_at\` datetime null, \`last_used_at\` datetime null, constraint \`api_keys_marketplace_code_foreign\` foreign key(\`marketplace_code\`) references \`marketplaces\`(\`code\`) on delete cascade on update cascade, constraint \`api_keys_brand_id_foreign\` foreign key(\`brand_id\`) references \`brands\`(\`id\`) on delete cascade on update cascade, constraint \`api_keys_created_by_id_foreign\` foreign key(\`created_by_id\`) references \`users\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`insert into \`api_keys__rebuild\` (\`id\`, \`name\`, \`kind\`, \`marketplace_code\`, \`brand_id\`, \`prefix\`, \`secret_hash\`, \`scopes\`, \`created_by_id\`, \`created_at\`, \`revoked_at\`, \`last_used_at\`) select \`id\`, \`name\`, \`kind\`, \`marketplace_code\`, \`brand_id\`, \`prefix\`, \`secret_hash\`, \`scopes\`, \`created_by_id\`, \`created_at\`, \`revoked_at\`, \`last_used_at\` from \`api_keys\` where \`kind\` <> 'agent';`);
    this.addSql(`drop table \`api_keys\`;`);
    this.addSql(`alter table \`api_keys__rebuild\` rename to \`api_keys\`;`);
    this.addSql(`create unique index \`api_keys_secret_hash_unique\` on \`api_keys\` (\`secret_hash\`);`);
    this.addSql(`create index \`api_keys_created_by_id_index\` on \`api_keys\` (\`created_by_id\`);`);
    this.addSql(`create index \`api_keys_marketplace_code_index\` on \`api_keys\` (\`marketplace_code\`);`);
    this.addSql(`create index \`api_keys_brand_id_index\` on \`api_keys\` (\`brand_id\`);`);
    this.addSql(`pragma foreign_keys = on;`);
    this.addSql(`drop table if exists \`agent_authorisations\`;`);
    this.addSql(`drop table if exists \`agent_organisations\`;`);
  }
}
