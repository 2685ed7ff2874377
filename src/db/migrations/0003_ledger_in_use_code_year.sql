-- Existing codes: the year they were created, in the agency's default time zone (a code carried over
-- from an earlier system can be corrected by its registrant's administrator afterwards).
ALTER TABLE "registrant_codes" ADD COLUMN "allocated_year" smallint;--> statement-breakpoint
UPDATE "registrant_codes" SET "allocated_year" = extract(year from "created_at" at time zone 'Asia/Taipei')::smallint;--> statement-breakpoint
ALTER TABLE "registrant_codes" ALTER COLUMN "allocated_year" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "isrc_assignments" ADD COLUMN "in_use" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "registrant_codes" ADD CONSTRAINT "registrant_codes_allocated_year_ck" CHECK ("registrant_codes"."allocated_year" between 1986 and 2085);--> statement-breakpoint
ALTER TABLE "isrc_assignments" ADD CONSTRAINT "isrc_assignments_in_use_ck" CHECK ("isrc_assignments"."in_use" or "isrc_assignments"."source" = 'manual');