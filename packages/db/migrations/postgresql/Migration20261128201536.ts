import { Migration } from '@mikro-orm/migrations';

export class Migration20261128201536 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "agent_organisations" ("id" uuid not null, "name" varchar(200) not null, "created_at" timestamptz not null, constraint "agent_organisations_pkey" primary key ("id"));`);
    this.addSql(`alter table "agent_organisations" add constraint "agent_organisations_name_unique" unique ("name");`);

    this.addSql(`create table "agent_authorisations" ("id" uuid not null, "agent_id" uuid not null, "brand_id" uuid not null, "letter_document_id" uuid null, "granted_by_id" uuid null, "granted_at" timestamptz not null, "revoked_at" timestamptz null, constraint "agent_authorisations_pkey" primary key ("id"));`);
    this.addSql(`create index "agent_authorisations_agent_id_revoked_at_index" on "agent_authorisations" ("agent_id", "revoked_at");`);
    this.addSql(`create index "agent_authorisations_brand_id_revoked_at_index" on "agent_authorisations" ("brand_id", "revoked_at");`);

    this.addSql(`alter table "agent_authorisations" add constraint "agent_authorisations_agent_id_foreign" foreign key ("agent_id") references "agent_organisations" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "agent_authorisations" add constraint "agent_authorisations_brand_id_foreign" foreign key ("brand_id") references "brands" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "agent_authorisations" add constraint "agent_authorisations_letter_document_id_foreign" foreign key ("letter_document_id") references "documents" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "agent_authorisations" add constraint "agent_authorisations_granted_by_id_foreign" foreign key ("granted_by_id") references "users" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "api_keys" drop constraint if exists "api_keys_kind_check";`);

    this.addSql(`alter table "api_keys" add column "agent_id" uuid null;`);
    this.addSql(`alter table "api_keys" add constraint "api_keys_agent_id_foreign" foreign key ("agent_id") references "agent_organisations" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "api_keys" add constraint "api_keys_kind_check" check("kind" in ('marketplace', 'brand', 'agent'));`);
    this.addSql(`create index "api_keys_agent_id_index" on "api_keys" ("agent_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "api_keys" drop constraint "api_keys_agent_id_foreign";`);

    this.addSql(`alter table "agent_authorisations" drop constraint "agent_authorisations_agent_id_foreign";`);

    this.addSql(`drop table if exists "agent_organisations" cascade;`);

    this.addSql(`drop table if exists "agent_authorisations" cascade;`);

    this.addSql(`alter table "api_keys" drop constraint if exists "api_keys_kind_check";`);

    this.addSql(`drop index "api_keys_agent_id_index";`);
    this.addSql(`alter table "api_keys" drop column "agent_id";`);

    this.addSql(`alter table "api_keys" add constraint "api_keys_kind_check" check("kind" in ('marketplace', 'brand'));`);
  }

}
