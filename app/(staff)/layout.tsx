import type { ReactNode } from 'react';

/**
 * The festival staff's pages (today the admin's users and roles; the box office will live at (staff)/box-office).
 * The root layout (app/layout.tsx) draws the site's header and footer; this
 * route group's own layout is where the group's shared frame goes.
 */
export default function StaffLayout({ children }: { children: ReactNode }) {
  return children;
}
