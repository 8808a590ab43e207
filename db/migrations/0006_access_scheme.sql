ALTER TYPE "public"."access_programme" RENAME TO "access_scheme";--> statement-breakpoint
ALTER TABLE "access_allocations" RENAME COLUMN "programme" TO "scheme";--> statement-breakpoint
ALTER TABLE "access_allocations" DROP CONSTRAINT "access_allocations_screening_id_programme_pk";--> statement-breakpoint
ALTER TABLE "access_allocations" ADD CONSTRAINT "access_allocations_screening_id_scheme_pk" PRIMARY KEY("screening_id","scheme");