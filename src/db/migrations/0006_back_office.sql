CREATE TYPE "public"."deposit_event_kind" AS ENUM('sent', 'received');--> statement-breakpoint
CREATE TYPE "public"."email_status" AS ENUM('none', 'pending', 'sent', 'failed');--> statement-breakpoint
CREATE TYPE "public"."request_status" AS ENUM('pending', 'approved', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."review_decision" AS ENUM('approved', 'returned');--> statement-breakpoint
ALTER TYPE "public"."user_role" ADD VALUE 'applicant';--> statement-breakpoint
CREATE TABLE "agency_settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "album_submissions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"album_id" uuid NOT NULL,
	"round" integer NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"submitted_by" uuid,
	"snapshot" jsonb NOT NULL,
	"decision" "review_decision",
	"reason" text,
	"track_reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	CONSTRAINT "album_submissions_round_ck" CHECK ("album_submissions"."round" >= 1),
	CONSTRAINT "album_submissions_decision_ck" CHECK (("album_submissions"."decision" is null) = ("album_submissions"."decided_at" is null))
);
--> statement-breakpoint
CREATE TABLE "deposit_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"album_id" uuid NOT NULL,
	"kind" "deposit_event_kind" NOT NULL,
	"copies" integer NOT NULL,
	"event_date" text NOT NULL,
	"tracking_number" text DEFAULT '' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "deposit_events_copies_ck" CHECK ("deposit_events"."copies" between 1 and 1000),
	CONSTRAINT "deposit_events_date_ck" CHECK ("deposit_events"."event_date" ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$')
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone,
	"email_status" "email_status" DEFAULT 'none' NOT NULL,
	"email_attempts" integer DEFAULT 0 NOT NULL,
	"email_error" text,
	"emailed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "registrant_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "registrant_kind" NOT NULL,
	"name" text NOT NULL,
	"registration_number" text DEFAULT '' NOT NULL,
	"contact_person" text DEFAULT '' NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"email" text DEFAULT '' NOT NULL,
	"applicant_user_id" uuid,
	"status" "request_status" DEFAULT 'pending' NOT NULL,
	"decision_reason" text,
	"registrant_id" uuid,
	"registrant_code" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registrant_change_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"registrant_id" uuid NOT NULL,
	"requested_by" uuid,
	"changes" jsonb NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"attachment" jsonb,
	"status" "request_status" DEFAULT 'pending' NOT NULL,
	"decision_reason" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "registrants" ADD COLUMN "registration_number" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "locale" text DEFAULT 'zh-TW' NOT NULL;--> statement-breakpoint
ALTER TABLE "agency_settings" ADD CONSTRAINT "agency_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "album_submissions" ADD CONSTRAINT "album_submissions_album_id_albums_id_fk" FOREIGN KEY ("album_id") REFERENCES "public"."albums"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "album_submissions" ADD CONSTRAINT "album_submissions_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "album_submissions" ADD CONSTRAINT "album_submissions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deposit_events" ADD CONSTRAINT "deposit_events_album_id_albums_id_fk" FOREIGN KEY ("album_id") REFERENCES "public"."albums"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deposit_events" ADD CONSTRAINT "deposit_events_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrant_applications" ADD CONSTRAINT "registrant_applications_applicant_user_id_users_id_fk" FOREIGN KEY ("applicant_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrant_applications" ADD CONSTRAINT "registrant_applications_registrant_id_registrants_id_fk" FOREIGN KEY ("registrant_id") REFERENCES "public"."registrants"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrant_applications" ADD CONSTRAINT "registrant_applications_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrant_change_requests" ADD CONSTRAINT "registrant_change_requests_registrant_id_registrants_id_fk" FOREIGN KEY ("registrant_id") REFERENCES "public"."registrants"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrant_change_requests" ADD CONSTRAINT "registrant_change_requests_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrant_change_requests" ADD CONSTRAINT "registrant_change_requests_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "album_submissions_round_uq" ON "album_submissions" USING btree ("album_id","round");--> statement-breakpoint
CREATE INDEX "deposit_events_album_idx" ON "deposit_events" USING btree ("album_id","created_at");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "notifications_unread_idx" ON "notifications" USING btree ("user_id") WHERE "notifications"."read_at" is null;--> statement-breakpoint
CREATE INDEX "notifications_email_pending_idx" ON "notifications" USING btree ("created_at") WHERE "notifications"."email_status" = 'pending';--> statement-breakpoint
CREATE INDEX "registrant_applications_status_idx" ON "registrant_applications" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "registrant_applications_applicant_idx" ON "registrant_applications" USING btree ("applicant_user_id");--> statement-breakpoint
CREATE INDEX "registrant_change_requests_registrant_idx" ON "registrant_change_requests" USING btree ("registrant_id","created_at");--> statement-breakpoint
CREATE INDEX "registrant_change_requests_status_idx" ON "registrant_change_requests" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "registrants_name_trgm_idx" ON "registrants" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "audit_log_actor_idx" ON "audit_log" USING btree ("actor_user_id","created_at");--> statement-breakpoint
CREATE INDEX "recordings_artist_trgm_idx" ON "recordings" USING gin ("artist_text" gin_trgm_ops);--> statement-breakpoint
-- Albums submitted before review history existed get their first round (no snapshot to compare with).
INSERT INTO "album_submissions" ("album_id", "round", "submitted_at", "snapshot", "decision", "reason", "decided_at")
SELECT a."id", 1, coalesce(a."submitted_at", a."updated_at"), '{"backfilled": true}'::jsonb,
  CASE a."status" WHEN 'approved' THEN 'approved'::review_decision WHEN 'returned' THEN 'returned'::review_decision END,
  CASE a."status" WHEN 'returned' THEN a."return_reason" END,
  CASE WHEN a."status" IN ('approved', 'returned') THEN coalesce(a."reviewed_at", a."updated_at") END
FROM "albums" a WHERE a."status" <> 'draft';--> statement-breakpoint
-- ISO 3901: a registrant code once allocated is never allocated again, even after its registrant
-- is closed. Rows are therefore never deleted, and a row never changes its code or its holder.
CREATE FUNCTION registrant_codes_keep() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'registrant code %-% was allocated and can never be deleted', OLD.country_code, OLD.code USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF NEW.code IS DISTINCT FROM OLD.code OR NEW.country_code IS DISTINCT FROM OLD.country_code
     OR NEW.registrant_id IS DISTINCT FROM OLD.registrant_id OR NEW.is_pool IS DISTINCT FROM OLD.is_pool THEN
    RAISE EXCEPTION 'registrant code %-% was allocated and keeps its code and holder', OLD.country_code, OLD.code USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END;
$$;--> statement-breakpoint
CREATE TRIGGER registrant_codes_keep BEFORE UPDATE OR DELETE ON "registrant_codes" FOR EACH ROW EXECUTE FUNCTION registrant_codes_keep();
