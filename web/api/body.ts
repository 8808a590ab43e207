/**
 * A request body read up to `maxBytes` and no further: the rest is never buffered. Route handlers that parse JSON
 * themselves use it where a client could send a body of any size before anything else refuses it (the hold route
 * reads its body before the rate limit answers).
 */
export async function readBodyText(request: Request, maxBytes: number): Promise<{ ok: true; text: string } | { ok: false; reason: 'too_large' }> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) return { ok: false, reason: 'too_large' };
  const reader = request.body?.getReader();
  if (!reader) return { ok: true, text: '' };
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return { ok: false, reason: 'too_large' };
    }
    chunks.push(value);
  }
  return { ok: true, text: Buffer.concat(chunks).toString('utf8') };
}

/** JSON.parse that answers undefined for anything that is not JSON. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
