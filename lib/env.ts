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
});

export type Env = z.infer<typeof EnvSchema>;

let cached: Env | undefined;

export function getEnv(): Env {
  if (cached) return cached;
  const parsed = EnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid environment:\n${problems}\nSee .env.example.`);
  }
  cached = parsed.data;
  return cached;
}

/** Tests change the environment between runs; production never calls this. */
export function resetEnvCache(): void {
  cached = undefined;
}
