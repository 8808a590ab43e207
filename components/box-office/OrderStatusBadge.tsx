import type { OrderStatus } from '@/domain/desk/orders';
import { Badge } from '@/components/ui/Badge';

const LABEL: Record<OrderStatus, { text: string; tone: 'neutral' | 'good' | 'warn' | 'bad' | 'info' }> = {
  pending: { text: 'Awaiting payment', tone: 'warn' },
  paid: { text: 'Paid', tone: 'good' },
  refund_due: { text: 'Refund due', tone: 'bad' },
  refunded: { text: 'Refunded', tone: 'neutral' },
  expired: { text: 'Expired', tone: 'neutral' },
  failed: { text: 'Payment failed', tone: 'bad' },
  cancelled: { text: 'Cancelled', tone: 'neutral' },
  exchanged: { text: 'Exchanged', tone: 'info' },
};

/** An order's status in words, for the desk's lists and order page. */
export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  const l = LABEL[status];
  return <Badge tone={l.tone}>{l.text}</Badge>;
}
