import type { ReactNode } from 'react';

export function PageHeading({ children, lead }: { children: ReactNode; lead?: ReactNode }) {
  return (
    <header className="mb-6 mt-8">
      <h1 className="font-serif text-3xl font-bold leading-tight sm:text-4xl">{children}</h1>
      {lead ? <p className="mt-2 max-w-2xl text-muted">{lead}</p> : null}
    </header>
  );
}
