CREATE TYPE "public"."change_request_status" AS ENUM('pending', 'approved', 'rejected', 'withdrawn');--> statement-breakpoint
ALTER TABLE "registrant_change_requests" ALTER COLUMN "status" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "registrant_change_requests" ALTER COLUMN "status" SET DATA TYPE "public"."change_request_status" USING "status"::text::"public"."change_request_status";--> statement-breakpoint
ALTER TABLE "registrant_change_requests" ALTER COLUMN "status" SET DEFAULT 'pending';