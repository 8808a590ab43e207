'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { chooseDonation, chooseExchange, chooseRefund } from '@/domain/cancellations/choices';
import { isChoiceTokenShape } from '@/domain/cancellations/choice-token';
import { getOrderSettings } from '@/domain/payments/checkout';

/** The private link is the holder's only credential: the token in the form is checked by the command's lookup. */
const Token = z.string().refine(isChoiceTokenShape, 'Not a choice link');

function page(token: string, query = ''): string {
  return `/cancellations/choose/${token}${query}`;
}

export async function chooseRefundAction(form: FormData): Promise<void> {
  const token = Token.safeParse(form.get('token'));
  if (!token.success) redirect('/');
  const result = await chooseRefund(getDb(), token.data, getOrderSettings());
  redirect(page(token.data, result.ok ? '?done=refund' : `?error=${result.reason}`));
}

export async function chooseDonationAction(form: FormData): Promise<void> {
  const token = Token.safeParse(form.get('token'));
  if (!token.success) redirect('/');
  const result = await chooseDonation(getDb(), token.data, getOrderSettings());
  redirect(page(token.data, result.ok ? '?done=donation' : `?error=${result.reason}`));
}

const ExchangeChoice = z.string().regex(/^[0-9a-f-]{36}:[0-9a-f-]{36}$/i, 'Choose a screening');

export async function chooseExchangeAction(form: FormData): Promise<void> {
  const token = Token.safeParse(form.get('token'));
  if (!token.success) redirect('/');
  const choice = ExchangeChoice.safeParse(form.get('choice'));
  if (!choice.success) redirect(page(token.data, '?error=invalid'));
  const [toScreeningId, ticketTypeId] = choice.data.split(':') as [string, string];
  const result = await chooseExchange(getDb(), token.data, { toScreeningId, ticketTypeId }, getOrderSettings());
  redirect(page(token.data, result.ok ? '?done=exchange' : `?error=${result.reason}`));
}
