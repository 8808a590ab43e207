import { z } from 'zod';

/**
 * The one place that reads process.env. Validated once, on first use, so that
 * `next build` (which imports pages) never needs a database or secrets.
 */
const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  DATABASE_URL: z
    .string()
    .url()
    .refine((v) => /^postgres(ql)?:\/\//.test(v), 'DATABASE_URL must be a postgres:// URL')
    .optional(),
  /** Where the embedded PostgreSQL keeps its data when DATABASE_URL is unset. */
  MARQUEE_DATA_DIR: z.string().min(1).default('.data'),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
  /** Public origin used in share metadata and absolute links. */
  PUBLIC_BASE_URL: z.string().url().default('http://localhost:3000'),
  /** Which festival the site shows; the demo festival by default. */
  FESTIVAL_SLUG: z.string().min(1).default('harbourfront-2026'),
  DB_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),

  /** Signs order links (and, later, sessions). Production must set its own; the default is for local use only. */
  APP_SECRET: z.string().min(32, 'must be at least 32 characters').default('marquee-local-development-secret-not-for-production'),

  /** Real Stripe when set (sk_test_… or sk_live_…); otherwise the local emulator. */
  STRIPE_SECRET_KEY: z.string().regex(/^(sk|rk)_(test|live)_/, 'must be a Stripe secret key').optional(),
  STRIPE_WEBHOOK_SECRET: z.string().startsWith('whsec_').default('whsec_emulator_local_secret_0123456789'),
  /** Set by `npm run dev` / `npm start` / the tests when they start the emulator. */
  STRIPE_EMULATOR_URL: z.string().url().optional(),
  /** Port for the emulator that `npm run dev` / `npm start` start (0 = any free port). */
  STRIPE_EMULATOR_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  /** A production build refuses the emulator unless this is set (the tests and `npm start` on a laptop do). */
  MARQUEE_ALLOW_STRIPE_EMULATOR: z.enum(['0', '1']).default('0'),

  HOLD_MINUTES: z.coerce.number().min(0.05).max(60).default(10),
  MAX_TICKETS_PER_ORDER: z.coerce.number().int().min(1).max(50).default(8),
  /** Hold requests per client per minute, counted in PostgreSQL across instances. */
  HOLD_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(30),

  /** smtp://user:pass@host:port; unset: emails stay in the dev outbox at /dev/outbox. */
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().min(3).default('Harbourfront Film Festival <tickets@harbourfront.example>'),

  /** Shows the outbox at /dev/outbox in a production build (it holds sign-in links: local use and tests only). */
  MARQUEE_DEV_OUTBOX: z.enum(['0', '1']).default('0'),

  /** The background worker (pg-boss) runs in each app instance unless disabled. */
  WORKER_ENABLED: z.enum(['0', '1']).default('1'),
  SWEEP_INTERVAL_SECONDS: z.coerce.number().min(1).max(300).default(5),
});

export type Env = z.infer<typeof EnvSchema>;

let cached: Env | undefined;

export function getEnv(): Env {
  if (cached) return cached;
  // An empty value (KEY= copied from .env.example) means "not set", not an invalid value.
  const parsed = EnvSchema.safeParse(Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid environment:\n${problems}\nSee .env.example.`);
  }
  const env = parsed.data;
  if (env.NODE_ENV === 'production' && !env.STRIPE_SECRET_KEY && env.MARQUEE_ALLOW_STRIPE_EMULATOR !== '1') {
    throw new Error('Invalid environment: production needs STRIPE_SECRET_KEY (the local Stripe emulator is for development and tests).');
  }
  if (env.NODE_ENV === 'production' && env.MARQUEE_ALLOW_STRIPE_EMULATOR !== '1' && env.APP_SECRET === EnvSchema.shape.APP_SECRET.parse(undefined)) {
    throw new Error('Invalid environment: production needs its own APP_SECRET (32+ random characters).');
  }
  if (env.STRIPE_SECRET_KEY && env.STRIPE_WEBHOOK_SECRET === EnvSchema.shape.STRIPE_WEBHOOK_SECRET.parse(undefined)) {
    throw new Error('Invalid environment: with STRIPE_SECRET_KEY set, STRIPE_WEBHOOK_SECRET must be the secret of your Stripe webhook endpoint.');
  }
  cached = env;
  return cached;
}

/** True when payments go to the local emulator rather than Stripe. */
export function usesStripeEmulator(env: Env = getEnv()): boolean {
  return !env.STRIPE_SECRET_KEY;
}

/** Tests change the environment between runs; production never calls this. */
export function resetEnvCache(): void {
  cached = undefined;
}
