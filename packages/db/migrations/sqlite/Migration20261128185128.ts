// Written by hand: MikroORM's SQLite diff proposes rebuilding every table, so only the real change is kept.
import { Migration } from '@mikro-orm/migrations';

export class Migration20261128185128 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table \`sign_in_throttles\` (\`key_hash\` text not null, \`failures\` integer not null, \`window_started_at\` datetime not null, \`locked_until\` datetime null, \`expires_at\` datetime not null, primary key (\`key_hash\`));`);
    this.addSql(`create index \`sign_in_throttles_expires_at_index\` on \`sign_in_throttles\` (\`expires_at\`);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists \`sign_in_throttles\`;`);
  }
}
