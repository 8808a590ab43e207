import Link from 'next/link';
import type { ReactNode } from 'react';

const VARIANTS = {
  primary: 'bg-accent text-white hover:bg-accent-dark',
  secondary: 'border border-stone-400 bg-white text-ink hover:bg-stone-100',
} as const;

export function ButtonLink({
  href,
  children,
  variant = 'primary',
  label,
  prefetch,
}: {
  href: string;
  children: ReactNode;
  variant?: keyof typeof VARIANTS;
  /** Accessible name when the visible text alone is ambiguous (many "Book tickets" on one page). */
  label?: string;
  /** false for pages rendered per request that many links point to (a prefetch is a render). */
  prefetch?: boolean;
}) {
  return (
    <Link
      href={href}
      prefetch={prefetch}
      aria-label={label}
      className={`inline-flex min-h-11 items-center justify-center rounded-md px-4 py-2 text-sm font-semibold ${VARIANTS[variant]}`}
    >
      {children}
    </Link>
  );
}
