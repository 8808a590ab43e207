import { z } from 'zod';

/** The buyer's details at checkout, for the API and the site's form alike. */
export const Buyer = z.object({
  name: z.string().trim().min(1, 'name is required').max(120),
  email: z.string().trim().toLowerCase().email('must be an email address').max(254),
});
