import { readFileSync } from 'node:fs';
import path from 'node:path';

/** Server action ids by exported name, from the production build's manifest. */
export function actionIds(): Map<string, string> {
  const manifest = JSON.parse(readFileSync(path.join(process.cwd(), '.next/server/server-reference-manifest.json'), 'utf8')) as {
    node: Record<string, { exportedName: string }>;
  };
  return new Map(Object.entries(manifest.node).map(([id, v]) => [v.exportedName, id]));
}

/**
 * Posts a server action's form as a browser without JavaScript does: the
 * page's form with its hidden fields, plus the given fields. Answers the raw
 * response (a redirect is not followed).
 */
export async function postActionForm(app: string, page: string, action: string, fields: Record<string, string>, cookie = ''): Promise<Response> {
  const id = actionIds().get(action);
  if (!id) throw new Error(`no server action ${action} in the build`);
  const html = await (await fetch(`${app}${page}`, { headers: { cookie } })).text();
  const form = [...html.matchAll(/<form[^>]*>([\s\S]*?)<\/form>/g)].map((m) => m[1]!).find((f) => f.includes(id));
  if (!form) throw new Error(`${action}: form not found on ${page}`);
  const body = new FormData();
  for (const input of [...form.matchAll(/<input[^>]*type="hidden"[^>]*>/g)].map((m) => m[0])) {
    const name = /name="([^"]*)"/.exec(input)?.[1];
    const value = (/value="([^"]*)"/.exec(input)?.[1] ?? '').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
    if (name) body.append(name, value);
  }
  for (const [k, v] of Object.entries(fields)) body.set(k, v);
  return fetch(`${app}${page}`, { method: 'POST', redirect: 'manual', headers: { cookie, origin: app }, body });
}
