import { SALE_STATE_LABEL, type SaleState } from '@/lib/sale-state';
import { Badge } from '@/components/ui/Badge';

const TONE: Record<SaleState, 'good' | 'warn' | 'bad' | 'neutral'> = {
  on_sale: 'good',
  few_left: 'warn',
  sold_out: 'bad',
  off_sale: 'neutral',
  not_yet_on_sale: 'neutral',
  past: 'neutral',
  cancelled: 'bad',
};

export function SaleStatusBadge({ state }: { state: SaleState }) {
  return <Badge tone={TONE[state]}>{SALE_STATE_LABEL[state]}</Badge>;
}
