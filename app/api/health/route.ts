/**
 * Liveness for a load balancer: answers without touching the database. Also the bare route handler that
 * `npm run bench:pages` measures every page against.
 */
export function GET(): Response {
  return Response.json({ ok: true }, { headers: { 'cache-control': 'no-store' } });
}
