'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { getOrderSettings } from '@/domain/payments/checkout';
import {
  callNextRushNumber,
  changeRushCallTime,
  closeRushLine,
  issueRushNumber,
  openRushLine,
  startRushCalling,
  turnAwayRushNumber,
} from '@/domain/rush/rush-lines';
import { SellRushInput, sellToRushNumber } from '@/domain/rush/sell';
import { requirePermission } from '@/web/auth/guards';

/*
 * The rush line's forms: authorize (door.sell) → parse → one command → back to the line's page, with what happened or
 * the refusal's reason code (the page says it in words).
 */

const ScreeningId = z.object({ screeningId: z.guid() });

function pageOf(form: FormData): string {
  const parsed = ScreeningId.safeParse({ screeningId: form.get('screeningId') });
  return parsed.success ? `/box-office/rush/${parsed.data.screeningId}` : '/box-office/rush';
}

function back(form: FormData, query: Record<string, string>, anchor = ''): never {
  const page = pageOf(form);
  revalidatePath(page);
  redirect(`${page}?${new URLSearchParams(query)}${anchor}`);
}

const text = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
};

export async function openRushLineAction(form: FormData): Promise<void> {
  const actor = await requirePermission('door.sell');
  const parsed = z.object({ screeningId: z.guid(), callMinutesBefore: z.coerce.number() }).safeParse(Object.fromEntries(form));
  if (!parsed.success) back(form, { error: 'invalid_request' });
  const result = await openRushLine(getDb(), actor, parsed.data);
  back(form, result.ok ? { done: 'opened' } : { error: result.reason });
}

export async function changeRushCallTimeAction(form: FormData): Promise<void> {
  const actor = await requirePermission('door.sell');
  const parsed = z.object({ lineId: z.guid(), callMinutesBefore: z.coerce.number() }).safeParse(Object.fromEntries(form));
  if (!parsed.success) back(form, { error: 'invalid_request' });
  const result = await changeRushCallTime(getDb(), actor, parsed.data);
  back(form, result.ok ? { done: 'call_time' } : { error: result.reason });
}

export async function issueRushNumberAction(form: FormData): Promise<void> {
  const actor = await requirePermission('door.sell');
  const parsed = z.object({ lineId: z.guid(), partySize: z.coerce.number() }).safeParse(Object.fromEntries(form));
  if (!parsed.success) back(form, { error: 'invalid_request' });
  const result = await issueRushNumber(getDb(), actor, parsed.data);
  back(form, result.ok ? { issued: String(result.number), party: String(parsed.data.partySize) } : { error: result.reason }, result.ok ? '#issued' : '');
}

export async function startRushCallingAction(form: FormData): Promise<void> {
  const actor = await requirePermission('door.sell');
  const parsed = z
    .object({ lineId: z.guid(), releaseCount: z.coerce.number().default(0), releaseTicketIds: z.array(z.string()).default([]) })
    .safeParse({ lineId: form.get('lineId'), releaseCount: text(form, 'releaseCount') ?? 0, releaseTicketIds: form.getAll('releaseTicketIds').map(String) });
  if (!parsed.success) back(form, { error: 'invalid_request' });
  const result = await startRushCalling(getDb(), actor, parsed.data);
  back(form, result.ok ? { done: 'computed' } : { error: result.reason });
}

export async function callNextRushNumberAction(form: FormData): Promise<void> {
  const actor = await requirePermission('door.sell');
  const parsed = z.object({ lineId: z.guid() }).safeParse({ lineId: form.get('lineId') });
  if (!parsed.success) back(form, { error: 'invalid_request' });
  const result = await callNextRushNumber(getDb(), actor, parsed.data);
  back(form, result.ok ? { called: String(result.number) } : { error: result.reason }, result.ok ? '#calling' : '');
}

export async function sellToRushNumberAction(form: FormData): Promise<void> {
  const actor = await requirePermission('door.sell');
  const parsed = SellRushInput.safeParse({
    numberId: form.get('numberId'),
    ticketTypeId: form.get('ticketTypeId'),
    quantity: form.get('quantity'),
    method: form.get('method'),
    reference: text(form, 'reference'),
    reason: text(form, 'reason'),
    buyerName: text(form, 'buyerName'),
    buyerEmail: text(form, 'buyerEmail'),
  });
  if (!parsed.success) back(form, { error: 'invalid_request' }, '#numbers');
  const result = await sellToRushNumber(getDb(), actor, parsed.data, getOrderSettings());
  back(form, result.ok ? { sold: result.orderNumber } : { error: result.reason }, '#numbers');
}

export async function turnAwayRushNumberAction(form: FormData): Promise<void> {
  const actor = await requirePermission('door.sell');
  const result = await turnAwayRushNumber(getDb(), actor, { numberId: String(form.get('numberId') ?? '') });
  back(form, result.ok ? { done: 'turned_away' } : { error: result.reason }, '#numbers');
}

export async function closeRushLineAction(form: FormData): Promise<void> {
  const actor = await requirePermission('door.sell');
  const result = await closeRushLine(getDb(), actor, { lineId: String(form.get('lineId') ?? '') });
  back(form, result.ok ? { done: 'closed' } : { error: result.reason }, '#reconciliation');
}
