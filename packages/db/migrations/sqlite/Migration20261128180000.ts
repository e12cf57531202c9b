// Written by hand: triggers are not part of the entities, so MikroORM's diff never proposes them.
import { Migration } from '@mikro-orm/migrations';

/**
 * Audit events are append-only in the database itself: an update or a delete of a row aborts the
 * statement, whatever code or console sends it. DROP TABLE fires no trigger and drops these with the
 * table, so a later migration that rebuilds `audit_events` must create them again (`schemaDrift` reports
 * them missing).
 */
export class Migration20261128180000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create trigger \`audit_events_no_update\` before update on \`audit_events\` begin select raise(abort, 'audit_events is append-only: rows cannot be updated'); end;`);
    this.addSql(`create trigger \`audit_events_no_delete\` before delete on \`audit_events\` begin select raise(abort, 'audit_events is append-only: rows cannot be deleted'); end;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists \`audit_events_no_update\`;`);
    this.addSql(`drop trigger if exists \`audit_events_no_delete\`;`);
  }
}
