import Link from 'next/link';

/** The Indigenous & Community Access block every film page carries. */
export function AccessBlock({ filmSlug }: { filmSlug: string }) {
  const links = [
    { href: `/access/indigenous?film=${filmSlug}`, label: 'Indigenous Access Tickets', text: 'Free tickets for Indigenous audience members.' },
    { href: `/access/community?film=${filmSlug}`, label: 'Community Access Tickets', text: 'Free or low-cost tickets for people facing financial barriers.' },
    {
      href: `/access/donation-requests?film=${filmSlug}`,
      label: 'Ticket Donation Requests',
      text: 'For community partner organisations requesting donated tickets for the people they serve.',
    },
  ];
  return (
    <section aria-labelledby="access-heading" className="rounded-lg border border-stone-300 bg-white p-4">
      <h2 id="access-heading" className="font-serif text-xl font-bold">
        Indigenous &amp; Community Access
      </h2>
      <ul className="mt-3 grid gap-3 sm:grid-cols-3">
        {links.map((l) => (
          <li key={l.href}>
            <Link href={l.href} className="font-semibold text-accent underline underline-offset-2">
              {l.label}
            </Link>
            <p className="text-sm text-muted">{l.text}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
