import { z } from 'zod';
import { loadOrCreateLocalSecrets } from './local-secrets';

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
  /**
   * The site's public origin: every absolute link comes from it. Setting it
   * switches to production mode unless MARQUEE_MODE says otherwise.
   */
  PUBLIC_BASE_URL: z.string().url().optional(),
  /** local | production; unset: production when PUBLIC_BASE_URL is set, local otherwise. */
  MARQUEE_MODE: z.enum(['local', 'production']).optional(),
  /** Port the app server listens on (also the local default PUBLIC_BASE_URL's port). */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Address to listen on; local mode accepts loopback only. */
  HOSTNAME: z.string().min(1).optional(),
  /** How many reverse proxies in front of the app append to X-Forwarded-For (0: the socket's address is the client). */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /** The proxies whose X-Forwarded-For is believed: IPs or CIDR ranges, comma-separated. Unset: loopback and private ranges. */
  TRUSTED_PROXIES: z.string().max(2000).optional(),
  /** Which festival the site shows; the demo festival by default. */
  FESTIVAL_SLUG: z.string().min(1).default('harbourfront-2026'),
  DB_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),

  /** Signs sessions and order links. Production must set its own; local mode generates one into the data directory. */
  APP_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),

  /** Real Stripe when set (sk_test_… or sk_live_…); otherwise the local emulator. */
  STRIPE_SECRET_KEY: z.string().regex(/^(sk|rk)_(test|live)_/, 'must be a Stripe secret key').optional(),
  /** The webhook endpoint's whsec_…; local mode with the emulator generates one into the data directory. */
  STRIPE_WEBHOOK_SECRET: z.string().startsWith('whsec_').optional(),
  /** Set by `npm run dev` / `npm start` / the tests when they start the emulator (local mode only). */
  STRIPE_EMULATOR_URL: z.string().url().optional(),
  /** Port for the emulator that `npm run dev` / `npm start` start (0 = any free port). */
  STRIPE_EMULATOR_PORT: z.coerce.number().int().min(0).max(65535).default(0),

  HOLD_MINUTES: z.coerce.number().min(0.05).max(60).default(10),
  MAX_TICKETS_PER_ORDER: z.coerce.number().int().min(1).max(50).default(8),
  /** Hold requests per client per minute, counted in PostgreSQL across instances. */
  HOLD_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  /** Sign-in emails one client (an address, or an office behind one) may ask for per hour. */
  SIGNIN_EMAILS_PER_CLIENT_PER_HOUR: z.coerce.number().int().min(1).default(20),
  // Public pages (programme, film, schedule, venues, access) are served from each instance's memory for this long, and
  // a CDN is told the same, plus three times as long stale (README, Caching). 0 turns the cache off. Catalogue edits
  // clear it at once on every instance.
  PUBLIC_PAGE_CACHE_SECONDS: z.coerce.number().int().min(0).max(60).default(10),

  /** smtp://user:pass@host:port; unset: emails stay in the dev outbox at /dev/outbox. */
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().min(3).default('Harbourfront Film Festival <tickets@harbourfront.example>'),

  /** The background worker (pg-boss) runs in each app instance unless disabled. */
  WORKER_ENABLED: z.enum(['0', '1']).default('1'),
  SWEEP_INTERVAL_SECONDS: z.coerce.number().min(1).max(300).default(5),
});

type RawEnv = z.infer<typeof EnvSchema>;

export type Mode = 'local' | 'production';

export type Env = Omit<RawEnv, 'PUBLIC_BASE_URL' | 'APP_SECRET' | 'STRIPE_WEBHOOK_SECRET' | 'MARQUEE_MODE'> & {
  PUBLIC_BASE_URL: string;
  APP_SECRET: string;
  STRIPE_WEBHOOK_SECRET: string;
  MARQUEE_MODE: Mode;
  /** Why this mode, in words, for the start-up line. */
  modeReason: string;
  /** Where local mode's generated secrets live (null when all came from the environment). */
  secretsFile: string | null;
};

/**
 * Values that have been printed in this repository (old defaults, the
 * emulator's former fixed secret). Production refuses them even when set
 * explicitly: anyone can read them.
 */
const PUBLISHED_SECRETS = new Set(['marquee-local-development-secret-not-for-production', 'whsec_emulator_local_secret_0123456789']);
const looksPublished = (value: string) => PUBLISHED_SECRETS.has(value) || /not[-_]for[-_]production|^whsec_emulator/i.test(value);

export function resolveMode(raw: Pick<RawEnv, 'MARQUEE_MODE' | 'PUBLIC_BASE_URL'>): { mode: Mode; reason: string } {
  if (raw.MARQUEE_MODE) return { mode: raw.MARQUEE_MODE, reason: `MARQUEE_MODE=${raw.MARQUEE_MODE}` };
  if (raw.PUBLIC_BASE_URL) return { mode: 'production', reason: `PUBLIC_BASE_URL=${raw.PUBLIC_BASE_URL}` };
  return { mode: 'local', reason: 'no PUBLIC_BASE_URL set' };
}

/** Everything production lacks, in words; empty when it may start. */
function productionProblems(raw: RawEnv): string[] {
  const problems: string[] = [];
  if (!raw.PUBLIC_BASE_URL) problems.push('PUBLIC_BASE_URL: the public https:// address of the site (links in emails come from it)');
  if (!raw.APP_SECRET) problems.push('APP_SECRET: 32+ random characters, e.g. `openssl rand -base64 32`');
  else if (looksPublished(raw.APP_SECRET)) problems.push('APP_SECRET: this value is published in the repository; generate your own');
  if (!raw.STRIPE_SECRET_KEY) problems.push('STRIPE_SECRET_KEY: your Stripe secret key (the local Stripe emulator never runs in production)');
  if (!raw.STRIPE_WEBHOOK_SECRET) problems.push("STRIPE_WEBHOOK_SECRET: the whsec_… of your Stripe webhook endpoint");
  else if (looksPublished(raw.STRIPE_WEBHOOK_SECRET)) problems.push('STRIPE_WEBHOOK_SECRET: this value is published in the repository; use your endpoint\'s own');
  if (!raw.SMTP_URL) problems.push('SMTP_URL: smtp://user:pass@host:587 (there is no dev outbox in production)');
  return problems;
}

let cached: Env | undefined;

export function getEnv(): Env {
  if (cached) return cached;
  // An empty value (KEY= copied from .env.example) means "not set", not an invalid value.
  const parsed = EnvSchema.safeParse(Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid environment:\n${problems}\nSee .env.example.`);
  }
  const raw = parsed.data;
  const { mode, reason } = resolveMode(raw);
  if (mode === 'production') {
    const problems = productionProblems(raw);
    if (problems.length) {
      throw new Error(`Production mode (${reason}) refuses to start without:\n${problems.map((p) => `  - ${p}`).join('\n')}\nSee the README's Deploying section. For a local trial run, unset PUBLIC_BASE_URL or set MARQUEE_MODE=local.`);
    }
  }
  if (raw.STRIPE_SECRET_KEY && !raw.STRIPE_WEBHOOK_SECRET) {
    throw new Error('Invalid environment: with STRIPE_SECRET_KEY set, STRIPE_WEBHOOK_SECRET must be the secret of your Stripe webhook endpoint.');
  }
  let secretsFile: string | null = null;
  let appSecret = raw.APP_SECRET;
  let webhookSecret = raw.STRIPE_WEBHOOK_SECRET;
  if (!appSecret || !webhookSecret) {
    // Local mode only (production was refused above): secrets generated once into the data directory, never from the repository.
    const local = loadOrCreateLocalSecrets(raw.MARQUEE_DATA_DIR);
    secretsFile = local.file;
    appSecret ??= local.secrets.appSecret;
    webhookSecret ??= local.secrets.stripeWebhookSecret;
  }
  cached = {
    ...raw,
    MARQUEE_MODE: mode,
    modeReason: reason,
    PUBLIC_BASE_URL: (raw.PUBLIC_BASE_URL ?? `http://localhost:${raw.PORT || 3000}`).replace(/\/+$/, ''),
    APP_SECRET: appSecret,
    STRIPE_WEBHOOK_SECRET: webhookSecret,
    secretsFile,
  };
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
