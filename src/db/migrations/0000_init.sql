CREATE TYPE "public"."active_status" AS ENUM('active', 'suspended');--> statement-breakpoint
CREATE TYPE "public"."registrant_kind" AS ENUM('company', 'individual', 'government');--> statement-breakpoint
CREATE TYPE "public"."user_role" AS ENUM('agency_admin', 'agency_officer', 'registrant_member');--> statement-breakpoint
CREATE TYPE "public"."assignment_source" AS ENUM('system', 'manual');--> statement-breakpoint
CREATE TABLE "registrant_codes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"country_code" text NOT NULL,
	"code" text NOT NULL,
	"registrant_id" uuid,
	"is_pool" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "registrant_codes_code_ck" CHECK ("registrant_codes"."code" ~ '^[A-Z0-9]{3}$' and "registrant_codes"."country_code" ~ '^[A-Z]{2}$'),
	CONSTRAINT "registrant_codes_pool_ck" CHECK (("registrant_codes"."is_pool" and "registrant_codes"."registrant_id" is null) or (not "registrant_codes"."is_pool" and "registrant_codes"."registrant_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "registrants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "registrant_kind" NOT NULL,
	"name" text NOT NULL,
	"contact_person" text DEFAULT '' NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"email" text DEFAULT '' NOT NULL,
	"status" "active_status" DEFAULT 'active' NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "login_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"login_name" text NOT NULL,
	"ip" "inet",
	"succeeded" boolean NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"ip" text DEFAULT '' NOT NULL,
	"user_agent" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"login_name" text NOT NULL,
	"display_name" text NOT NULL,
	"email" text DEFAULT '' NOT NULL,
	"password_hash" text NOT NULL,
	"role" "user_role" NOT NULL,
	"registrant_id" uuid,
	"status" "active_status" DEFAULT 'active' NOT NULL,
	"must_change_password" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_registrant_role_ck" CHECK (("users"."role" = 'registrant_member') = ("users"."registrant_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "designation_counters" (
	"country_code" text NOT NULL,
	"registrant_code" text NOT NULL,
	"year_of_reference" smallint NOT NULL,
	"last_designation" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "designation_counters_country_code_registrant_code_year_of_reference_pk" PRIMARY KEY("country_code","registrant_code","year_of_reference"),
	CONSTRAINT "designation_counters_range_ck" CHECK ("designation_counters"."last_designation" between 0 and 99999)
);
--> statement-breakpoint
CREATE TABLE "isrc_assignments" (
	"isrc" text PRIMARY KEY NOT NULL,
	"country_code" text NOT NULL,
	"registrant_code" text NOT NULL,
	"year_of_reference" smallint NOT NULL,
	"designation" integer NOT NULL,
	"registrant_id" uuid NOT NULL,
	"source" "assignment_source" NOT NULL,
	"assigned_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "isrc_assignments_isrc_ck" CHECK ("isrc_assignments"."isrc" ~ '^[A-Z]{2}[A-Z0-9]{3}[0-9]{7}$'),
	CONSTRAINT "isrc_assignments_designation_ck" CHECK ("isrc_assignments"."designation" between 1 and 99999)
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"actor_user_id" uuid,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"ip" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "registrant_codes" ADD CONSTRAINT "registrant_codes_registrant_id_registrants_id_fk" FOREIGN KEY ("registrant_id") REFERENCES "public"."registrants"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_registrant_id_registrants_id_fk" FOREIGN KEY ("registrant_id") REFERENCES "public"."registrants"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "isrc_assignments" ADD CONSTRAINT "isrc_assignments_registrant_id_registrants_id_fk" FOREIGN KEY ("registrant_id") REFERENCES "public"."registrants"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "isrc_assignments" ADD CONSTRAINT "isrc_assignments_assigned_by_users_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "registrant_codes_country_code_uq" ON "registrant_codes" USING btree ("country_code","code");--> statement-breakpoint
CREATE INDEX "registrant_codes_registrant_idx" ON "registrant_codes" USING btree ("registrant_id");--> statement-breakpoint
CREATE INDEX "registrants_name_idx" ON "registrants" USING btree ("name");--> statement-breakpoint
CREATE INDEX "login_attempts_name_idx" ON "login_attempts" USING btree ("login_name","created_at");--> statement-breakpoint
CREATE INDEX "login_attempts_ip_idx" ON "login_attempts" USING btree ("ip","created_at");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_login_name_uq" ON "users" USING btree ("login_name");--> statement-breakpoint
CREATE INDEX "users_registrant_idx" ON "users" USING btree ("registrant_id");--> statement-breakpoint
CREATE INDEX "isrc_assignments_registrant_idx" ON "isrc_assignments" USING btree ("registrant_id","year_of_reference");--> statement-breakpoint
CREATE INDEX "isrc_assignments_code_year_idx" ON "isrc_assignments" USING btree ("country_code","registrant_code","year_of_reference","designation");--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "audit_log_created_idx" ON "audit_log" USING btree ("created_at");