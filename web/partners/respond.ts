import 'server-only';
import { headers } from 'next/headers';
import { forbidden, notFound, redirect } from 'next/navigation';
import { describePartnerFailure, type PartnerFailure } from '@/web/api/failures';
import { clientAddress } from '@/web/api/client';

/**
 * How a partner server action answers a refusal. Something that is not the actor's (another organisation's
 * allotment, order, ticket or code, as a replayed form would name it) is a 404, like a missing one, and a missing
 * permission a 403; anything else goes back to the form's page with the message people read.
 */
export function refuseAction(path: string, failure: PartnerFailure): never {
  const { status, message } = describePartnerFailure(failure);
  if (status === 403) forbidden();
  if (status === 404 && failure.reason !== 'invalid_code') notFound();
  backWith(path, { error: message });
}

/** Back to a page with the outcome in its query (the page shows it); the path is ours, never the request's. */
export function backWith(path: string, query: Record<string, string>): never {
  const [base, anchor] = path.split('#');
  redirect(`${base}?${new URLSearchParams(query).toString()}${anchor ? `#${anchor}` : ''}`);
}

/** The client a rate limit counts: the address scripts/server.ts determined (trusted proxies only). */
export async function actionClientKey(): Promise<string> {
  return `ip:${clientAddress(await headers())}`;
}

/** A form's text field, trimmed; null when empty. */
export function textField(form: FormData, name: string, max = 500): string | null {
  const v = form.get(name);
  if (typeof v !== 'string') return null;
  const t = v.trim().slice(0, max);
  return t === '' ? null : t;
}
