CREATE TYPE "public"."audit_subject_kind" AS ENUM('screening', 'order', 'organisation', 'allotment', 'donation_request', 'user', 'festival');--> statement-breakpoint
CREATE TABLE "audit_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"actor_id" text,
	"actor_label" text NOT NULL,
	"action" text NOT NULL,
	"subject_kind" "audit_subject_kind" NOT NULL,
	"subject_id" text NOT NULL,
	"screening_id" uuid,
	"order_id" uuid,
	"organisation_id" uuid,
	"before" jsonb,
	"after" jsonb,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit_entries" ADD CONSTRAINT "audit_entries_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_entries_actor_idx" ON "audit_entries" USING btree ("actor_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "audit_entries_screening_idx" ON "audit_entries" USING btree ("screening_id","created_at" DESC NULLS LAST) WHERE "audit_entries"."screening_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "audit_entries_order_idx" ON "audit_entries" USING btree ("order_id","created_at" DESC NULLS LAST) WHERE "audit_entries"."order_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "audit_entries_created_idx" ON "audit_entries" USING btree ("created_at" DESC NULLS LAST);