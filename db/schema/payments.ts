import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Every Stripe event applied, by its id: a redelivered or replayed event is recognised and skipped. */
export const stripeEvents = pgTable('stripe_events', {
  id: text().primaryKey(),
  type: text().notNull(),
  processedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
