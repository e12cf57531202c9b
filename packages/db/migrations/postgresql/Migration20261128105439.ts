import { Migration } from '@mikro-orm/migrations';

export class Migration20261128105439 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "audit_events" ("id" uuid not null, "actor_id" uuid null, "actor_label" varchar(300) not null, "action" varchar(100) not null, "entity_type" text check ("entity_type" in ('brand', 'user', 'ip_right', 'protected_product', 'seller', 'listing', 'notice', 'notice_item', 'auth_request', 'removal', 'appeal', 'strike', 'message_thread', 'model_version', 'outbox_command', 'session')) not null, "entity_id" varchar(64) not null, "brand_id" uuid null, "before" jsonb null, "after" jsonb null, "request_id" varchar(64) null, "occurred_at" timestamptz not null, constraint "audit_events_pkey" primary key ("id"));`);
    this.addSql(`create index "audit_events_entity_type_entity_id_index" on "audit_events" ("entity_type", "entity_id");`);
    this.addSql(`create index "audit_events_brand_id_occurred_at_index" on "audit_events" ("brand_id", "occurred_at");`);
    this.addSql(`create index "audit_events_actor_id_occurred_at_index" on "audit_events" ("actor_id", "occurred_at");`);
    this.addSql(`create index "audit_events_occurred_at_index" on "audit_events" ("occurred_at");`);

    this.addSql(`create table "marketplaces" ("code" text check ("code" in ('taobao', 'tmall', 'aliexpress', '1688', 'alibaba')) not null, "name" varchar(100) not null, "base_url" varchar(255) not null, "created_at" timestamptz not null, constraint "marketplaces_pkey" primary key ("code"));`);

    this.addSql(`create table "model_versions" ("id" uuid not null, "version" int not null, "status" text check ("status" in ('candidate', 'active', 'retired', 'rejected')) not null default 'candidate', "weights" jsonb not null, "remove_threshold" double precision not null, "ask_threshold" double precision not null, "metrics" jsonb not null, "label_counts" jsonb not null, "trained_at" timestamptz not null, "promoted_at" timestamptz null, constraint "model_versions_pkey" primary key ("id"));`);
    this.addSql(`alter table "model_versions" add constraint "model_versions_version_unique" unique ("version");`);
    this.addSql(`create index "model_versions_status_index" on "model_versions" ("status");`);

    this.addSql(`create table "sellers" ("id" uuid not null, "marketplace_code" text not null, "external_id" varchar(64) not null, "name" varchar(200) not null, "status" text check ("status" in ('active', 'restricted', 'banned')) not null default 'active', "strike_count" int not null default 0, "contact_fingerprint" varchar(64) null, "payment_fingerprint" varchar(64) null, "registered_at" timestamptz not null, "created_at" timestamptz not null, constraint "sellers_pkey" primary key ("id"));`);
    this.addSql(`create index "sellers_contact_fingerprint_index" on "sellers" ("contact_fingerprint");`);
    this.addSql(`create index "sellers_payment_fingerprint_index" on "sellers" ("payment_fingerprint");`);
    this.addSql(`alter table "sellers" add constraint "sellers_marketplace_code_external_id_unique" unique ("marketplace_code", "external_id");`);

    this.addSql(`create table "users" ("id" uuid not null, "email" varchar(254) not null, "name" varchar(200) not null, "password_hash" varchar(255) null, "role" text check ("role" in ('leadership', 'account_manager', 'reviewer', 'platform_admin', 'brand_admin', 'brand_agent')) not null, "status" text check ("status" in ('invited', 'active', 'deactivated')) not null default 'active', "brand_id" uuid null, "locale" varchar(16) not null default 'en', "invite_token_hash" varchar(128) null, "invite_expires_at" timestamptz null, "last_sign_in_at" timestamptz null, "created_at" timestamptz not null, constraint "users_pkey" primary key ("id"));`);
    this.addSql(`alter table "users" add constraint "users_email_unique" unique ("email");`);
    this.addSql(`alter table "users" add constraint "users_invite_token_hash_unique" unique ("invite_token_hash");`);
    this.addSql(`create index "users_brand_id_role_index" on "users" ("brand_id", "role");`);

    this.addSql(`create table "settings" ("key" varchar(100) not null, "value" jsonb not null, "updated_by_id" uuid null, "updated_at" timestamptz not null, constraint "settings_pkey" primary key ("key"));`);

    this.addSql(`create table "sessions" ("token_hash" varchar(64) not null, "user_id" uuid not null, "csrf_token" varchar(64) not null, "created_at" timestamptz not null, "last_seen_at" timestamptz not null, "expires_at" timestamptz not null, "user_agent" varchar(500) null, constraint "sessions_pkey" primary key ("token_hash"));`);
    this.addSql(`create index "sessions_user_id_index" on "sessions" ("user_id");`);
    this.addSql(`create index "sessions_expires_at_index" on "sessions" ("expires_at");`);

    this.addSql(`create table "brands" ("id" uuid not null, "name" varchar(200) not null, "slug" varchar(200) not null, "status" text check ("status" in ('onboarding', 'active', 'inactive')) not null default 'active', "gft_status" text check ("gft_status" in ('not_eligible', 'eligible', 'enrolled', 'suspended')) not null default 'not_eligible', "gft_status_changed_at" timestamptz null, "gft_suspended_at" timestamptz null, "joint_force_phase" text check ("joint_force_phase" in ('onboarding', 'notice_and_takedown', 'authentication', 'joint_force')) not null default 'onboarding', "account_manager_id" uuid null, "accuracy" double precision null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "brands_pkey" primary key ("id"));`);
    this.addSql(`alter table "brands" add constraint "brands_name_unique" unique ("name");`);
    this.addSql(`alter table "brands" add constraint "brands_slug_unique" unique ("slug");`);
    this.addSql(`create index "brands_gft_status_index" on "brands" ("gft_status");`);
    this.addSql(`create index "brands_account_manager_id_index" on "brands" ("account_manager_id");`);

    this.addSql(`create table "protected_products" ("id" uuid not null, "brand_id" uuid not null, "name" varchar(200) not null, "keywords" jsonb not null, "msrp_cents" int not null, "currency" varchar(3) not null, "category" varchar(100) not null, "reference_images" jsonb not null, "created_at" timestamptz not null, constraint "protected_products_pkey" primary key ("id"));`);
    this.addSql(`create index "protected_products_brand_id_index" on "protected_products" ("brand_id");`);

    this.addSql(`create table "outbox_commands" ("id" uuid not null, "kind" text check ("kind" in ('remove_listing', 'reinstate_listing', 'notify')) not null, "marketplace_code" text null, "brand_id" uuid null, "payload" jsonb not null, "idempotency_key" varchar(128) not null, "state" text check ("state" in ('pending', 'in_flight', 'delivered', 'dead')) not null default 'pending', "attempts" int not null default 0, "next_attempt_at" timestamptz not null, "last_error" text null, "delivered_at" timestamptz null, "created_at" timestamptz not null, constraint "outbox_commands_pkey" primary key ("id"));`);
    this.addSql(`alter table "outbox_commands" add constraint "outbox_commands_idempotency_key_unique" unique ("idempotency_key");`);
    this.addSql(`create index "outbox_commands_state_next_attempt_at_index" on "outbox_commands" ("state", "next_attempt_at");`);
    this.addSql(`create index "outbox_commands_marketplace_code_state_index" on "outbox_commands" ("marketplace_code", "state");`);

    this.addSql(`create table "message_threads" ("id" uuid not null, "brand_id" uuid not null, "subject" varchar(300) not null, "subject_type" text check ("subject_type" in ('notice', 'notice_item', 'listing', 'auth_request', 'appeal')) null, "subject_id" uuid null, "brand_read_at" timestamptz null, "staff_read_at" timestamptz null, "last_message_at" timestamptz not null, "created_at" timestamptz not null, constraint "message_threads_pkey" primary key ("id"));`);
    this.addSql(`create index "message_threads_brand_id_last_message_at_index" on "message_threads" ("brand_id", "last_message_at");`);
    this.addSql(`create index "message_threads_subject_type_subject_id_index" on "message_threads" ("subject_type", "subject_id");`);

    this.addSql(`create table "messages" ("id" uuid not null, "thread_id" uuid not null, "brand_id" uuid not null, "author_id" uuid null, "author_side" text check ("author_side" in ('brand', 'staff')) not null, "body" text not null, "created_at" timestamptz not null, constraint "messages_pkey" primary key ("id"));`);
    this.addSql(`create index "messages_thread_id_created_at_index" on "messages" ("thread_id", "created_at");`);

    this.addSql(`create table "listings" ("id" uuid not null, "marketplace_code" text not null, "seller_id" uuid not null, "external_id" varchar(64) not null, "title" varchar(500) not null, "price_cents" int not null, "currency" varchar(3) not null, "category" varchar(100) not null, "images" jsonb not null, "status" text check ("status" in ('active', 'removed', 'reinstated')) not null default 'active', "matched_brand_id" uuid null, "matched_product_id" uuid null, "risk_score" double precision null, "scored_at" timestamptz null, "listed_at" timestamptz not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "listings_pkey" primary key ("id"));`);
    this.addSql(`create index "listings_seller_id_index" on "listings" ("seller_id");`);
    this.addSql(`create index "listings_matched_brand_id_status_index" on "listings" ("matched_brand_id", "status");`);
    this.addSql(`create index "listings_status_updated_at_index" on "listings" ("status", "updated_at");`);
    this.addSql(`alter table "listings" add constraint "listings_marketplace_code_external_id_unique" unique ("marketplace_code", "external_id");`);

    this.addSql(`create table "sim_listing_truths" ("listing_id" uuid not null, "counterfeit" boolean not null, "brand_id" uuid null, constraint "sim_listing_truths_pkey" primary key ("listing_id"));`);

    this.addSql(`create table "ip_rights" ("id" uuid not null, "brand_id" uuid not null, "kind" text check ("kind" in ('trademark', 'copyright', 'patent', 'design')) not null, "registration_number" varchar(100) not null, "jurisdiction" varchar(10) not null, "classes" jsonb not null, "valid_from" timestamptz not null, "valid_until" timestamptz not null, "evidence_document" varchar(500) null, "status" text check ("status" in ('pending', 'verified', 'rejected', 'expired')) not null default 'pending', "rejection_reason" text null, "verified_by_id" uuid null, "verified_at" timestamptz null, "created_at" timestamptz not null, constraint "ip_rights_pkey" primary key ("id"));`);
    this.addSql(`create index "ip_rights_brand_id_status_index" on "ip_rights" ("brand_id", "status");`);
    this.addSql(`create index "ip_rights_status_created_at_index" on "ip_rights" ("status", "created_at");`);
    this.addSql(`alter table "ip_rights" add constraint "ip_rights_brand_id_kind_registration_number_jurisdiction_unique" unique ("brand_id", "kind", "registration_number", "jurisdiction");`);

    this.addSql(`create table "notices" ("id" uuid not null, "brand_id" uuid not null, "submitted_by_id" uuid null, "ip_right_id" uuid not null, "reason" text check ("reason" in ('counterfeit', 'trademark_misuse', 'copyright', 'patent', 'test_buy')) not null, "evidence" text not null, "test_buy_order_ref" varchar(100) null, "path" text check ("path" in ('good_faith', 'standard')) not null, "idempotency_key" varchar(128) not null, "item_count" int not null default 0, "submitted_at" timestamptz not null, "created_at" timestamptz not null, constraint "notices_pkey" primary key ("id"));`);
    this.addSql(`create index "notices_brand_id_submitted_at_index" on "notices" ("brand_id", "submitted_at");`);
    this.addSql(`alter table "notices" add constraint "notices_brand_id_idempotency_key_unique" unique ("brand_id", "idempotency_key");`);

    this.addSql(`create table "notice_items" ("id" uuid not null, "notice_id" uuid not null, "brand_id" uuid not null, "marketplace_code" text not null, "listing_id" uuid not null, "state" text check ("state" in ('pending', 'removed', 'rejected', 'needs_info', 'reinstated')) not null default 'pending', "rejection_code" text check ("rejection_code" in ('insufficient_evidence', 'right_not_applicable', 'listing_not_infringing', 'authorised_seller', 'duplicate', 'other')) null, "rejection_message" text null, "info_request" text null, "info_response" text null, "claimed_by_id" uuid null, "claimed_at" timestamptz null, "decided_by_id" uuid null, "decided_at" timestamptz null, "audit_sampled" boolean not null default false, "audit_upheld" boolean null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "notice_items_pkey" primary key ("id"));`);
    this.addSql(`create index "notice_items_notice_id_index" on "notice_items" ("notice_id");`);
    this.addSql(`create index "notice_items_state_created_at_index" on "notice_items" ("state", "created_at");`);
    this.addSql(`create index "notice_items_brand_id_created_at_index" on "notice_items" ("brand_id", "created_at");`);
    this.addSql(`create index "notice_items_marketplace_code_state_index" on "notice_items" ("marketplace_code", "state");`);
    this.addSql(`create index "notice_items_listing_id_state_index" on "notice_items" ("listing_id", "state");`);
    this.addSql(`create index "notice_items_audit_sampled_audit_upheld_index" on "notice_items" ("audit_sampled", "audit_upheld");`);

    this.addSql(`create table "auth_requests" ("id" uuid not null, "brand_id" uuid not null, "marketplace_code" text not null, "listing_id" uuid not null, "product_id" uuid null, "signals" jsonb not null, "score" double precision not null, "state" text check ("state" in ('open', 'answered', 'expired')) not null default 'open', "answer" text check ("answer" in ('counterfeit', 'genuine', 'unsure')) null, "answer_reason" text null, "answered_by_id" uuid null, "answered_at" timestamptz null, "due_at" timestamptz not null, "created_at" timestamptz not null, constraint "auth_requests_pkey" primary key ("id"));`);
    this.addSql(`create index "auth_requests_brand_id_state_created_at_index" on "auth_requests" ("brand_id", "state", "created_at");`);
    this.addSql(`create index "auth_requests_state_due_at_index" on "auth_requests" ("state", "due_at");`);
    this.addSql(`create index "auth_requests_marketplace_code_created_at_index" on "auth_requests" ("marketplace_code", "created_at");`);
    this.addSql(`create index "auth_requests_listing_id_index" on "auth_requests" ("listing_id");`);

    this.addSql(`create table "removals" ("id" uuid not null, "brand_id" uuid null, "marketplace_code" text not null, "listing_id" uuid not null, "source" text check ("source" in ('proactive', 'authentication', 'notice_gft', 'notice_standard')) not null, "notice_item_id" uuid null, "auth_request_id" uuid null, "requested_at" timestamptz not null, "removed_at" timestamptz null, "reinstated_at" timestamptz null, "created_at" timestamptz not null, constraint "removals_pkey" primary key ("id"));`);
    this.addSql(`create index "removals_brand_id_requested_at_index" on "removals" ("brand_id", "requested_at");`);
    this.addSql(`create index "removals_marketplace_code_requested_at_index" on "removals" ("marketplace_code", "requested_at");`);
    this.addSql(`create index "removals_source_requested_at_index" on "removals" ("source", "requested_at");`);
    this.addSql(`create index "removals_listing_id_index" on "removals" ("listing_id");`);
    this.addSql(`create index "removals_notice_item_id_index" on "removals" ("notice_item_id");`);

    this.addSql(`create table "strikes" ("id" uuid not null, "seller_id" uuid not null, "marketplace_code" text not null, "brand_id" uuid null, "removal_id" uuid not null, "expires_at" timestamptz not null, "created_at" timestamptz not null, constraint "strikes_pkey" primary key ("id"));`);
    this.addSql(`create index "strikes_seller_id_expires_at_index" on "strikes" ("seller_id", "expires_at");`);
    this.addSql(`create index "strikes_brand_id_created_at_index" on "strikes" ("brand_id", "created_at");`);

    this.addSql(`create table "appeals" ("id" uuid not null, "removal_id" uuid not null, "brand_id" uuid null, "marketplace_code" text not null, "seller_id" uuid not null, "statement" text not null, "evidence" jsonb not null, "state" text check ("state" in ('open', 'upheld', 'reinstated')) not null default 'open', "brand_response" text null, "brand_responded_at" timestamptz null, "decided_by_id" uuid null, "decided_at" timestamptz null, "decision_reason" text null, "created_at" timestamptz not null, constraint "appeals_pkey" primary key ("id"));`);
    this.addSql(`create index "appeals_brand_id_state_created_at_index" on "appeals" ("brand_id", "state", "created_at");`);
    this.addSql(`create index "appeals_state_created_at_index" on "appeals" ("state", "created_at");`);
    this.addSql(`create index "appeals_marketplace_code_created_at_index" on "appeals" ("marketplace_code", "created_at");`);
    this.addSql(`create index "appeals_removal_id_index" on "appeals" ("removal_id");`);
    this.addSql(`create index "appeals_seller_id_index" on "appeals" ("seller_id");`);

    this.addSql(`alter table "sellers" add constraint "sellers_marketplace_code_foreign" foreign key ("marketplace_code") references "marketplaces" ("code") on update cascade on delete restrict;`);

    this.addSql(`alter table "users" add constraint "users_brand_id_foreign" foreign key ("brand_id") references "brands" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "settings" add constraint "settings_updated_by_id_foreign" foreign key ("updated_by_id") references "users" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "sessions" add constraint "sessions_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "brands" add constraint "brands_account_manager_id_foreign" foreign key ("account_manager_id") references "users" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "protected_products" add constraint "protected_products_brand_id_foreign" foreign key ("brand_id") references "brands" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "outbox_commands" add constraint "outbox_commands_marketplace_code_foreign" foreign key ("marketplace_code") references "marketplaces" ("code") on update cascade on delete restrict;`);
    this.addSql(`alter table "outbox_commands" add constraint "outbox_commands_brand_id_foreign" foreign key ("brand_id") references "brands" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "message_threads" add constraint "message_threads_brand_id_foreign" foreign key ("brand_id") references "brands" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "messages" add constraint "messages_thread_id_foreign" foreign key ("thread_id") references "message_threads" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "messages" add constraint "messages_brand_id_foreign" foreign key ("brand_id") references "brands" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "messages" add constraint "messages_author_id_foreign" foreign key ("author_id") references "users" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "listings" add constraint "listings_marketplace_code_foreign" foreign key ("marketplace_code") references "marketplaces" ("code") on update cascade on delete restrict;`);
    this.addSql(`alter table "listings" add constraint "listings_seller_id_foreign" foreign key ("seller_id") references "sellers" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "listings" add constraint "listings_matched_brand_id_foreign" foreign key ("matched_brand_id") references "brands" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "listings" add constraint "listings_matched_product_id_foreign" foreign key ("matched_product_id") references "protected_products" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "sim_listing_truths" add constraint "sim_listing_truths_listing_id_foreign" foreign key ("listing_id") references "listings" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "sim_listing_truths" add constraint "sim_listing_truths_brand_id_foreign" foreign key ("brand_id") references "brands" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "ip_rights" add constraint "ip_rights_brand_id_foreign" foreign key ("brand_id") references "brands" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "ip_rights" add constraint "ip_rights_verified_by_id_foreign" foreign key ("verified_by_id") references "users" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "notices" add constraint "notices_brand_id_foreign" foreign key ("brand_id") references "brands" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "notices" add constraint "notices_submitted_by_id_foreign" foreign key ("submitted_by_id") references "users" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "notices" add constraint "notices_ip_right_id_foreign" foreign key ("ip_right_id") references "ip_rights" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "notice_items" add constraint "notice_items_notice_id_foreign" foreign key ("notice_id") references "notices" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "notice_items" add constraint "notice_items_brand_id_foreign" foreign key ("brand_id") references "brands" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "notice_items" add constraint "notice_items_marketplace_code_foreign" foreign key ("marketplace_code") references "marketplaces" ("code") on update cascade on delete restrict;`);
    this.addSql(`alter table "notice_items" add constraint "notice_items_listing_id_foreign" foreign key ("listing_id") references "listings" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "notice_items" add constraint "notice_items_claimed_by_id_foreign" foreign key ("claimed_by_id") references "users" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "notice_items" add constraint "notice_items_decided_by_id_foreign" foreign key ("decided_by_id") references "users" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "auth_requests" add constraint "auth_requests_brand_id_foreign" foreign key ("brand_id") references "brands" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "auth_requests" add constraint "auth_requests_marketplace_code_foreign" foreign key ("marketplace_code") references "marketplaces" ("code") on update cascade on delete restrict;`);
    this.addSql(`alter table "auth_requests" add constraint "auth_requests_listing_id_foreign" foreign key ("listing_id") references "listings" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "auth_requests" add constraint "auth_requests_product_id_foreign" foreign key ("product_id") references "protected_products" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "auth_requests" add constraint "auth_requests_answered_by_id_foreign" foreign key ("answered_by_id") references "users" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "removals" add constraint "removals_brand_id_foreign" foreign key ("brand_id") references "brands" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "removals" add constraint "removals_marketplace_code_foreign" foreign key ("marketplace_code") references "marketplaces" ("code") on update cascade on delete restrict;`);
    this.addSql(`alter table "removals" add constraint "removals_listing_id_foreign" foreign key ("listing_id") references "listings" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "removals" add constraint "removals_notice_item_id_foreign" foreign key ("notice_item_id") references "notice_items" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "removals" add constraint "removals_auth_request_id_foreign" foreign key ("auth_request_id") references "auth_requests" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "strikes" add constraint "strikes_seller_id_foreign" foreign key ("seller_id") references "sellers" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "strikes" add constraint "strikes_marketplace_code_foreign" foreign key ("marketplace_code") references "marketplaces" ("code") on update cascade on delete restrict;`);
    this.addSql(`alter table "strikes" add constraint "strikes_brand_id_foreign" foreign key ("brand_id") references "brands" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "strikes" add constraint "strikes_removal_id_foreign" foreign key ("removal_id") references "removals" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "appeals" add constraint "appeals_removal_id_foreign" foreign key ("removal_id") references "removals" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "appeals" add constraint "appeals_brand_id_foreign" foreign key ("brand_id") references "brands" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "appeals" add constraint "appeals_marketplace_code_foreign" foreign key ("marketplace_code") references "marketplaces" ("code") on update cascade on delete restrict;`);
    this.addSql(`alter table "appeals" add constraint "appeals_seller_id_foreign" foreign key ("seller_id") references "sellers" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "appeals" add constraint "appeals_decided_by_id_foreign" foreign key ("decided_by_id") references "users" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "sellers" drop constraint "sellers_marketplace_code_foreign";`);

    this.addSql(`alter table "outbox_commands" drop constraint "outbox_commands_marketplace_code_foreign";`);

    this.addSql(`alter table "listings" drop constraint "listings_marketplace_code_foreign";`);

    this.addSql(`alter table "notice_items" drop constraint "notice_items_marketplace_code_foreign";`);

    this.addSql(`alter table "auth_requests" drop constraint "auth_requests_marketplace_code_foreign";`);

    this.addSql(`alter table "removals" drop constraint "removals_marketplace_code_foreign";`);

    this.addSql(`alter table "strikes" drop constraint "strikes_marketplace_code_foreign";`);

    this.addSql(`alter table "appeals" drop constraint "appeals_marketplace_code_foreign";`);

    this.addSql(`alter table "listings" drop constraint "listings_seller_id_foreign";`);

    this.addSql(`alter table "strikes" drop constraint "strikes_seller_id_foreign";`);

    this.addSql(`alter table "appeals" drop constraint "appeals_seller_id_foreign";`);

    this.addSql(`alter table "settings" drop constraint "settings_updated_by_id_foreign";`);

    this.addSql(`alter table "sessions" drop constraint "sessions_user_id_foreign";`);

    this.addSql(`alter table "brands" drop constraint "brands_account_manager_id_foreign";`);

    this.addSql(`alter table "messages" drop constraint "messages_author_id_foreign";`);

    this.addSql(`alter table "ip_rights" drop constraint "ip_rights_verified_by_id_foreign";`);

    this.addSql(`alter table "notices" drop constraint "notices_submitted_by_id_foreign";`);

    this.addSql(`alter table "notice_items" drop constraint "notice_items_claimed_by_id_foreign";`);

    this.addSql(`alter table "notice_items" drop constraint "notice_items_decided_by_id_foreign";`);

    this.addSql(`alter table "auth_requests" drop constraint "auth_requests_answered_by_id_foreign";`);

    this.addSql(`alter table "appeals" drop constraint "appeals_decided_by_id_foreign";`);

    this.addSql(`alter table "users" drop constraint "users_brand_id_foreign";`);

    this.addSql(`alter table "protected_products" drop constraint "protected_products_brand_id_foreign";`);

    this.addSql(`alter table "outbox_commands" drop constraint "outbox_commands_brand_id_foreign";`);

    this.addSql(`alter table "message_threads" drop constraint "message_threads_brand_id_foreign";`);

    this.addSql(`alter table "messages" drop constraint "messages_brand_id_foreign";`);

    this.addSql(`alter table "listings" drop constraint "listings_matched_brand_id_foreign";`);

    this.addSql(`alter table "sim_listing_truths" drop constraint "sim_listing_truths_brand_id_foreign";`);

    this.addSql(`alter table "ip_rights" drop constraint "ip_rights_brand_id_foreign";`);

    this.addSql(`alter table "notices" drop constraint "notices_brand_id_foreign";`);

    this.addSql(`alter table "notice_items" drop constraint "notice_items_brand_id_foreign";`);

    this.addSql(`alter table "auth_requests" drop constraint "auth_requests_brand_id_foreign";`);

    this.addSql(`alter table "removals" drop constraint "removals_brand_id_foreign";`);

    this.addSql(`alter table "strikes" drop constraint "strikes_brand_id_foreign";`);

    this.addSql(`alter table "appeals" drop constraint "appeals_brand_id_foreign";`);

    this.addSql(`alter table "listings" drop constraint "listings_matched_product_id_foreign";`);

    this.addSql(`alter table "auth_requests" drop constraint "auth_requests_product_id_foreign";`);

    this.addSql(`alter table "messages" drop constraint "messages_thread_id_foreign";`);

    this.addSql(`alter table "sim_listing_truths" drop constraint "sim_listing_truths_listing_id_foreign";`);

    this.addSql(`alter table "notice_items" drop constraint "notice_items_listing_id_foreign";`);

    this.addSql(`alter table "auth_requests" drop constraint "auth_requests_listing_id_foreign";`);

    this.addSql(`alter table "removals" drop constraint "removals_listing_id_foreign";`);

    this.addSql(`alter table "notices" drop constraint "notices_ip_right_id_foreign";`);

    this.addSql(`alter table "notice_items" drop constraint "notice_items_notice_id_foreign";`);

    this.addSql(`alter table "removals" drop constraint "removals_notice_item_id_foreign";`);

    this.addSql(`alter table "removals" drop constraint "removals_auth_request_id_foreign";`);

    this.addSql(`alter table "strikes" drop constraint "strikes_removal_id_foreign";`);

    this.addSql(`alter table "appeals" drop constraint "appeals_removal_id_foreign";`);

    this.addSql(`drop table if exists "audit_events" cascade;`);

    this.addSql(`drop table if exists "marketplaces" cascade;`);

    this.addSql(`drop table if exists "model_versions" cascade;`);

    this.addSql(`drop table if exists "sellers" cascade;`);

    this.addSql(`drop table if exists "users" cascade;`);

    this.addSql(`drop table if exists "settings" cascade;`);

    this.addSql(`drop table if exists "sessions" cascade;`);

    this.addSql(`drop table if exists "brands" cascade;`);

    this.addSql(`drop table if exists "protected_products" cascade;`);

    this.addSql(`drop table if exists "outbox_commands" cascade;`);

    this.addSql(`drop table if exists "message_threads" cascade;`);

    this.addSql(`drop table if exists "messages" cascade;`);

    this.addSql(`drop table if exists "listings" cascade;`);

    this.addSql(`drop table if exists "sim_listing_truths" cascade;`);

    this.addSql(`drop table if exists "ip_rights" cascade;`);

    this.addSql(`drop table if exists "notices" cascade;`);

    this.addSql(`drop table if exists "notice_items" cascade;`);

    this.addSql(`drop table if exists "auth_requests" cascade;`);

    this.addSql(`drop table if exists "removals" cascade;`);

    this.addSql(`drop table if exists "strikes" cascade;`);

    this.addSql(`drop table if exists "appeals" cascade;`);
  }

}
