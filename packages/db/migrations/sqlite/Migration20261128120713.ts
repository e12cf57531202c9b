// Written by hand: MikroORM's SQLite diff proposes rebuilding every table, so only the real change is kept.
import { Migration } from '@mikro-orm/migrations';

export class Migration20261128120713 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table \`bulk_job_errors\` (\`id\` text not null, \`job_id\` text not null, \`row\` integer not null, \`column\` text not null, \`message\` text not null, constraint \`bulk_job_errors_job_id_foreign\` foreign key(\`job_id\`) references \`bulk_jobs\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`bulk_job_errors_job_id_index\` on \`bulk_job_errors\` (\`job_id\`);`);
    this.addSql(`create index \`bulk_job_errors_job_id_row_index\` on \`bulk_job_errors\` (\`job_id\`, \`row\`);`);
    this.addSql(`alter table \`bulk_jobs\` drop column \`error_report\`;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists \`bulk_job_errors\`;`);
    this.addSql(`alter table \`bulk_jobs\` add column \`error_report\` text not null default '';`);
  }
}
