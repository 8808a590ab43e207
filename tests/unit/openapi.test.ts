import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OPENAPI_DOCUMENT } from '@/web/api/openapi';

/** Route files under app/api/v1, as OpenAPI paths ("films/[slug]/route.ts" → "/films/{slug}"). */
function apiRoutes(dir = path.join(process.cwd(), 'app/api/v1'), prefix = ''): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return apiRoutes(full, `${prefix}/${name}`);
    return name === 'route.ts' ? [prefix.replace(/\[(\w+)\]/g, '{$1}')] : [];
  });
}

describe('OpenAPI document', () => {
  it('describes every API route (a new route without a description fails here)', () => {
    const documented = Object.keys(OPENAPI_DOCUMENT.paths).sort();
    const routes = apiRoutes().filter((r) => !r.includes('[...'));
    expect(routes.sort()).toEqual(documented);
  });

  it('only references schemas it defines', () => {
    const refs = [...JSON.stringify(OPENAPI_DOCUMENT).matchAll(/"#\/components\/schemas\/(\w+)"/g)].map((m) => m[1]);
    for (const ref of refs) expect(Object.keys(OPENAPI_DOCUMENT.components.schemas)).toContain(ref);
  });
});
