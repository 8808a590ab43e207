import { TEST_CARDS, groupCardNumber } from './cards';
import { formatAmount } from './money';
import type { CheckoutSessionObject, LineItem } from './objects';

/**
 * HTML for the hosted test checkout. Plain server-rendered forms, so the
 * page works without JavaScript; real labels, one h1, visible focus and
 * colours that pass WCAG AA contrast, so the app's accessibility checks
 * can run through it.
 */
export type CheckoutField = 'card_number' | 'expiry' | 'cvc' | 'name';

export interface CheckoutFormValues {
  card_number: string;
  expiry: string;
  cvc: string;
  name: string;
}

export interface CheckoutFormError {
  field: CheckoutField;
  message: string;
}

export const EMPTY_FORM: CheckoutFormValues = { card_number: '', expiry: '', cvc: '', name: '' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

const STYLES = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#111827;background:#f3f4f6}
main{max-width:36rem;margin:2rem auto;padding:1.5rem;background:#fff;border:1px solid #d1d5db;border-radius:.5rem}
h1{font-size:1.6rem;margin:.5rem 0 1rem}
h2{font-size:1.15rem;margin:1.5rem 0 .5rem}
.badge{display:inline-block;margin:0;padding:.15rem .6rem;border-radius:999px;background:#fef3c7;color:#78350f;font-size:.875rem}
table{width:100%;border-collapse:collapse}
th,td{padding:.4rem .25rem;text-align:left;border-bottom:1px solid #e5e7eb}
td.num,th.num{text-align:right}
tfoot th,tfoot td{font-weight:700;border-bottom:0}
.field{margin:0 0 1rem}
.row{display:flex;gap:1rem}
.row .field{flex:1}
label{display:block;font-weight:600;margin-bottom:.25rem}
input{width:100%;padding:.6rem .7rem;font:inherit;color:#111827;background:#fff;border:1px solid #6b7280;border-radius:.375rem}
input[aria-invalid=true]{border:2px solid #b91c1c}
.hint{margin:.25rem 0 0;color:#4b5563;font-size:.875rem}
.field-error{margin:.25rem 0 0;color:#991b1b;font-size:.875rem;font-weight:600}
.alert{margin:0 0 1rem;padding:.75rem 1rem;border:2px solid #b91c1c;border-radius:.375rem;background:#fef2f2;color:#7f1d1d;font-weight:600}
button{width:100%;padding:.75rem 1rem;font:inherit;font-weight:700;color:#fff;background:#1d4ed8;border:0;border-radius:.375rem;cursor:pointer}
button:hover{background:#1e40af}
a{color:#1d4ed8}
a:hover{color:#1e3a8a}
:focus-visible{outline:3px solid #1d4ed8;outline-offset:2px}
button:focus-visible{outline-color:#111827}
code{font-size:.95em}
.visually-hidden{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
`;

function layout(title: string, content: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>${STYLES}</style>
</head>
<body>
<main>
<p class="badge">Test mode: Stripe emulator, no real payment is made</p>
${content}
</main>
</body>
</html>
`;
}

function summary(session: CheckoutSessionObject, lineItems: readonly LineItem[]): string {
  const rows = lineItems
    .map(
      (item) => `<tr><td>${escapeHtml(item.description)}</td><td class="num">${item.quantity}</td><td class="num">${escapeHtml(formatAmount(item.amount_total, item.currency))}</td></tr>`,
    )
    .join('\n');
  return `<section aria-labelledby="summary-heading">
<h2 id="summary-heading">Order summary</h2>
<table>
<caption class="visually-hidden">Items in this order</caption>
<thead><tr><th scope="col">Item</th><th scope="col" class="num">Quantity</th><th scope="col" class="num">Price</th></tr></thead>
<tbody>
${rows}
</tbody>
<tfoot><tr><th scope="row" colspan="2">Total</th><td class="num">${escapeHtml(formatAmount(session.amount_total, session.currency))}</td></tr></tfoot>
</table>
</section>`;
}

interface FieldSpec {
  field: CheckoutField;
  label: string;
  hint?: string;
  attributes: string;
}

function input(spec: FieldSpec, values: CheckoutFormValues, error: CheckoutFormError | undefined): string {
  const invalid = error?.field === spec.field;
  const described = [spec.hint ? `${spec.field}-hint` : '', invalid ? `${spec.field}-error` : ''].filter(Boolean).join(' ');
  return `<div class="field">
<label for="${spec.field}">${escapeHtml(spec.label)}</label>
<input id="${spec.field}" name="${spec.field}" value="${escapeHtml(values[spec.field])}" ${spec.attributes}${described ? ` aria-describedby="${described}"` : ''}${invalid ? ' aria-invalid="true" autofocus' : ''}>
${spec.hint ? `<p class="hint" id="${spec.field}-hint">${escapeHtml(spec.hint)}</p>` : ''}
${invalid ? `<p class="field-error" id="${spec.field}-error">${escapeHtml(error.message)}</p>` : ''}
</div>`;
}

function testCardTable(): string {
  const rows = TEST_CARDS.map((card) => `<tr><td><code>${groupCardNumber(card.number)}</code></td><td>${escapeHtml(card.description)}</td></tr>`).join('\n');
  return `<section aria-labelledby="test-cards-heading">
<h2 id="test-cards-heading">Test cards</h2>
<p>Use any future expiry date, any CVC and any name.</p>
<table>
<thead><tr><th scope="col">Card number</th><th scope="col">Result</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</section>`;
}

export function renderCheckoutPage(
  session: CheckoutSessionObject,
  lineItems: readonly LineItem[],
  values: CheckoutFormValues = EMPTY_FORM,
  error?: CheckoutFormError,
): string {
  const total = formatAmount(session.amount_total, session.currency);
  // The summary alert repeats the field message so it is announced on load; the field keeps it for context.
  const alert = error ? `<div class="alert" role="alert" id="form-error">${escapeHtml(error.message)}</div>` : '';
  const fields = {
    cardNumber: input(
      { field: 'card_number', label: 'Card number', hint: 'The test cards are listed below.', attributes: 'type="text" inputmode="numeric" autocomplete="cc-number" required' },
      values,
      error,
    ),
    expiry: input({ field: 'expiry', label: 'Expiry date (MM/YY)', attributes: 'type="text" inputmode="numeric" autocomplete="cc-exp" placeholder="MM/YY"' }, values, error),
    cvc: input({ field: 'cvc', label: 'CVC', attributes: 'type="text" inputmode="numeric" autocomplete="cc-csc" maxlength="4"' }, values, error),
    name: input({ field: 'name', label: 'Name on card', attributes: 'type="text" autocomplete="cc-name"' }, values, error),
  };
  const cancel = session.cancel_url ? `<p><a href="${escapeHtml(session.cancel_url)}">Cancel and go back</a></p>` : '';
  return layout(
    `${error ? 'Error: ' : ''}Pay ${total} – Test checkout`,
    `<h1>Pay ${escapeHtml(total)}</h1>
${summary(session, lineItems)}
<section aria-labelledby="card-heading">
<h2 id="card-heading">Card details</h2>
${alert}
<form method="post" action="/checkout/${encodeURIComponent(session.id)}" novalidate>
${fields.cardNumber}
<div class="row">
${fields.expiry}
${fields.cvc}
</div>
${fields.name}
<button type="submit">Pay</button>
</form>
${cancel}
</section>
${testCardTable()}`,
  );
}

/** Shown instead of the form when the session cannot be paid (expired, complete, unknown). */
export function renderMessagePage(heading: string, message: string, link?: { href: string; text: string }): string {
  return layout(
    heading,
    `<h1>${escapeHtml(heading)}</h1>
<p>${escapeHtml(message)}</p>
${link ? `<p><a href="${escapeHtml(link.href)}">${escapeHtml(link.text)}</a></p>` : ''}`,
  );
}
