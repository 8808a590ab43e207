import type { ReactNode } from 'react';

/**
 * The signed-in account and the partner area (each page checks its own role; the account navigation is rendered by the pages, beside their headings).
 * The root layout (app/layout.tsx) draws the site's header and footer; this
 * route group's own layout is where the group's shared frame goes.
 */
export default function AccountLayout({ children }: { children: ReactNode }) {
  return children;
}
