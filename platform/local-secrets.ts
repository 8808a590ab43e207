import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * Secrets a local trial run needs, generated once per data directory so that
 * nothing secret comes from the repository. The file is 0600: other users of
 * the machine cannot read it. Production takes APP_SECRET and the webhook
 * secret from its own configuration and uses this file only for the embedded
 * database's password (when it runs on the embedded server at all).
 */
const SecretsSchema = z.object({
  appSecret: z.string().min(32),
  stripeWebhookSecret: z.string().startsWith('whsec_'),
  embeddedPgPassword: z.string().min(16),
});

export type LocalSecrets = z.infer<typeof SecretsSchema>;

export const LOCAL_SECRETS_FILE = 'local-secrets.json';

export function localSecretsPath(dataDir: string): string {
  return path.resolve(dataDir, LOCAL_SECRETS_FILE);
}

function generate(): LocalSecrets {
  return {
    appSecret: randomBytes(32).toString('base64url'),
    stripeWebhookSecret: `whsec_${randomBytes(24).toString('base64url')}`,
    embeddedPgPassword: randomBytes(18).toString('base64url'),
  };
}

function read(file: string): LocalSecrets | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const parsed = SecretsSchema.safeParse(json);
  if (!parsed.success) throw new Error(`${file} is not a valid secrets file: delete it to generate new secrets (signed-in sessions and order links will stop working).`);
  return parsed.data;
}

/**
 * Reads the data directory's secrets, creating them on first use. Creation is
 * exclusive ('wx'), so two processes starting together agree on one set.
 */
export function loadOrCreateLocalSecrets(dataDir: string): { secrets: LocalSecrets; created: boolean; file: string } {
  const file = localSecretsPath(dataDir);
  const existing = read(file);
  if (existing) return { secrets: existing, created: false, file };
  mkdirSync(path.dirname(file), { recursive: true });
  const secrets = generate();
  try {
    writeFileSync(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    // Another process created it a moment ago: give it time to finish writing.
    for (let attempt = 0; ; attempt++) {
      try {
        const raced = read(file);
        if (raced) return { secrets: raced, created: false, file };
      } catch (invalid) {
        if (attempt >= 20) throw invalid;
      }
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
    }
  }
  // The umask cannot widen 0600, but an explicit chmod documents the intent on odd filesystems.
  chmodSync(file, 0o600);
  return { secrets, created: true, file };
}
