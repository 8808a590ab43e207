import { getTicketByCode } from '@/domain/booking/checkout-view';
import { renderTicketsPdf } from '@/platform/tickets/pdf';

export async function GET(_request: Request, { params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const ticket = await getTicketByCode(code);
  if (!ticket || ticket.status !== 'valid') return new Response('Not found', { status: 404 });
  const view = ticket.view;
  if (!view) return new Response('Not found', { status: 404 });
  const pdf = await renderTicketsPdf([view]);
  return new Response(new Uint8Array(pdf), {
    headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': `attachment; filename="ticket-${code}.pdf"`, 'Cache-Control': 'private, no-store' },
  });
}
