import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { getEnv, resetEnvCache, resolveMode } from '@/platform/env';

const KEYS = ['MARQUEE_MODE', 'PUBLIC_BASE_URL', 'APP_SECRET', 'STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET', 'SMTP_URL', 'MARQUEE_DATA_DIR'] as const;
const saved = Object.fromEntries(KEYS.map((k) => [k, process.env[k]]));

function withEnv(values: Partial<Record<(typeof KEYS)[number], string>>) {
  for (const k of KEYS) delete process.env[k];
  Object.assign(process.env, values);
  resetEnvCache();
}

afterEach(() => {
  for (const k of KEYS) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
  resetEnvCache();
});

describe('mode', () => {
  it('is derived from PUBLIC_BASE_URL unless MARQUEE_MODE says otherwise', () => {
    expect(resolveMode({})).toEqual({ mode: 'local', reason: 'no PUBLIC_BASE_URL set' });
    expect(resolveMode({ PUBLIC_BASE_URL: 'https://t.example.org' }).mode).toBe('production');
    expect(resolveMode({ PUBLIC_BASE_URL: 'http://127.0.0.1:3100', MARQUEE_MODE: 'local' }).mode).toBe('local');
    expect(resolveMode({ MARQUEE_MODE: 'production' }).mode).toBe('production');
  });

  it('local mode generates its secrets once into the data directory (0600), never the old repository defaults', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'marquee-env-'));
    try {
      withEnv({ MARQUEE_DATA_DIR: dir });
      const first = getEnv();
      expect(first.MARQUEE_MODE).toBe('local');
      expect(first.APP_SECRET).not.toBe('marquee-local-development-secret-not-for-production');
      expect(first.STRIPE_WEBHOOK_SECRET).not.toBe('whsec_emulator_local_secret_0123456789');
      expect(statSync(path.join(dir, 'local-secrets.json')).mode & 0o777).toBe(0o600);
      resetEnvCache();
      const second = getEnv();
      expect(second.APP_SECRET).toBe(first.APP_SECRET);
      expect(second.STRIPE_WEBHOOK_SECRET).toBe(first.STRIPE_WEBHOOK_SECRET);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('production mode refuses to start without its own secrets, listing each', () => {
    withEnv({ PUBLIC_BASE_URL: 'https://tickets.example.org' });
    expect(() => getEnv()).toThrow(/APP_SECRET[\s\S]*STRIPE_SECRET_KEY[\s\S]*STRIPE_WEBHOOK_SECRET[\s\S]*SMTP_URL/);
    withEnv({
      PUBLIC_BASE_URL: 'https://tickets.example.org',
      APP_SECRET: 'x'.repeat(40),
      STRIPE_SECRET_KEY: 'sk_live_abc',
      STRIPE_WEBHOOK_SECRET: 'whsec_abc',
      SMTP_URL: 'smtp://mail.example.org:587',
    });
    expect(getEnv().MARQUEE_MODE).toBe('production');
  });
});
