CREATE TYPE "public"."order_source" AS ENUM('online', 'door', 'exchange');--> statement-breakpoint
CREATE TYPE "public"."payment_method" AS ENUM('stripe', 'cash', 'card_terminal', 'complimentary', 'exchange_credit');--> statement-breakpoint
CREATE TYPE "public"."refund_source" AS ENUM('buyer', 'staff', 'automatic');--> statement-breakpoint
CREATE TYPE "public"."refund_status" AS ENUM('pending', 'succeeded', 'failed');--> statement-breakpoint
CREATE TYPE "public"."check_in_method" AS ENUM('qr', 'code', 'name');--> statement-breakpoint
CREATE TYPE "public"."check_in_result" AS ENUM('admitted', 'duplicate', 'refused');--> statement-breakpoint
CREATE TYPE "public"."cancellation_order_state" AS ENUM('pending', 'offered', 'refund_pending', 'refunded', 'exchanged', 'donated', 'closed');--> statement-breakpoint
CREATE TYPE "public"."cancellation_status" AS ENUM('running', 'finished');--> statement-breakpoint
CREATE TYPE "public"."rush_line_status" AS ENUM('open', 'calling', 'closed');--> statement-breakpoint
CREATE TYPE "public"."rush_number_status" AS ENUM('waiting', 'called', 'sold', 'turned_away');--> statement-breakpoint
ALTER TYPE "public"."order_status" ADD VALUE 'exchanged';--> statement-breakpoint
ALTER TYPE "public"."audit_subject_kind" ADD VALUE 'film';--> statement-breakpoint
ALTER TYPE "public"."audit_subject_kind" ADD VALUE 'person';--> statement-breakpoint
ALTER TYPE "public"."audit_subject_kind" ADD VALUE 'venue';--> statement-breakpoint
ALTER TYPE "public"."audit_subject_kind" ADD VALUE 'ticket';--> statement-breakpoint
ALTER TYPE "public"."audit_subject_kind" ADD VALUE 'rush_line';--> statement-breakpoint
ALTER TYPE "public"."audit_subject_kind" ADD VALUE 'api_token';--> statement-breakpoint
CREATE TABLE "payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"method" "payment_method" NOT NULL,
	"amount_cents" integer NOT NULL,
	"currency" text NOT NULL,
	"stripe_payment_intent_id" text,
	"reference" text,
	"reason" text,
	"recorded_by_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payments_amount_nonnegative" CHECK ("payments"."amount_cents" >= 0),
	CONSTRAINT "payments_comp_has_reason" CHECK ("payments"."method" <> 'complimentary' OR ("payments"."reason" IS NOT NULL AND "payments"."amount_cents" = 0))
);
--> statement-breakpoint
CREATE TABLE "refunds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"payment_id" uuid,
	"method" "payment_method" NOT NULL,
	"amount_cents" integer NOT NULL,
	"donation_cents" integer DEFAULT 0 NOT NULL,
	"currency" text NOT NULL,
	"source" "refund_source" NOT NULL,
	"status" "refund_status" DEFAULT 'pending' NOT NULL,
	"reason" text NOT NULL,
	"ticket_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"request_key" text NOT NULL,
	"stripe_refund_id" text,
	"requested_by_id" text,
	"failure_message" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	CONSTRAINT "refunds_amount_valid" CHECK ("refunds"."amount_cents" >= 0 AND "refunds"."donation_cents" >= 0 AND "refunds"."donation_cents" <= "refunds"."amount_cents")
);
--> statement-breakpoint
CREATE TABLE "api_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text NOT NULL,
	"label" text NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "check_ins" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ticket_id" uuid,
	"screening_id" uuid NOT NULL,
	"result" "check_in_result" NOT NULL,
	"method" "check_in_method" NOT NULL,
	"device_label" text NOT NULL,
	"staff_id" text,
	"scanned_at" timestamp with time zone NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"offline" boolean DEFAULT false NOT NULL,
	"client_scan_id" text
);
--> statement-breakpoint
CREATE TABLE "cancellation_orders" (
	"screening_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"state" "cancellation_order_state" DEFAULT 'pending' NOT NULL,
	"choice_token_hash" text NOT NULL,
	"refund_id" uuid,
	"exchange_order_id" uuid,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"offered_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	CONSTRAINT "cancellation_orders_screening_id_order_id_pk" PRIMARY KEY("screening_id","order_id"),
	CONSTRAINT "cancellation_orders_attempts_nonnegative" CHECK ("cancellation_orders"."attempts" >= 0)
);
--> statement-breakpoint
CREATE TABLE "screening_cancellations" (
	"screening_id" uuid PRIMARY KEY NOT NULL,
	"status" "cancellation_status" DEFAULT 'running' NOT NULL,
	"reason" text NOT NULL,
	"cancelled_by_id" text,
	"refund_deadline" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "rush_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"screening_id" uuid NOT NULL,
	"status" "rush_line_status" DEFAULT 'open' NOT NULL,
	"call_minutes_before" integer DEFAULT 15 NOT NULL,
	"places_to_sell" integer,
	"released_tickets" integer DEFAULT 0 NOT NULL,
	"opened_by_id" text,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"called_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	CONSTRAINT "rush_lines_minutes_valid" CHECK ("rush_lines"."call_minutes_before" >= 0 AND "rush_lines"."call_minutes_before" <= 180)
);
--> statement-breakpoint
CREATE TABLE "rush_numbers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"rush_line_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"status" "rush_number_status" DEFAULT 'waiting' NOT NULL,
	"party_size" integer DEFAULT 1 NOT NULL,
	"order_id" uuid,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"called_at" timestamp with time zone,
	CONSTRAINT "rush_numbers_party_valid" CHECK ("rush_numbers"."party_size" >= 1 AND "rush_numbers"."party_size" <= 4),
	CONSTRAINT "rush_numbers_number_positive" CHECK ("rush_numbers"."number" > 0)
);
--> statement-breakpoint
ALTER TABLE "seats" ADD COLUMN "blocked" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "venues" ADD COLUMN "changeover_minutes" integer DEFAULT 15 NOT NULL;--> statement-breakpoint
ALTER TABLE "screenings" ADD COLUMN "off_sale_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "source" "order_source" DEFAULT 'online' NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "created_by_id" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "exchanged_from_order_id" uuid;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_recorded_by_id_users_id_fk" FOREIGN KEY ("recorded_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_requested_by_id_users_id_fk" FOREIGN KEY ("requested_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_screening_id_screenings_id_fk" FOREIGN KEY ("screening_id") REFERENCES "public"."screenings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_staff_id_users_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cancellation_orders" ADD CONSTRAINT "cancellation_orders_screening_id_screening_cancellations_screening_id_fk" FOREIGN KEY ("screening_id") REFERENCES "public"."screening_cancellations"("screening_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cancellation_orders" ADD CONSTRAINT "cancellation_orders_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cancellation_orders" ADD CONSTRAINT "cancellation_orders_refund_id_refunds_id_fk" FOREIGN KEY ("refund_id") REFERENCES "public"."refunds"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_cancellations" ADD CONSTRAINT "screening_cancellations_screening_id_screenings_id_fk" FOREIGN KEY ("screening_id") REFERENCES "public"."screenings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_cancellations" ADD CONSTRAINT "screening_cancellations_cancelled_by_id_users_id_fk" FOREIGN KEY ("cancelled_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rush_lines" ADD CONSTRAINT "rush_lines_screening_id_screenings_id_fk" FOREIGN KEY ("screening_id") REFERENCES "public"."screenings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rush_lines" ADD CONSTRAINT "rush_lines_opened_by_id_users_id_fk" FOREIGN KEY ("opened_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rush_numbers" ADD CONSTRAINT "rush_numbers_rush_line_id_rush_lines_id_fk" FOREIGN KEY ("rush_line_id") REFERENCES "public"."rush_lines"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rush_numbers" ADD CONSTRAINT "rush_numbers_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "payments_order_idx" ON "payments" USING btree ("order_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_stripe_intent_key" ON "payments" USING btree ("stripe_payment_intent_id") WHERE "payments"."stripe_payment_intent_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "refunds_order_idx" ON "refunds" USING btree ("order_id");--> statement-breakpoint
CREATE UNIQUE INDEX "refunds_request_key" ON "refunds" USING btree ("request_key");--> statement-breakpoint
CREATE INDEX "refunds_pending_idx" ON "refunds" USING btree ("created_at") WHERE "refunds"."status" = 'pending';--> statement-breakpoint
CREATE UNIQUE INDEX "api_tokens_hash_key" ON "api_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "api_tokens_user_idx" ON "api_tokens" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "check_ins_one_admission_key" ON "check_ins" USING btree ("ticket_id") WHERE "check_ins"."result" = 'admitted';--> statement-breakpoint
CREATE UNIQUE INDEX "check_ins_client_scan_key" ON "check_ins" USING btree ("client_scan_id") WHERE "check_ins"."client_scan_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "check_ins_screening_idx" ON "check_ins" USING btree ("screening_id","recorded_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "check_ins_ticket_idx" ON "check_ins" USING btree ("ticket_id");--> statement-breakpoint
CREATE INDEX "cancellation_orders_state_idx" ON "cancellation_orders" USING btree ("screening_id","state");--> statement-breakpoint
CREATE UNIQUE INDEX "rush_lines_screening_key" ON "rush_lines" USING btree ("screening_id");--> statement-breakpoint
CREATE UNIQUE INDEX "rush_numbers_line_number_key" ON "rush_numbers" USING btree ("rush_line_id","number");--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "venues" ADD CONSTRAINT "venues_changeover_valid" CHECK ("venues"."changeover_minutes" >= 0 AND "venues"."changeover_minutes" <= 240);--> statement-breakpoint
-- Today's data, kept: every Stripe payment already taken becomes a payment row, every refunded order a refund row,
-- and every ticket already checked in an admission row.
INSERT INTO "payments" ("order_id", "method", "amount_cents", "currency", "stripe_payment_intent_id", "created_at")
SELECT DISTINCT ON ("stripe_payment_intent_id") "id", 'stripe', "total_cents", "currency", "stripe_payment_intent_id", coalesce("paid_at", "created_at")
FROM "orders" WHERE "stripe_payment_intent_id" IS NOT NULL AND "status" IN ('paid', 'refund_due', 'refunded')
ORDER BY "stripe_payment_intent_id", "created_at";--> statement-breakpoint
INSERT INTO "refunds" ("order_id", "payment_id", "method", "amount_cents", "currency", "source", "status", "reason", "ticket_ids", "request_key", "created_at", "completed_at")
SELECT o."id", p."id", 'stripe', o."total_cents", o."currency", 'automatic', 'succeeded', 'Refunded before refunds were recorded as rows',
       ARRAY(SELECT t."id" FROM "tickets" t WHERE t."order_id" = o."id" AND t."status" = 'void'), 'migrated:' || o."id",
       coalesce(o."ended_at", o."created_at"), coalesce(o."ended_at", o."created_at")
FROM "orders" o LEFT JOIN "payments" p ON p."order_id" = o."id" WHERE o."status" = 'refunded';--> statement-breakpoint
INSERT INTO "check_ins" ("ticket_id", "screening_id", "result", "method", "device_label", "scanned_at", "recorded_at")
SELECT "id", "screening_id", 'admitted', 'code', 'before check-in rows', "checked_in_at", "checked_in_at" FROM "tickets" WHERE "checked_in_at" IS NOT NULL;
