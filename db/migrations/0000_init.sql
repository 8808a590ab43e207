CREATE TYPE "public"."organisation_kind" AS ENUM('community_partner', 'sponsor', 'distributor');--> statement-breakpoint
CREATE TYPE "public"."age_restriction" AS ENUM('all_ages', '13_plus', '16_plus', '18_plus');--> statement-breakpoint
CREATE TYPE "public"."credit_role" AS ENUM('director', 'producer', 'screenwriter', 'cinematography', 'editor', 'production_design', 'original_music');--> statement-breakpoint
CREATE TYPE "public"."premiere_status" AS ENUM('world', 'international', 'north_american', 'canadian', 'regional', 'none');--> statement-breakpoint
CREATE TYPE "public"."seat_kind" AS ENUM('standard', 'wheelchair', 'companion', 'aisle');--> statement-breakpoint
CREATE TYPE "public"."seating_mode" AS ENUM('reserved', 'general_admission');--> statement-breakpoint
CREATE TYPE "public"."access_programme" AS ENUM('indigenous_access', 'community_access', 'donated');--> statement-breakpoint
CREATE TYPE "public"."accessibility_feature" AS ENUM('open_captions', 'closed_captions', 'audio_description', 'relaxed', 'asl');--> statement-breakpoint
CREATE TYPE "public"."screening_status" AS ENUM('scheduled', 'on_sale', 'off_sale', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."pool_kind" AS ENUM('standard', 'indigenous_access', 'community_access', 'donated');--> statement-breakpoint
CREATE TYPE "public"."seat_state" AS ENUM('available', 'held', 'sold', 'blocked');--> statement-breakpoint
CREATE TABLE "festivals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"edition" text NOT NULL,
	"tagline" text,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"time_zone" text NOT NULL,
	"currency" text DEFAULT 'CAD' NOT NULL,
	CONSTRAINT "festivals_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "sections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"festival_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"kind" "organisation_kind" DEFAULT 'community_partner' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"website" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisations_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "people" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"bio" text,
	"filmography" jsonb DEFAULT '[]'::jsonb NOT NULL,
	CONSTRAINT "people_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "film_cast" (
	"film_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"character_name" text,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "film_cast_film_id_person_id_pk" PRIMARY KEY("film_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "film_credits" (
	"film_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"role" "credit_role" NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "film_credits_film_id_role_person_id_pk" PRIMARY KEY("film_id","role","person_id")
);
--> statement-breakpoint
CREATE TABLE "film_partners" (
	"film_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	CONSTRAINT "film_partners_film_id_organisation_id_pk" PRIMARY KEY("film_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "films" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"festival_id" uuid NOT NULL,
	"section_id" uuid,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"original_title" text,
	"logline" text DEFAULT '' NOT NULL,
	"synopsis" text DEFAULT '' NOT NULL,
	"countries" text[] DEFAULT '{}'::text[] NOT NULL,
	"year" integer,
	"runtime_minutes" integer,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"subtitles" text,
	"premiere_status" "premiere_status" DEFAULT 'none' NOT NULL,
	"genres" text[] DEFAULT '{}'::text[] NOT NULL,
	"content_advisories" text[] DEFAULT '{}'::text[] NOT NULL,
	"age_restriction" "age_restriction" DEFAULT 'all_ages' NOT NULL,
	"note" text,
	"poster_path" text,
	"still_path" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "films_runtime_positive" CHECK ("films"."runtime_minutes" IS NULL OR "films"."runtime_minutes" > 0),
	CONSTRAINT "films_slug_format" CHECK ("films"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$')
);
--> statement-breakpoint
CREATE TABLE "related_films" (
	"film_id" uuid NOT NULL,
	"related_film_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "related_films_film_id_related_film_id_pk" PRIMARY KEY("film_id","related_film_id"),
	CONSTRAINT "related_films_not_self" CHECK ("related_films"."film_id" <> "related_films"."related_film_id")
);
--> statement-breakpoint
CREATE TABLE "seat_sections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"venue_id" uuid NOT NULL,
	"name" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "seats" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"venue_id" uuid NOT NULL,
	"section_id" uuid NOT NULL,
	"row_label" text NOT NULL,
	"seat_number" integer NOT NULL,
	"kind" "seat_kind" DEFAULT 'standard' NOT NULL,
	"x" integer NOT NULL,
	"y" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "venues" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"festival_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"address_line" text NOT NULL,
	"city" text NOT NULL,
	"postal_code" text,
	"description" text DEFAULT '' NOT NULL,
	"accessibility_info" text DEFAULT '' NOT NULL,
	"step_free" boolean DEFAULT false NOT NULL,
	"hearing_loop" boolean DEFAULT false NOT NULL,
	"seating" "seating_mode" NOT NULL,
	"capacity" integer,
	CONSTRAINT "venues_capacity_matches_seating" CHECK (("venues"."seating" = 'general_admission' AND "venues"."capacity" > 0) OR ("venues"."seating" = 'reserved' AND "venues"."capacity" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "access_allocations" (
	"screening_id" uuid NOT NULL,
	"programme" "access_programme" NOT NULL,
	"quantity" integer NOT NULL,
	CONSTRAINT "access_allocations_screening_id_programme_pk" PRIMARY KEY("screening_id","programme"),
	CONSTRAINT "access_allocations_quantity_nonnegative" CHECK ("access_allocations"."quantity" >= 0)
);
--> statement-breakpoint
CREATE TABLE "screening_films" (
	"screening_id" uuid NOT NULL,
	"film_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "screening_films_screening_id_film_id_pk" PRIMARY KEY("screening_id","film_id")
);
--> statement-breakpoint
CREATE TABLE "screenings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"festival_id" uuid NOT NULL,
	"venue_id" uuid NOT NULL,
	"programme_title" text,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"status" "screening_status" DEFAULT 'scheduled' NOT NULL,
	"on_sale_at" timestamp with time zone,
	"has_qa" boolean DEFAULT false NOT NULL,
	"guest_note" text,
	"features" "accessibility_feature"[] DEFAULT '{}'::accessibility_feature[] NOT NULL,
	"cancellation_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "screenings_ends_after_start" CHECK ("screenings"."ends_at" > "screenings"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "ticket_types" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"screening_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"price_cents" integer NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "ticket_types_price_nonnegative" CHECK ("ticket_types"."price_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "inventory_pools" (
	"screening_id" uuid NOT NULL,
	"kind" "pool_kind" NOT NULL,
	"capacity" integer NOT NULL,
	"held" integer DEFAULT 0 NOT NULL,
	"sold" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "inventory_pools_screening_id_kind_pk" PRIMARY KEY("screening_id","kind"),
	CONSTRAINT "inventory_pools_counts_valid" CHECK ("inventory_pools"."held" >= 0 AND "inventory_pools"."sold" >= 0 AND "inventory_pools"."held" + "inventory_pools"."sold" <= "inventory_pools"."capacity")
);
--> statement-breakpoint
CREATE TABLE "screening_seats" (
	"screening_id" uuid NOT NULL,
	"seat_id" uuid NOT NULL,
	"state" "seat_state" DEFAULT 'available' NOT NULL,
	CONSTRAINT "screening_seats_screening_id_seat_id_pk" PRIMARY KEY("screening_id","seat_id")
);
--> statement-breakpoint
ALTER TABLE "sections" ADD CONSTRAINT "sections_festival_id_festivals_id_fk" FOREIGN KEY ("festival_id") REFERENCES "public"."festivals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "film_cast" ADD CONSTRAINT "film_cast_film_id_films_id_fk" FOREIGN KEY ("film_id") REFERENCES "public"."films"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "film_cast" ADD CONSTRAINT "film_cast_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "film_credits" ADD CONSTRAINT "film_credits_film_id_films_id_fk" FOREIGN KEY ("film_id") REFERENCES "public"."films"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "film_credits" ADD CONSTRAINT "film_credits_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "film_partners" ADD CONSTRAINT "film_partners_film_id_films_id_fk" FOREIGN KEY ("film_id") REFERENCES "public"."films"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "film_partners" ADD CONSTRAINT "film_partners_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "films" ADD CONSTRAINT "films_festival_id_festivals_id_fk" FOREIGN KEY ("festival_id") REFERENCES "public"."festivals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "films" ADD CONSTRAINT "films_section_id_sections_id_fk" FOREIGN KEY ("section_id") REFERENCES "public"."sections"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "related_films" ADD CONSTRAINT "related_films_film_id_films_id_fk" FOREIGN KEY ("film_id") REFERENCES "public"."films"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "related_films" ADD CONSTRAINT "related_films_related_film_id_films_id_fk" FOREIGN KEY ("related_film_id") REFERENCES "public"."films"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seat_sections" ADD CONSTRAINT "seat_sections_venue_id_venues_id_fk" FOREIGN KEY ("venue_id") REFERENCES "public"."venues"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seats" ADD CONSTRAINT "seats_venue_id_venues_id_fk" FOREIGN KEY ("venue_id") REFERENCES "public"."venues"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seats" ADD CONSTRAINT "seats_section_id_seat_sections_id_fk" FOREIGN KEY ("section_id") REFERENCES "public"."seat_sections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "venues" ADD CONSTRAINT "venues_festival_id_festivals_id_fk" FOREIGN KEY ("festival_id") REFERENCES "public"."festivals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_allocations" ADD CONSTRAINT "access_allocations_screening_id_screenings_id_fk" FOREIGN KEY ("screening_id") REFERENCES "public"."screenings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_films" ADD CONSTRAINT "screening_films_screening_id_screenings_id_fk" FOREIGN KEY ("screening_id") REFERENCES "public"."screenings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_films" ADD CONSTRAINT "screening_films_film_id_films_id_fk" FOREIGN KEY ("film_id") REFERENCES "public"."films"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screenings" ADD CONSTRAINT "screenings_festival_id_festivals_id_fk" FOREIGN KEY ("festival_id") REFERENCES "public"."festivals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screenings" ADD CONSTRAINT "screenings_venue_id_venues_id_fk" FOREIGN KEY ("venue_id") REFERENCES "public"."venues"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_types" ADD CONSTRAINT "ticket_types_screening_id_screenings_id_fk" FOREIGN KEY ("screening_id") REFERENCES "public"."screenings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_pools" ADD CONSTRAINT "inventory_pools_screening_id_screenings_id_fk" FOREIGN KEY ("screening_id") REFERENCES "public"."screenings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_seats" ADD CONSTRAINT "screening_seats_screening_id_screenings_id_fk" FOREIGN KEY ("screening_id") REFERENCES "public"."screenings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_seats" ADD CONSTRAINT "screening_seats_seat_id_seats_id_fk" FOREIGN KEY ("seat_id") REFERENCES "public"."seats"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "sections_festival_slug_key" ON "sections" USING btree ("festival_id","slug");--> statement-breakpoint
CREATE INDEX "film_cast_person_idx" ON "film_cast" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "film_credits_person_idx" ON "film_credits" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "films_festival_slug_key" ON "films" USING btree ("festival_id","slug");--> statement-breakpoint
CREATE INDEX "films_section_idx" ON "films" USING btree ("section_id");--> statement-breakpoint
CREATE UNIQUE INDEX "seat_sections_venue_name_key" ON "seat_sections" USING btree ("venue_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "seats_venue_label_key" ON "seats" USING btree ("venue_id","section_id","row_label","seat_number");--> statement-breakpoint
CREATE UNIQUE INDEX "seats_venue_position_key" ON "seats" USING btree ("venue_id","x","y");--> statement-breakpoint
CREATE INDEX "seats_venue_idx" ON "seats" USING btree ("venue_id");--> statement-breakpoint
CREATE UNIQUE INDEX "venues_festival_slug_key" ON "venues" USING btree ("festival_id","slug");--> statement-breakpoint
CREATE INDEX "screening_films_film_idx" ON "screening_films" USING btree ("film_id");--> statement-breakpoint
CREATE INDEX "screenings_festival_starts_idx" ON "screenings" USING btree ("festival_id","starts_at");--> statement-breakpoint
CREATE INDEX "screenings_venue_starts_idx" ON "screenings" USING btree ("venue_id","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "ticket_types_screening_code_key" ON "ticket_types" USING btree ("screening_id","code");--> statement-breakpoint
CREATE INDEX "screening_seats_available_idx" ON "screening_seats" USING btree ("screening_id") WHERE "screening_seats"."state" = 'available';