import type { ReactNode } from 'react';

/**
 * Local-mode development tools (the email outbox); the pages refuse to render outside local mode.
 * The root layout (app/layout.tsx) draws the site's header and footer; this
 * route group's own layout is where the group's shared frame goes.
 */
export default function DevLayout({ children }: { children: ReactNode }) {
  return children;
}
