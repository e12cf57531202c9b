// Written by hand: MikroORM's SQLite diff proposes rebuilding every table, so only the real change is kept.
import { Migration } from '@mikro-orm/migrations';

export class Migration20261128190809 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`drop index if exists \`listings_updated_at_id_index\`;`);
    this.addSql(`create index \`listings_scored_at_id_index\` on \`listings\` (\`scored_at\`, \`id\`);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists \`listings_scored_at_id_index\`;`);
    this.addSql(`create index \`listings_updated_at_id_index\` on \`listings\` (\`updated_at\`, \`id\`);`);
  }
}
