import type { ReactNode } from 'react';

/**
 * The public site: programme, schedule, venues, booking, checkout, orders and tickets, sign-in and invitations.
 * The root layout (app/layout.tsx) draws the site's header and footer; this
 * route group's own layout is where the group's shared frame goes.
 */
export default function PublicLayout({ children }: { children: ReactNode }) {
  return children;
}
