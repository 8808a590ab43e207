CREATE TYPE "public"."organisation_status" AS ENUM('applied', 'verified', 'declined');--> statement-breakpoint
CREATE TYPE "public"."allocation_change_kind" AS ENUM('set', 'top_up', 'release', 'cut_off', 'allotment_return');--> statement-breakpoint
CREATE TYPE "public"."waitlist_status" AS ENUM('waiting', 'offered', 'claimed', 'lapsed', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."access_code_status" AS ENUM('issued', 'redeemed', 'void');--> statement-breakpoint
CREATE TYPE "public"."allotment_status" AS ENUM('requested', 'granted', 'declined', 'returned');--> statement-breakpoint
CREATE TYPE "public"."donation_request_status" AS ENUM('submitted', 'approved', 'partly_approved', 'declined', 'fulfilled');--> statement-breakpoint
CREATE TYPE "public"."donation_status" AS ENUM('pending', 'paid', 'refunded', 'expired');--> statement-breakpoint
CREATE TYPE "public"."fund_entry_kind" AS ENUM('donation', 'ticket', 'donation_refund', 'ticket_void');--> statement-breakpoint
ALTER TYPE "public"."order_status" ADD VALUE 'cancelled';--> statement-breakpoint
CREATE TABLE "access_scheme_settings" (
	"festival_id" uuid NOT NULL,
	"scheme" "access_scheme" NOT NULL,
	"default_share_basis_points" integer DEFAULT 0 NOT NULL,
	"release_hours_before" integer DEFAULT 24 NOT NULL,
	"per_screening_limit" integer,
	"per_festival_limit" integer,
	"offer_minutes" integer DEFAULT 120 NOT NULL,
	CONSTRAINT "access_scheme_settings_festival_id_scheme_pk" PRIMARY KEY("festival_id","scheme"),
	CONSTRAINT "access_scheme_settings_share_valid" CHECK ("access_scheme_settings"."default_share_basis_points" BETWEEN 0 AND 10000),
	CONSTRAINT "access_scheme_settings_release_valid" CHECK ("access_scheme_settings"."release_hours_before" >= 0),
	CONSTRAINT "access_scheme_settings_limits_valid" CHECK (coalesce("access_scheme_settings"."per_screening_limit", 1) >= 1 AND coalesce("access_scheme_settings"."per_festival_limit", 1) >= 1),
	CONSTRAINT "access_scheme_settings_offer_valid" CHECK ("access_scheme_settings"."offer_minutes" >= 5)
);
--> statement-breakpoint
CREATE TABLE "allocation_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"screening_id" uuid NOT NULL,
	"scheme" "access_scheme" NOT NULL,
	"kind" "allocation_change_kind" NOT NULL,
	"delta" integer NOT NULL,
	"quantity_after" integer NOT NULL,
	"actor_id" text,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "waitlist_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"screening_id" uuid NOT NULL,
	"scheme" "access_scheme" NOT NULL,
	"user_id" text NOT NULL,
	"quantity" integer NOT NULL,
	"status" "waitlist_status" DEFAULT 'waiting' NOT NULL,
	"offer_hold_id" uuid,
	"offer_token_hash" text,
	"offer_expires_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone,
	CONSTRAINT "waitlist_entries_quantity_positive" CHECK ("waitlist_entries"."quantity" > 0)
);
--> statement-breakpoint
CREATE TABLE "access_codes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"allotment_id" uuid NOT NULL,
	"code" text NOT NULL,
	"status" "access_code_status" DEFAULT 'issued' NOT NULL,
	"label" text,
	"order_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"redeemed_at" timestamp with time zone,
	CONSTRAINT "access_codes_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "allotments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"screening_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"scheme" "access_scheme" DEFAULT 'community_access' NOT NULL,
	"status" "allotment_status" DEFAULT 'requested' NOT NULL,
	"requested_quantity" integer NOT NULL,
	"quantity" integer DEFAULT 0 NOT NULL,
	"used" integer DEFAULT 0 NOT NULL,
	"note" text,
	"requested_by" text,
	"decided_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	CONSTRAINT "allotments_counts_valid" CHECK ("allotments"."used" >= 0 AND "allotments"."used" <= "allotments"."quantity" AND "allotments"."requested_quantity" > 0)
);
--> statement-breakpoint
CREATE TABLE "donation_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"festival_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"screening_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"from_date" date,
	"to_date" date,
	"quantity" integer NOT NULL,
	"audience" text NOT NULL,
	"accessibility_needs" text DEFAULT '' NOT NULL,
	"contact_name" text NOT NULL,
	"contact_email" text NOT NULL,
	"contact_phone" text,
	"status" "donation_request_status" DEFAULT 'submitted' NOT NULL,
	"issued" integer DEFAULT 0 NOT NULL,
	"staff_message" text,
	"submitted_by" text,
	"decided_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	CONSTRAINT "donation_requests_quantity_valid" CHECK ("donation_requests"."quantity" > 0 AND "donation_requests"."issued" >= 0),
	CONSTRAINT "donation_requests_target_given" CHECK (cardinality("donation_requests"."screening_ids") > 0 OR ("donation_requests"."from_date" IS NOT NULL AND "donation_requests"."to_date" IS NOT NULL AND "donation_requests"."to_date" >= "donation_requests"."from_date"))
);
--> statement-breakpoint
CREATE TABLE "fair_allocations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"screening_id" uuid NOT NULL,
	"seed" text NOT NULL,
	"places" integer NOT NULL,
	"outcome" jsonb NOT NULL,
	"run_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "access_funds" (
	"festival_id" uuid PRIMARY KEY NOT NULL,
	"balance_cents" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "access_funds_balance_nonnegative" CHECK ("access_funds"."balance_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "donations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"festival_id" uuid NOT NULL,
	"order_id" uuid,
	"amount_cents" integer NOT NULL,
	"tickets" integer DEFAULT 0 NOT NULL,
	"currency" text NOT NULL,
	"donor_name" text NOT NULL,
	"donor_email" text NOT NULL,
	"status" "donation_status" DEFAULT 'pending' NOT NULL,
	"stripe_session_id" text,
	"stripe_payment_intent_id" text,
	"checkout_url" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"paid_at" timestamp with time zone,
	CONSTRAINT "donations_stripeSessionId_unique" UNIQUE("stripe_session_id"),
	CONSTRAINT "donations_amount_positive" CHECK ("donations"."amount_cents" > 0 AND "donations"."tickets" >= 0)
);
--> statement-breakpoint
CREATE TABLE "fund_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"festival_id" uuid NOT NULL,
	"kind" "fund_entry_kind" NOT NULL,
	"amount_cents" integer NOT NULL,
	"balance_after_cents" integer NOT NULL,
	"donation_id" uuid,
	"ticket_id" uuid,
	"actor_id" text,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fund_entries_balance_nonnegative" CHECK ("fund_entries"."balance_after_cents" >= 0)
);
--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "status" "organisation_status" DEFAULT 'verified' NOT NULL;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "serves" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "contact_name" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "contact_email" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "reviewed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "reviewed_by" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "review_note" text;--> statement-breakpoint
ALTER TABLE "access_allocations" ADD COLUMN "released_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "ticket_types" ADD COLUMN "scheme" "access_scheme";--> statement-breakpoint
ALTER TABLE "inventory_pools" ADD COLUMN "allotted" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "scheme" "access_scheme";--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "organisation_id" uuid;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "donation_request_id" uuid;--> statement-breakpoint
ALTER TABLE "access_scheme_settings" ADD CONSTRAINT "access_scheme_settings_festival_id_festivals_id_fk" FOREIGN KEY ("festival_id") REFERENCES "public"."festivals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocation_changes" ADD CONSTRAINT "allocation_changes_screening_id_screenings_id_fk" FOREIGN KEY ("screening_id") REFERENCES "public"."screenings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocation_changes" ADD CONSTRAINT "allocation_changes_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waitlist_entries" ADD CONSTRAINT "waitlist_entries_screening_id_screenings_id_fk" FOREIGN KEY ("screening_id") REFERENCES "public"."screenings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waitlist_entries" ADD CONSTRAINT "waitlist_entries_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waitlist_entries" ADD CONSTRAINT "waitlist_entries_offer_hold_id_holds_id_fk" FOREIGN KEY ("offer_hold_id") REFERENCES "public"."holds"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_codes" ADD CONSTRAINT "access_codes_allotment_id_allotments_id_fk" FOREIGN KEY ("allotment_id") REFERENCES "public"."allotments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_codes" ADD CONSTRAINT "access_codes_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allotments" ADD CONSTRAINT "allotments_screening_id_screenings_id_fk" FOREIGN KEY ("screening_id") REFERENCES "public"."screenings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allotments" ADD CONSTRAINT "allotments_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allotments" ADD CONSTRAINT "allotments_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allotments" ADD CONSTRAINT "allotments_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "donation_requests" ADD CONSTRAINT "donation_requests_festival_id_festivals_id_fk" FOREIGN KEY ("festival_id") REFERENCES "public"."festivals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "donation_requests" ADD CONSTRAINT "donation_requests_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "donation_requests" ADD CONSTRAINT "donation_requests_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "donation_requests" ADD CONSTRAINT "donation_requests_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fair_allocations" ADD CONSTRAINT "fair_allocations_screening_id_screenings_id_fk" FOREIGN KEY ("screening_id") REFERENCES "public"."screenings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fair_allocations" ADD CONSTRAINT "fair_allocations_run_by_users_id_fk" FOREIGN KEY ("run_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_funds" ADD CONSTRAINT "access_funds_festival_id_festivals_id_fk" FOREIGN KEY ("festival_id") REFERENCES "public"."festivals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "donations" ADD CONSTRAINT "donations_festival_id_festivals_id_fk" FOREIGN KEY ("festival_id") REFERENCES "public"."festivals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "donations" ADD CONSTRAINT "donations_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_entries" ADD CONSTRAINT "fund_entries_festival_id_festivals_id_fk" FOREIGN KEY ("festival_id") REFERENCES "public"."festivals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_entries" ADD CONSTRAINT "fund_entries_donation_id_donations_id_fk" FOREIGN KEY ("donation_id") REFERENCES "public"."donations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_entries" ADD CONSTRAINT "fund_entries_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_entries" ADD CONSTRAINT "fund_entries_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "allocation_changes_screening_idx" ON "allocation_changes" USING btree ("screening_id","created_at");--> statement-breakpoint
CREATE INDEX "waitlist_entries_line_idx" ON "waitlist_entries" USING btree ("screening_id","scheme","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "waitlist_entries_one_live_key" ON "waitlist_entries" USING btree ("screening_id","scheme","user_id") WHERE "waitlist_entries"."status" IN ('waiting', 'offered');--> statement-breakpoint
CREATE INDEX "access_codes_allotment_idx" ON "access_codes" USING btree ("allotment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "allotments_screening_organisation_key" ON "allotments" USING btree ("screening_id","organisation_id","scheme");--> statement-breakpoint
CREATE INDEX "allotments_organisation_idx" ON "allotments" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "donation_requests_status_idx" ON "donation_requests" USING btree ("festival_id","status","created_at");--> statement-breakpoint
CREATE INDEX "donation_requests_organisation_idx" ON "donation_requests" USING btree ("organisation_id","created_at");--> statement-breakpoint
CREATE INDEX "donations_order_idx" ON "donations" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "donations_payment_intent_idx" ON "donations" USING btree ("stripe_payment_intent_id");--> statement-breakpoint
CREATE INDEX "fund_entries_festival_idx" ON "fund_entries" USING btree ("festival_id","created_at");--> statement-breakpoint
CREATE INDEX "fund_entries_donation_idx" ON "fund_entries" USING btree ("donation_id");--> statement-breakpoint
CREATE INDEX "fund_entries_ticket_idx" ON "fund_entries" USING btree ("ticket_id");--> statement-breakpoint
CREATE UNIQUE INDEX "fund_entries_once_per_donation_key" ON "fund_entries" USING btree ("donation_id","kind") WHERE "fund_entries"."donation_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "fund_entries_once_per_ticket_key" ON "fund_entries" USING btree ("ticket_id","kind") WHERE "fund_entries"."ticket_id" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "ticket_types_screening_scheme_key" ON "ticket_types" USING btree ("screening_id","scheme") WHERE "ticket_types"."scheme" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "orders_organisation_idx" ON "orders" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "orders_scheme_user_idx" ON "orders" USING btree ("scheme","user_id") WHERE "orders"."scheme" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "inventory_pools" ADD CONSTRAINT "inventory_pools_allotted_valid" CHECK ("inventory_pools"."allotted" >= 0 AND "inventory_pools"."allotted" <= "inventory_pools"."capacity");--> statement-breakpoint
-- Existing screenings get each scheme's $0 ticket type, as createScreening now gives new ones.
INSERT INTO "ticket_types" ("screening_id", "code", "name", "price_cents", "position", "scheme")
SELECT s.id, 'access_' || x.scheme::text, x.label, 0, 1000 + x.pos, x.scheme
FROM "screenings" s
CROSS JOIN (VALUES ('indigenous_access'::access_scheme, 'Indigenous Access', 0),
                   ('community_access'::access_scheme, 'Community Access', 1),
                   ('donated'::access_scheme, 'Donated tickets', 2)) AS x(scheme, label, pos)
ON CONFLICT DO NOTHING;
