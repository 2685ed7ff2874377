CREATE TYPE "public"."audio_container" AS ENUM('mp3', 'wav', 'mp4');--> statement-breakpoint
CREATE TYPE "public"."fixity_outcome" AS ENUM('pass', 'fail', 'missing');--> statement-breakpoint
CREATE TYPE "public"."fixity_run_status" AS ENUM('running', 'done', 'failed');--> statement-breakpoint
CREATE TABLE "album_covers" (
	"album_id" uuid PRIMARY KEY NOT NULL,
	"object_sha256" text NOT NULL,
	"thumbnail_sha256" text NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audio_deposit_files" (
	"deposit_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"isrc" text NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"object_sha256" text NOT NULL,
	"size" bigint NOT NULL,
	"container" "audio_container" NOT NULL,
	"technical" jsonb NOT NULL,
	CONSTRAINT "audio_deposit_files_deposit_id_position_pk" PRIMARY KEY("deposit_id","position")
);
--> statement-breakpoint
CREATE TABLE "audio_deposits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"album_id" uuid NOT NULL,
	"registrant_id" uuid NOT NULL,
	"deposited_by" uuid,
	"deposited_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fixity_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"run_id" uuid,
	"object_sha256" text NOT NULL,
	"checked_at" timestamp with time zone DEFAULT now() NOT NULL,
	"outcome" "fixity_outcome" NOT NULL,
	"computed_sha256" text,
	"agent" text NOT NULL,
	"detail" text
);
--> statement-breakpoint
CREATE TABLE "fixity_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"started_by" uuid,
	"status" "fixity_run_status" DEFAULT 'running' NOT NULL,
	"objects_total" integer DEFAULT 0 NOT NULL,
	"objects_checked" integer DEFAULT 0 NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"error" text
);
--> statement-breakpoint
CREATE TABLE "stored_objects" (
	"sha256" text PRIMARY KEY NOT NULL,
	"size" bigint NOT NULL,
	"content_type" text NOT NULL,
	"storage_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_fixity_at" timestamp with time zone,
	"last_fixity_outcome" "fixity_outcome",
	CONSTRAINT "stored_objects_sha_ck" CHECK ("stored_objects"."sha256" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "stored_objects_size_ck" CHECK ("stored_objects"."size" >= 0)
);
--> statement-breakpoint
CREATE TABLE "track_audio" (
	"album_track_id" uuid PRIMARY KEY NOT NULL,
	"album_id" uuid NOT NULL,
	"object_sha256" text NOT NULL,
	"container" "audio_container" NOT NULL,
	"technical" jsonb NOT NULL,
	"tag_isrcs" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"warnings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"original_name" text DEFAULT '' NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "album_covers" ADD CONSTRAINT "album_covers_album_id_albums_id_fk" FOREIGN KEY ("album_id") REFERENCES "public"."albums"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "album_covers" ADD CONSTRAINT "album_covers_object_sha256_stored_objects_sha256_fk" FOREIGN KEY ("object_sha256") REFERENCES "public"."stored_objects"("sha256") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "album_covers" ADD CONSTRAINT "album_covers_thumbnail_sha256_stored_objects_sha256_fk" FOREIGN KEY ("thumbnail_sha256") REFERENCES "public"."stored_objects"("sha256") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "album_covers" ADD CONSTRAINT "album_covers_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audio_deposit_files" ADD CONSTRAINT "audio_deposit_files_deposit_id_audio_deposits_id_fk" FOREIGN KEY ("deposit_id") REFERENCES "public"."audio_deposits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audio_deposit_files" ADD CONSTRAINT "audio_deposit_files_object_sha256_stored_objects_sha256_fk" FOREIGN KEY ("object_sha256") REFERENCES "public"."stored_objects"("sha256") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audio_deposits" ADD CONSTRAINT "audio_deposits_album_id_albums_id_fk" FOREIGN KEY ("album_id") REFERENCES "public"."albums"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audio_deposits" ADD CONSTRAINT "audio_deposits_registrant_id_registrants_id_fk" FOREIGN KEY ("registrant_id") REFERENCES "public"."registrants"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audio_deposits" ADD CONSTRAINT "audio_deposits_deposited_by_users_id_fk" FOREIGN KEY ("deposited_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fixity_events" ADD CONSTRAINT "fixity_events_run_id_fixity_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."fixity_runs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fixity_events" ADD CONSTRAINT "fixity_events_object_sha256_stored_objects_sha256_fk" FOREIGN KEY ("object_sha256") REFERENCES "public"."stored_objects"("sha256") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fixity_runs" ADD CONSTRAINT "fixity_runs_started_by_users_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "track_audio" ADD CONSTRAINT "track_audio_album_track_id_album_tracks_id_fk" FOREIGN KEY ("album_track_id") REFERENCES "public"."album_tracks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "track_audio" ADD CONSTRAINT "track_audio_album_id_albums_id_fk" FOREIGN KEY ("album_id") REFERENCES "public"."albums"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "track_audio" ADD CONSTRAINT "track_audio_object_sha256_stored_objects_sha256_fk" FOREIGN KEY ("object_sha256") REFERENCES "public"."stored_objects"("sha256") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "track_audio" ADD CONSTRAINT "track_audio_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audio_deposit_files_object_idx" ON "audio_deposit_files" USING btree ("object_sha256");--> statement-breakpoint
CREATE UNIQUE INDEX "audio_deposits_album_uq" ON "audio_deposits" USING btree ("album_id");--> statement-breakpoint
CREATE INDEX "fixity_events_object_idx" ON "fixity_events" USING btree ("object_sha256","checked_at");--> statement-breakpoint
CREATE INDEX "fixity_events_run_idx" ON "fixity_events" USING btree ("run_id","outcome");--> statement-breakpoint
CREATE UNIQUE INDEX "stored_objects_key_uq" ON "stored_objects" USING btree ("storage_key");--> statement-breakpoint
CREATE INDEX "stored_objects_fixity_idx" ON "stored_objects" USING btree ("last_fixity_at");--> statement-breakpoint
CREATE INDEX "track_audio_album_idx" ON "track_audio" USING btree ("album_id");--> statement-breakpoint
CREATE INDEX "track_audio_object_idx" ON "track_audio" USING btree ("object_sha256");--> statement-breakpoint
CREATE INDEX "audit_log_deleted_album_registrant_idx" ON "audit_log" USING btree (("before" ->> 'registrantId')) WHERE "audit_log"."action" = 'album.delete';--> statement-breakpoint
ALTER TABLE "albums" DROP COLUMN "cover_image_key";--> statement-breakpoint
ALTER TABLE "recordings" DROP COLUMN "audio_file_key";