import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Every page, route handler and server action in the app, read from the
 * source tree: the authorization matrix must have a rule for each, so a new
 * route without a rule fails the test. Server actions are found by their
 * `'use server'` directive wherever they live (beside their pages in app/,
 * or anywhere else in the source), and listed by exported name.
 */
export interface DiscoveredRoutes {
  pages: string[];
  handlers: string[];
  actions: string[];
}

const ROOT = process.cwd();
const APP = path.join(ROOT, 'app');
/** Every folder of source that Next may bundle: a server action placed in any of them is found. */
const SOURCE = ['app', 'components', 'web', 'domain', 'platform', 'lib'].map((d) => path.join(ROOT, d)).filter((d) => existsSync(d));

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) walk(full, out);
    else out.push(full);
  }
  return out;
}

function routeOf(file: string): string {
  const rel = path.relative(APP, path.dirname(file)).split(path.sep).filter((s) => s && !s.startsWith('('));
  return `/${rel.join('/')}`;
}

export function discoverRoutes(): DiscoveredRoutes {
  const files = walk(APP);
  const pages = files.filter((f) => f.endsWith(`${path.sep}page.tsx`)).map((f) => `PAGE ${routeOf(f)}`);
  const handlers = files
    .filter((f) => f.endsWith(`${path.sep}route.ts`))
    .flatMap((f) => {
      const source = readFileSync(f, 'utf8');
      const methods = [...source.matchAll(/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]!);
      const destructured = /export const \{([^}]+)\} = handlers/.exec(source)?.[1]?.split(',').map((m) => m.trim()) ?? [];
      return [...methods, ...destructured].map((m) => `${m} ${routeOf(f)}`);
    });
  const actions = SOURCE.flatMap((dir) => walk(dir))
    .filter((f) => /\.(ts|tsx)$/.test(f))
    .flatMap((f) => serverActionsIn(f))
    .map((name) => `ACTION ${name}`);
  const duplicated = actions.filter((a, i) => actions.indexOf(a) !== i);
  if (duplicated.length) throw new Error(`server actions exported under the same name from two files: ${duplicated.join(', ')}`);
  return { pages: pages.sort(), handlers: handlers.sort(), actions: actions.sort() };
}

/**
 * The exported functions of a file whose first statement is `'use server'`.
 * A `'use server'` anywhere else (an inline action inside a component) would
 * create an action this list cannot name, so it fails discovery outright.
 */
function serverActionsIn(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  if (!/['"]use server['"]/.test(source)) return [];
  const code = source.replace(/^(?:\s+|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*/, '');
  if (!/^['"]use server['"]/.test(code)) throw new Error(`${path.relative(ROOT, file)}: 'use server' outside the file's first statement; put server actions in an actions.ts file`);
  const names = [
    ...[...source.matchAll(/export\s+(?:async\s+)?function\s+(\w+)/g)].map((m) => m[1]!),
    ...[...source.matchAll(/export\s+(?:const|let)\s+(\w+)/g)].map((m) => m[1]!),
    ...[...source.matchAll(/export\s*\{([^}]+)\}/g)].flatMap((m) => m[1]!.split(',').map((n) => n.trim().split(/\s+as\s+/).pop()!.trim()).filter(Boolean)),
  ];
  return names;
}
