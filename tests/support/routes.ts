import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Every page, route handler and server action in the app, read from the
 * source tree: the authorization matrix must have a rule for each, so a new
 * route without a rule fails the test.
 */
export interface DiscoveredRoutes {
  pages: string[];
  handlers: string[];
  actions: string[];
}

const APP = path.join(process.cwd(), 'app');

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
  const actions = files
    .filter((f) => f.startsWith(path.join(APP, 'actions')))
    .flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/export async function (\w+Action)\b/g)].map((m) => `ACTION ${m[1]}`));
  return { pages: pages.sort(), handlers: handlers.sort(), actions: actions.sort() };
}
