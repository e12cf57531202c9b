import { Migration } from '@mikro-orm/migrations';

export class Migration20261128185128 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "sign_in_throttles" ("key_hash" varchar(64) not null, "failures" int not null, "window_started_at" timestamptz not null, "locked_until" timestamptz null, "expires_at" timestamptz not null, constraint "sign_in_throttles_pkey" primary key ("key_hash"));`);
    this.addSql(`create index "sign_in_throttles_expires_at_index" on "sign_in_throttles" ("expires_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "sign_in_throttles" cascade;`);
  }

}
