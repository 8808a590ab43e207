'use client';

import { useCallback, useSyncExternalStore } from 'react';
import { canBook, SALE_STATE_LABEL, type SaleState } from '@/lib/sale-state';
import { ButtonLink } from '@/components/ui/ButtonLink';
import { liveSaleState, subscribeToSaleState } from './live-availability';
import { SaleStatusBadge } from './SaleStatusBadge';

/** The screening's sale state as the page was rendered (`initial`, possibly seconds old), then as it is now. */
function useSaleState(screeningId: string, initial: SaleState): SaleState {
  // One subscription per screening for the component's life, not one per render.
  const subscribe = useCallback((listener: () => void) => subscribeToSaleState(screeningId, listener), [screeningId]);
  return useSyncExternalStore(subscribe, () => liveSaleState(screeningId) ?? initial, () => initial);
}

export function LiveSaleStatusBadge({ screeningId, initial }: { screeningId: string; initial: SaleState }) {
  return <SaleStatusBadge state={useSaleState(screeningId, initial)} />;
}

/** The state in words, for places with no room for a badge (the schedule's grid). */
export function LiveSaleStateText({ screeningId, initial }: { screeningId: string; initial: SaleState }) {
  return <>{SALE_STATE_LABEL[useSaleState(screeningId, initial)]}</>;
}

/**
 * "Book tickets" while it sells, "Details" once it does not (sold out, off sale, cancelled). Not prefetched: the booking
 * and screening pages are rendered per request (live seat maps), and a cached programme page lists dozens of them.
 */
export function LiveBookingLink({ screeningId, initial, describedAs }: { screeningId: string; initial: SaleState; describedAs: string }) {
  const state = useSaleState(screeningId, initial);
  return canBook(state) ? (
    <ButtonLink href={`/screenings/${screeningId}/book`} prefetch={false} label={`Book tickets: ${describedAs}`}>
      Book tickets
    </ButtonLink>
  ) : (
    <ButtonLink href={`/screenings/${screeningId}`} prefetch={false} variant="secondary" label={`Details: ${describedAs}`}>
      Details
    </ButtonLink>
  );
}
