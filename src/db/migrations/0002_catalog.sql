CREATE TYPE "public"."deposit_status" AS ENUM('not_deposited', 'partial', 'deposited');--> statement-breakpoint
CREATE TYPE "public"."isrc_source" AS ENUM('system', 'own', 'foreign');--> statement-breakpoint
CREATE TYPE "public"."release_type" AS ENUM('digital', 'physical');--> statement-breakpoint
CREATE TYPE "public"."review_status" AS ENUM('draft', 'submitted', 'approved', 'returned');--> statement-breakpoint
CREATE SEQUENCE "public"."album_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 100001 CACHE 1;--> statement-breakpoint
CREATE TABLE "album_tracks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"album_id" uuid NOT NULL,
	"recording_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"cited" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "album_tracks_position_ck" CHECK ("album_tracks"."position" >= 1)
);
--> statement-breakpoint
CREATE TABLE "albums" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"album_number" bigint DEFAULT nextval('album_number_seq') NOT NULL,
	"registrant_id" uuid NOT NULL,
	"release_type" "release_type" NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"credits" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"publisher" text DEFAULT '' NOT NULL,
	"release_date" text,
	"production_company" text DEFAULT '' NOT NULL,
	"total_duration_seconds" integer,
	"album_type" text,
	"work_category" text,
	"media_form" text,
	"publication_category" text,
	"introduction" text DEFAULT '' NOT NULL,
	"cover_image_key" text,
	"retroactive" boolean DEFAULT false NOT NULL,
	"status" "review_status" DEFAULT 'draft' NOT NULL,
	"return_reason" text,
	"submitted_at" timestamp with time zone,
	"reviewed_at" timestamp with time zone,
	"deposit_status" "deposit_status" DEFAULT 'not_deposited' NOT NULL,
	"artist_text" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "albums_release_date_ck" CHECK ("albums"."release_date" is null or "albums"."release_date" ~ '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$')
);
--> statement-breakpoint
CREATE TABLE "recordings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"registrant_id" uuid NOT NULL,
	"isrc" text,
	"isrc_source" "isrc_source",
	"title" text DEFAULT '' NOT NULL,
	"story_title" text DEFAULT '' NOT NULL,
	"episode" text DEFAULT '' NOT NULL,
	"theme" text DEFAULT '' NOT NULL,
	"play_title" text DEFAULT '' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"credits" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"production_company" text DEFAULT '' NOT NULL,
	"duration_seconds" integer,
	"recording_date" text,
	"ai_assisted" boolean DEFAULT false NOT NULL,
	"produced_abroad" boolean DEFAULT false NOT NULL,
	"version_type" text,
	"version_of_isrc" text,
	"audio_file_key" text,
	"approved_at" timestamp with time zone,
	"artist_text" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recordings_isrc_ck" CHECK ("recordings"."isrc" is null or "recordings"."isrc" ~ '^[A-Z]{2}[A-Z0-9]{3}[0-9]{7}$'),
	CONSTRAINT "recordings_isrc_source_ck" CHECK (("recordings"."isrc" is null) = ("recordings"."isrc_source" is null)),
	CONSTRAINT "recordings_version_ck" CHECK ("recordings"."version_of_isrc" is null or "recordings"."version_of_isrc" is distinct from "recordings"."isrc"),
	CONSTRAINT "recordings_recording_date_ck" CHECK ("recordings"."recording_date" is null or "recordings"."recording_date" ~ '^[0-9]{4}(-[0-9]{2})?$')
);
--> statement-breakpoint
ALTER TABLE "album_tracks" ADD CONSTRAINT "album_tracks_album_id_albums_id_fk" FOREIGN KEY ("album_id") REFERENCES "public"."albums"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "album_tracks" ADD CONSTRAINT "album_tracks_recording_id_recordings_id_fk" FOREIGN KEY ("recording_id") REFERENCES "public"."recordings"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "albums" ADD CONSTRAINT "albums_registrant_id_registrants_id_fk" FOREIGN KEY ("registrant_id") REFERENCES "public"."registrants"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "albums" ADD CONSTRAINT "albums_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recordings" ADD CONSTRAINT "recordings_registrant_id_registrants_id_fk" FOREIGN KEY ("registrant_id") REFERENCES "public"."registrants"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "album_tracks_position_uq" ON "album_tracks" USING btree ("album_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "album_tracks_recording_uq" ON "album_tracks" USING btree ("album_id","recording_id");--> statement-breakpoint
CREATE INDEX "album_tracks_recording_idx" ON "album_tracks" USING btree ("recording_id");--> statement-breakpoint
CREATE UNIQUE INDEX "albums_number_uq" ON "albums" USING btree ("album_number");--> statement-breakpoint
CREATE INDEX "albums_registrant_status_idx" ON "albums" USING btree ("registrant_id","status","updated_at");--> statement-breakpoint
CREATE INDEX "albums_registrant_created_idx" ON "albums" USING btree ("registrant_id","created_at");--> statement-breakpoint
CREATE INDEX "albums_status_idx" ON "albums" USING btree ("status","submitted_at");--> statement-breakpoint
CREATE INDEX "albums_title_trgm_idx" ON "albums" USING gin ("title" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "albums_artist_trgm_idx" ON "albums" USING gin ("artist_text" gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "recordings_isrc_uq" ON "recordings" USING btree ("isrc");--> statement-breakpoint
CREATE INDEX "recordings_registrant_idx" ON "recordings" USING btree ("registrant_id","approved_at");--> statement-breakpoint
CREATE INDEX "recordings_title_trgm_idx" ON "recordings" USING gin ("title" gin_trgm_ops);