import Link from 'next/link';

/** The partner portal's sections: every page checks the partner's organisation on the server. */
const SECTIONS = [
  { href: '/partner', label: 'Organisation' },
  { href: '/partner/allotments', label: 'Community Access places' },
  { href: '/partner/tickets', label: 'Tickets' },
  { href: '/partner/requests', label: 'Donation requests' },
] as const;

export function PartnerNav({ current }: { current: (typeof SECTIONS)[number]['href'] }) {
  return (
    <nav aria-label="Partner portal" className="mb-6 flex flex-wrap gap-x-4 gap-y-2 border-b border-stone-300 pb-3 text-sm">
      {SECTIONS.map((s) => (
        <Link key={s.href} href={s.href} className="underline-offset-4 hover:underline" aria-current={current === s.href ? 'page' : undefined}>
          {s.label}
        </Link>
      ))}
    </nav>
  );
}
