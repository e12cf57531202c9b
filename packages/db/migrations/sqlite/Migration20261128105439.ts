import { Migration } from '@mikro-orm/migrations';

export class Migration20261128105439 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`audit_events\` (\`id\` text not null, \`actor_id\` text null, \`actor_label\` text not null, \`action\` text not null, \`entity_type\` text check (\`entity_type\` in ('brand', 'user', 'ip_right', 'protected_product', 'seller', 'listing', 'notice', 'notice_item', 'auth_request', 'removal', 'appeal', 'strike', 'message_thread', 'model_version', 'outbox_command', 'session')) not null, \`entity_id\` text not null, \`brand_id\` text null, \`before\` json null, \`after\` json null, \`request_id\` text null, \`occurred_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create index \`audit_events_entity_type_entity_id_index\` on \`audit_events\` (\`entity_type\`, \`entity_id\`);`);
    this.addSql(`create index \`audit_events_brand_id_occurred_at_index\` on \`audit_events\` (\`brand_id\`, \`occurred_at\`);`);
    this.addSql(`create index \`audit_events_actor_id_occurred_at_index\` on \`audit_events\` (\`actor_id\`, \`occurred_at\`);`);
    this.addSql(`create index \`audit_events_occurred_at_index\` on \`audit_events\` (\`occurred_at\`);`);

    this.addSql(`create table \`marketplaces\` (\`code\` text check (\`code\` in ('taobao', 'tmall', 'aliexpress', '1688', 'alibaba')) not null, \`name\` text not null, \`base_url\` text not null, \`created_at\` datetime not null, primary key (\`code\`));`);

    this.addSql(`create table \`model_versions\` (\`id\` text not null, \`version\` integer not null, \`status\` text check (\`status\` in ('candidate', 'active', 'retired', 'rejected')) not null default 'candidate', \`weights\` json not null, \`remove_threshold\` double not null, \`ask_threshold\` double not null, \`metrics\` json not null, \`label_counts\` json not null, \`trained_at\` datetime not null, \`promoted_at\` datetime null, primary key (\`id\`));`);
    this.addSql(`create unique index \`model_versions_version_unique\` on \`model_versions\` (\`version\`);`);
    this.addSql(`create index \`model_versions_status_index\` on \`model_versions\` (\`status\`);`);

    this.addSql(`create table \`sellers\` (\`id\` text not null, \`marketplace_code\` text not null, \`external_id\` text not null, \`name\` text not null, \`status\` text check (\`status\` in ('active', 'restricted', 'banned')) not null default 'active', \`strike_count\` integer not null default 0, \`contact_fingerprint\` text null, \`payment_fingerprint\` text null, \`registered_at\` datetime not null, \`created_at\` datetime not null, constraint \`sellers_marketplace_code_foreign\` foreign key(\`marketplace_code\`) references \`marketplaces\`(\`code\`) on delete restrict on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`sellers_marketplace_code_index\` on \`sellers\` (\`marketplace_code\`);`);
    this.addSql(`create index \`sellers_contact_fingerprint_index\` on \`sellers\` (\`contact_fingerprint\`);`);
    this.addSql(`create index \`sellers_payment_fingerprint_index\` on \`sellers\` (\`payment_fingerprint\`);`);
    this.addSql(`create unique index \`sellers_marketplace_code_external_id_unique\` on \`sellers\` (\`marketplace_code\`, \`external_id\`);`);

    this.addSql(`create table \`users\` (\`id\` text not null, \`email\` text not null, \`name\` text not null, \`password_hash\` text null, \`role\` text check (\`role\` in ('leadership', 'account_manager', 'reviewer', 'platform_admin', 'brand_admin', 'brand_agent')) not null, \`status\` text check (\`status\` in ('invited', 'active', 'deactivated')) not null default 'active', \`brand_id\` text null, \`locale\` text not null default 'en', \`invite_token_hash\` text null, \`invite_expires_at\` datetime null, \`last_sign_in_at\` datetime null, \`created_at\` datetime not null, constraint \`users_brand_id_foreign\` foreign key(\`brand_id\`) references \`brands\`(\`id\`) on delete restrict on update cascade, primary key (\`id\`));`);
    this.addSql(`create unique index \`users_email_unique\` on \`users\` (\`email\`);`);
    this.addSql(`create index \`users_brand_id_index\` on \`users\` (\`brand_id\`);`);
    this.addSql(`create unique index \`users_invite_token_hash_unique\` on \`users\` (\`invite_token_hash\`);`);
    this.addSql(`create index \`users_brand_id_role_index\` on \`users\` (\`brand_id\`, \`role\`);`);

    this.addSql(`create table \`settings\` (\`key\` text not null, \`value\` json not null, \`updated_by_id\` text null, \`updated_at\` datetime not null, constraint \`settings_updated_by_id_foreign\` foreign key(\`updated_by_id\`) references \`users\`(\`id\`) on delete set null on update cascade, primary key (\`key\`));`);
    this.addSql(`create index \`settings_updated_by_id_index\` on \`settings\` (\`updated_by_id\`);`);

    this.addSql(`create table \`sessions\` (\`token_hash\` text not null, \`user_id\` text not null, \`csrf_token\` text not null, \`created_at\` datetime not null, \`last_seen_at\` datetime not null, \`expires_at\` datetime not null, \`user_agent\` text null, constraint \`sessions_user_id_foreign\` foreign key(\`user_id\`) references \`users\`(\`id\`) on delete cascade on update cascade, primary key (\`token_hash\`));`);
    this.addSql(`create index \`sessions_user_id_index\` on \`sessions\` (\`user_id\`);`);
    this.addSql(`create index \`sessions_expires_at_index\` on \`sessions\` (\`expires_at\`);`);

    this.addSql(`create table \`brands\` (\`id\` text not null, \`name\` text not null, \`slug\` text not null, \`status\` text check (\`status\` in ('onboarding', 'active', 'inactive')) not null default 'active', \`gft_status\` text check (\`gft_status\` in ('not_eligible', 'eligible', 'enrolled', 'suspended')) not null default 'not_eligible', \`gft_status_changed_at\` datetime null, \`gft_suspended_at\` datetime null, \`joint_force_phase\` text check (\`joint_force_phase\` in ('onboarding', 'notice_and_takedown', 'authentication', 'joint_force')) not null default 'onboarding', \`account_manager_id\` text null, \`accuracy\` double null, \`created_at\` datetime not null, \`updated_at\` datetime not null, constraint \`brands_account_manager_id_foreign\` foreign key(\`account_manager_id\`) references \`users\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`create unique index \`brands_name_unique\` on \`brands\` (\`name\`);`);
    this.addSql(`create unique index \`brands_slug_unique\` on \`brands\` (\`slug\`);`);
    this.addSql(`create index \`brands_gft_status_index\` on \`brands\` (\`gft_status\`);`);
    this.addSql(`create index \`brands_account_manager_id_index\` on \`brands\` (\`account_manager_id\`);`);

    this.addSql(`create table \`protected_products\` (\`id\` text not null, \`brand_id\` text not null, \`name\` text not null, \`keywords\` json not null, \`msrp_cents\` integer not null, \`currency\` text not null, \`category\` text not null, \`reference_images\` json not null, \`created_at\` datetime not null, constraint \`protected_products_brand_id_foreign\` foreign key(\`brand_id\`) references \`brands\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`protected_products_brand_id_index\` on \`protected_products\` (\`brand_id\`);`);

    this.addSql(`create table \`outbox_commands\` (\`id\` text not null, \`kind\` text check (\`kind\` in ('remove_listing', 'reinstate_listing', 'notify')) not null, \`marketplace_code\` text null, \`brand_id\` text null, \`payload\` json not null, \`idempotency_key\` text not null, \`state\` text check (\`state\` in ('pending', 'in_flight', 'delivered', 'dead')) not null default 'pending', \`attempts\` integer not null default 0, \`next_attempt_at\` datetime not null, \`last_error\` text null, \`delivered_at\` datetime null, \`created_at\` datetime not null, constraint \`outbox_commands_marketplace_code_foreign\` foreign key(\`marketplace_code\`) references \`marketplaces\`(\`code\`) on delete restrict on update cascade, constraint \`outbox_commands_brand_id_foreign\` foreign key(\`brand_id\`) references \`brands\`(\`id\`) on delete restrict on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`outbox_commands_marketplace_code_index\` on \`outbox_commands\` (\`marketplace_code\`);`);
    this.addSql(`create index \`outbox_commands_brand_id_index\` on \`outbox_commands\` (\`brand_id\`);`);
    this.addSql(`create unique index \`outbox_commands_idempotency_key_unique\` on \`outbox_commands\` (\`idempotency_key\`);`);
    this.addSql(`create index \`outbox_commands_state_next_attempt_at_index\` on \`outbox_commands\` (\`state\`, \`next_attempt_at\`);`);
    this.addSql(`create index \`outbox_commands_marketplace_code_state_index\` on \`outbox_commands\` (\`marketplace_code\`, \`state\`);`);

    this.addSql(`create table \`message_threads\` (\`id\` text not null, \`brand_id\` text not null, \`subject\` text not null, \`subject_type\` text check (\`subject_type\` in ('notice', 'notice_item', 'listing', 'auth_request', 'appeal')) null, \`subject_id\` text null, \`brand_read_at\` datetime null, \`staff_read_at\` datetime null, \`last_message_at\` datetime not null, \`created_at\` datetime not null, constraint \`message_threads_brand_id_foreign\` foreign key(\`brand_id\`) references \`brands\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`message_threads_brand_id_index\` on \`message_threads\` (\`brand_id\`);`);
    this.addSql(`create index \`message_threads_brand_id_last_message_at_index\` on \`message_threads\` (\`brand_id\`, \`last_message_at\`);`);
    this.addSql(`create index \`message_threads_subject_type_subject_id_index\` on \`message_threads\` (\`subject_type\`, \`subject_id\`);`);

    this.addSql(`create table \`messages\` (\`id\` text not null, \`thread_id\` text not null, \`brand_id\` text not null, \`author_id\` text null, \`author_side\` text check (\`author_side\` in ('brand', 'staff')) not null, \`body\` text not null, \`created_at\` datetime not null, constraint \`messages_thread_id_foreign\` foreign key(\`thread_id\`) references \`message_threads\`(\`id\`) on delete cascade on update cascade, constraint \`messages_brand_id_foreign\` foreign key(\`brand_id\`) references \`brands\`(\`id\`) on delete cascade on update cascade, constraint \`messages_author_id_foreign\` foreign key(\`author_id\`) references \`users\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`messages_thread_id_index\` on \`messages\` (\`thread_id\`);`);
    this.addSql(`create index \`messages_brand_id_index\` on \`messages\` (\`brand_id\`);`);
    this.addSql(`create index \`messages_author_id_index\` on \`messages\` (\`author_id\`);`);
    this.addSql(`create index \`messages_thread_id_created_at_index\` on \`messages\` (\`thread_id\`, \`created_at\`);`);

    this.addSql(`create table \`listings\` (\`id\` text not null, \`marketplace_code\` text not null, \`seller_id\` text not null, \`external_id\` text not null, \`title\` text not null, \`price_cents\` integer not null, \`currency\` text not null, \`category\` text not null, \`images\` json not null, \`status\` text check (\`status\` in ('active', 'removed', 'reinstated')) not null default 'active', \`matched_brand_id\` text null, \`matched_product_id\` text null, \`risk_score\` double null, \`scored_at\` datetime null, \`listed_at\` datetime not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, constraint \`listings_marketplace_code_foreign\` foreign key(\`marketplace_code\`) references \`marketplaces\`(\`code\`) on delete restrict on update cascade, constraint \`listings_seller_id_foreign\` foreign key(\`seller_id\`) references \`sellers\`(\`id\`) on delete restrict on update cascade, constraint \`listings_matched_brand_id_foreign\` foreign key(\`matched_brand_id\`) references \`brands\`(\`id\`) on delete set null on update cascade, constraint \`listings_matched_product_id_foreign\` foreign key(\`matched_product_id\`) references \`protected_products\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`listings_marketplace_code_index\` on \`listings\` (\`marketplace_code\`);`);
    this.addSql(`create index \`listings_matched_brand_id_index\` on \`listings\` (\`matched_brand_id\`);`);
    this.addSql(`create index \`listings_matched_product_id_index\` on \`listings\` (\`matched_product_id\`);`);
    this.addSql(`create index \`listings_seller_id_index\` on \`listings\` (\`seller_id\`);`);
    this.addSql(`create index \`listings_matched_brand_id_status_index\` on \`listings\` (\`matched_brand_id\`, \`status\`);`);
    this.addSql(`create index \`listings_status_updated_at_index\` on \`listings\` (\`status\`, \`updated_at\`);`);
    this.addSql(`create unique index \`listings_marketplace_code_external_id_unique\` on \`listings\` (\`marketplace_code\`, \`external_id\`);`);

    this.addSql(`create table \`sim_listing_truths\` (\`listing_id\` text not null, \`counterfeit\` integer not null, \`brand_id\` text null, constraint \`sim_listing_truths_listing_id_foreign\` foreign key(\`listing_id\`) references \`listings\`(\`id\`) on delete cascade on update cascade, constraint \`sim_listing_truths_brand_id_foreign\` foreign key(\`brand_id\`) references \`brands\`(\`id\`) on delete set null on update cascade, primary key (\`listing_id\`));`);
    this.addSql(`create index \`sim_listing_truths_brand_id_index\` on \`sim_listing_truths\` (\`brand_id\`);`);

    this.addSql(`create table \`ip_rights\` (\`id\` text not null, \`brand_id\` text not null, \`kind\` text check (\`kind\` in ('trademark', 'copyright', 'patent', 'design')) not null, \`registration_number\` text not null, \`jurisdiction\` text not null, \`classes\` json not null, \`valid_from\` datetime not null, \`valid_until\` datetime not null, \`evidence_document\` text null, \`status\` text check (\`status\` in ('pending', 'verified', 'rejected', 'expired')) not null default 'pending', \`rejection_reason\` text null, \`verified_by_id\` text null, \`verified_at\` datetime null, \`created_at\` datetime not null, constraint \`ip_rights_brand_id_foreign\` foreign key(\`brand_id\`) references \`brands\`(\`id\`) on delete cascade on update cascade, constraint \`ip_rights_verified_by_id_foreign\` foreign key(\`verified_by_id\`) references \`users\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`ip_rights_brand_id_index\` on \`ip_rights\` (\`brand_id\`);`);
    this.addSql(`create index \`ip_rights_verified_by_id_index\` on \`ip_rights\` (\`verified_by_id\`);`);
    this.addSql(`create index \`ip_rights_brand_id_status_index\` on \`ip_rights\` (\`brand_id\`, \`status\`);`);
    this.addSql(`create index \`ip_rights_status_created_at_index\` on \`ip_rights\` (\`status\`, \`created_at\`);`);
    this.addSql(`create unique index \`ip_rights_brand_id_kind_registration_number_jurisdiction_unique\` on \`ip_rights\` (\`brand_id\`, \`kind\`, \`registration_number\`, \`jurisdiction\`);`);

    this.addSql(`create table \`notices\` (\`id\` text not null, \`brand_id\` text not null, \`submitted_by_id\` text null, \`ip_right_id\` text not null, \`reason\` text check (\`reason\` in ('counterfeit', 'trademark_misuse', 'copyright', 'patent', 'test_buy')) not null, \`evidence\` text not null, \`test_buy_order_ref\` text null, \`path\` text check (\`path\` in ('good_faith', 'standard')) not null, \`idempotency_key\` text not null, \`item_count\` integer not null default 0, \`submitted_at\` datetime not null, \`created_at\` datetime not null, constraint \`notices_brand_id_foreign\` foreign key(\`brand_id\`) references \`brands\`(\`id\`) on delete restrict on update cascade, constraint \`notices_submitted_by_id_foreign\` foreign key(\`submitted_by_id\`) references \`users\`(\`id\`) on delete set null on update cascade, constraint \`notices_ip_right_id_foreign\` foreign key(\`ip_right_id\`) references \`ip_rights\`(\`id\`) on delete restrict on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`notices_brand_id_index\` on \`notices\` (\`brand_id\`);`);
    this.addSql(`create index \`notices_submitted_by_id_index\` on \`notices\` (\`submitted_by_id\`);`);
    this.addSql(`create index \`notices_ip_right_id_index\` on \`notices\` (\`ip_right_id\`);`);
    this.addSql(`create index \`notices_brand_id_submitted_at_index\` on \`notices\` (\`brand_id\`, \`submitted_at\`);`);
    this.addSql(`create unique index \`notices_brand_id_idempotency_key_unique\` on \`notices\` (\`brand_id\`, \`idempotency_key\`);`);

    this.addSql(`create table \`notice_items\` (\`id\` text not null, \`notice_id\` text not null, \`brand_id\` text not null, \`marketplace_code\` text not null, \`listing_id\` text not null, \`state\` text check (\`state\` in ('pending', 'removed', 'rejected', 'needs_info', 'reinstated')) not null default 'pending', \`rejection_code\` text check (\`rejection_code\` in ('insufficient_evidence', 'right_not_applicable', 'listing_not_infringing', 'authorised_seller', 'duplicate', 'other')) null, \`rejection_message\` text null, \`info_request\` text null, \`info_response\` text null, \`claimed_by_id\` text null, \`claimed_at\` datetime null, \`decided_by_id\` text null, \`decided_at\` datetime null, \`audit_sampled\` integer not null default false, \`audit_upheld\` integer null, \`created_at\` datetime not null, \`updated_at\` datetime not null, constraint \`notice_items_notice_id_foreign\` foreign key(\`notice_id\`) references \`notices\`(\`id\`) on delete cascade on update cascade, constraint \`notice_items_brand_id_foreign\` foreign key(\`brand_id\`) references \`brands\`(\`id\`) on delete restrict on update cascade, constraint \`notice_items_marketplace_code_foreign\` foreign key(\`marketplace_code\`) references \`marketplaces\`(\`code\`) on delete restrict on update cascade, constraint \`notice_items_listing_id_foreign\` foreign key(\`listing_id\`) references \`listings\`(\`id\`) on delete restrict on update cascade, constraint \`notice_items_claimed_by_id_foreign\` foreign key(\`claimed_by_id\`) references \`users\`(\`id\`) on delete set null on update cascade, constraint \`notice_items_decided_by_id_foreign\` foreign key(\`decided_by_id\`) references \`users\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`notice_items_brand_id_index\` on \`notice_items\` (\`brand_id\`);`);
    this.addSql(`create index \`notice_items_marketplace_code_index\` on \`notice_items\` (\`marketplace_code\`);`);
    this.addSql(`create index \`notice_items_listing_id_index\` on \`notice_items\` (\`listing_id\`);`);
    this.addSql(`create index \`notice_items_claimed_by_id_index\` on \`notice_items\` (\`claimed_by_id\`);`);
    this.addSql(`create index \`notice_items_decided_by_id_index\` on \`notice_items\` (\`decided_by_id\`);`);
    this.addSql(`create index \`notice_items_notice_id_index\` on \`notice_items\` (\`notice_id\`);`);
    this.addSql(`create index \`notice_items_state_created_at_index\` on \`notice_items\` (\`state\`, \`created_at\`);`);
    this.addSql(`create index \`notice_items_brand_id_created_at_index\` on \`notice_items\` (\`brand_id\`, \`created_at\`);`);
    this.addSql(`create index \`notice_items_marketplace_code_state_index\` on \`notice_items\` (\`marketplace_code\`, \`state\`);`);
    this.addSql(`create index \`notice_items_listing_id_state_index\` on \`notice_items\` (\`listing_id\`, \`state\`);`);
    this.addSql(`create index \`notice_items_audit_sampled_audit_upheld_index\` on \`notice_items\` (\`audit_sampled\`, \`audit_upheld\`);`);

    this.addSql(`create table \`auth_requests\` (\`id\` text not null, \`brand_id\` text not null, \`marketplace_code\` text not null, \`listing_id\` text not null, \`product_id\` text null, \`signals\` json not null, \`score\` double not null, \`state\` text check (\`state\` in ('open', 'answered', 'expired')) not null default 'open', \`answer\` text check (\`answer\` in ('counterfeit', 'genuine', 'unsure')) null, \`answer_reason\` text null, \`answered_by_id\` text null, \`answered_at\` datetime null, \`due_at\` datetime not null, \`created_at\` datetime not null, constraint \`auth_requests_brand_id_foreign\` foreign key(\`brand_id\`) references \`brands\`(\`id\`) on delete restrict on update cascade, constraint \`auth_requests_marketplace_code_foreign\` foreign key(\`marketplace_code\`) references \`marketplaces\`(\`code\`) on delete restrict on update cascade, constraint \`auth_requests_listing_id_foreign\` foreign key(\`listing_id\`) references \`listings\`(\`id\`) on delete restrict on update cascade, constraint \`auth_requests_product_id_foreign\` foreign key(\`product_id\`) references \`protected_products\`(\`id\`) on delete set null on update cascade, constraint \`auth_requests_answered_by_id_foreign\` foreign key(\`answered_by_id\`) references \`users\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`auth_requests_brand_id_index\` on \`auth_requests\` (\`brand_id\`);`);
    this.addSql(`create index \`auth_requests_marketplace_code_index\` on \`auth_requests\` (\`marketplace_code\`);`);
    this.addSql(`create index \`auth_requests_product_id_index\` on \`auth_requests\` (\`product_id\`);`);
    this.addSql(`create index \`auth_requests_answered_by_id_index\` on \`auth_requests\` (\`answered_by_id\`);`);
    this.addSql(`create index \`auth_requests_brand_id_state_created_at_index\` on \`auth_requests\` (\`brand_id\`, \`state\`, \`created_at\`);`);
    this.addSql(`create index \`auth_requests_state_due_at_index\` on \`auth_requests\` (\`state\`, \`due_at\`);`);
    this.addSql(`create index \`auth_requests_marketplace_code_created_at_index\` on \`auth_requests\` (\`marketplace_code\`, \`created_at\`);`);
    this.addSql(`create index \`auth_requests_listing_id_index\` on \`auth_requests\` (\`listing_id\`);`);

    this.addSql(`create table \`removals\` (\`id\` text not null, \`brand_id\` text null, \`marketplace_code\` text not null, \`listing_id\` text not null, \`source\` text check (\`source\` in ('proactive', 'authentication', 'notice_gft', 'notice_standard')) not null, \`notice_item_id\` text null, \`auth_request_id\` text null, \`requested_at\` datetime not null, \`removed_at\` datetime null, \`reinstated_at\` datetime null, \`created_at\` datetime not null, constraint \`removals_brand_id_foreign\` foreign key(\`brand_id\`) references \`brands\`(\`id\`) on delete restrict on update cascade, constraint \`removals_marketplace_code_foreign\` foreign key(\`marketplace_code\`) references \`marketplaces\`(\`code\`) on delete restrict on update cascade, constraint \`removals_listing_id_foreign\` foreign key(\`listing_id\`) references \`listings\`(\`id\`) on delete restrict on update cascade, constraint \`removals_notice_item_id_foreign\` foreign key(\`notice_item_id\`) references \`notice_items\`(\`id\`) on delete set null on update cascade, constraint \`removals_auth_request_id_foreign\` foreign key(\`auth_request_id\`) references \`auth_requests\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`removals_brand_id_index\` on \`removals\` (\`brand_id\`);`);
    this.addSql(`create index \`removals_marketplace_code_index\` on \`removals\` (\`marketplace_code\`);`);
    this.addSql(`create index \`removals_auth_request_id_index\` on \`removals\` (\`auth_request_id\`);`);
    this.addSql(`create index \`removals_brand_id_requested_at_index\` on \`removals\` (\`brand_id\`, \`requested_at\`);`);
    this.addSql(`create index \`removals_marketplace_code_requested_at_index\` on \`removals\` (\`marketplace_code\`, \`requested_at\`);`);
    this.addSql(`create index \`removals_source_requested_at_index\` on \`removals\` (\`source\`, \`requested_at\`);`);
    this.addSql(`create index \`removals_listing_id_index\` on \`removals\` (\`listing_id\`);`);
    this.addSql(`create index \`removals_notice_item_id_index\` on \`removals\` (\`notice_item_id\`);`);

    this.addSql(`create table \`strikes\` (\`id\` text not null, \`seller_id\` text not null, \`marketplace_code\` text not null, \`brand_id\` text null, \`removal_id\` text not null, \`expires_at\` datetime not null, \`created_at\` datetime not null, constraint \`strikes_seller_id_foreign\` foreign key(\`seller_id\`) references \`sellers\`(\`id\`) on delete restrict on update cascade, constraint \`strikes_marketplace_code_foreign\` foreign key(\`marketplace_code\`) references \`marketplaces\`(\`code\`) on delete restrict on update cascade, constraint \`strikes_brand_id_foreign\` foreign key(\`brand_id\`) references \`brands\`(\`id\`) on delete restrict on update cascade, constraint \`strikes_removal_id_foreign\` foreign key(\`removal_id\`) references \`removals\`(\`id\`) on delete restrict on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`strikes_seller_id_index\` on \`strikes\` (\`seller_id\`);`);
    this.addSql(`create index \`strikes_marketplace_code_index\` on \`strikes\` (\`marketplace_code\`);`);
    this.addSql(`create index \`strikes_brand_id_index\` on \`strikes\` (\`brand_id\`);`);
    this.addSql(`create index \`strikes_removal_id_index\` on \`strikes\` (\`removal_id\`);`);
    this.addSql(`create index \`strikes_seller_id_expires_at_index\` on \`strikes\` (\`seller_id\`, \`expires_at\`);`);
    this.addSql(`create index \`strikes_brand_id_created_at_index\` on \`strikes\` (\`brand_id\`, \`created_at\`);`);

    this.addSql(`create table \`appeals\` (\`id\` text not null, \`removal_id\` text not null, \`brand_id\` text null, \`marketplace_code\` text not null, \`seller_id\` text not null, \`statement\` text not null, \`evidence\` json not null, \`state\` text check (\`state\` in ('open', 'upheld', 'reinstated')) not null default 'open', \`brand_response\` text null, \`brand_responded_at\` datetime null, \`decided_by_id\` text null, \`decided_at\` datetime null, \`decision_reason\` text null, \`created_at\` datetime not null, constraint \`appeals_removal_id_foreign\` foreign key(\`removal_id\`) references \`removals\`(\`id\`) on delete restrict on update cascade, constraint \`appeals_brand_id_foreign\` foreign key(\`brand_id\`) references \`brands\`(\`id\`) on delete restrict on update cascade, constraint \`appeals_marketplace_code_foreign\` foreign key(\`marketplace_code\`) references \`marketplaces\`(\`code\`) on delete restrict on update cascade, constraint \`appeals_seller_id_foreign\` foreign key(\`seller_id\`) references \`sellers\`(\`id\`) on delete restrict on update cascade, constraint \`appeals_decided_by_id_foreign\` foreign key(\`decided_by_id\`) references \`users\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
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
