CREATE TYPE "public"."payment_mismatch_reason" AS ENUM('foreign_session', 'amount_mismatch', 'currency_mismatch');--> statement-breakpoint
CREATE TYPE "public"."payment_mismatch_status" AS ENUM('refund_due', 'refunded');--> statement-breakpoint
CREATE TABLE "payment_mismatches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"stripe_session_id" text NOT NULL,
	"stripe_payment_intent_id" text NOT NULL,
	"order_id" uuid,
	"amount_cents" integer NOT NULL,
	"currency" text NOT NULL,
	"reason" "payment_mismatch_reason" NOT NULL,
	"status" "payment_mismatch_status" DEFAULT 'refund_due' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"refunded_at" timestamp with time zone,
	CONSTRAINT "payment_mismatches_stripePaymentIntentId_unique" UNIQUE("stripe_payment_intent_id")
);
--> statement-breakpoint
ALTER TABLE "payment_mismatches" ADD CONSTRAINT "payment_mismatches_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "payment_mismatches_order_idx" ON "payment_mismatches" USING btree ("order_id");