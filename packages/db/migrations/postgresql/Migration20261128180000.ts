// Written by hand: triggers are not part of the entities, so MikroORM's diff never proposes them.
import { Migration } from '@mikro-orm/migrations';

/**
 * Audit events are append-only in the database itself: UPDATE, DELETE and TRUNCATE of `audit_events`
 * raise an exception, whatever code or console sends them. (A superuser can still disable the triggers;
 * that is a deliberate act, not an accident.)
 */
export class Migration20261128180000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create or replace function "audit_events_append_only"() returns trigger language plpgsql as $$ begin raise exception 'audit_events is append-only: % refused', tg_op using errcode = 'restrict_violation'; end; $$;`);
    this.addSql(`create trigger "audit_events_no_update_delete" before update or delete on "audit_events" for each row execute function "audit_events_append_only"();`);
    this.addSql(`create trigger "audit_events_no_truncate" before truncate on "audit_events" for each statement execute function "audit_events_append_only"();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists "audit_events_no_truncate" on "audit_events";`);
    this.addSql(`drop trigger if exists "audit_events_no_update_delete" on "audit_events";`);
    this.addSql(`drop function if exists "audit_events_append_only"();`);
  }

}
