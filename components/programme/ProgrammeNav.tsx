import Link from 'next/link';

const LINKS = [
  { href: '/box-office/programme', label: 'Screenings' },
  { href: '/box-office/programme/films', label: 'Films' },
  { href: '/box-office/programme/people', label: 'People' },
  { href: '/box-office/programme/organisations', label: 'Organisations' },
  { href: '/box-office/programme/import', label: 'Import a programme' },
];

/** The programme section's own pages. */
export function ProgrammeNav({ current }: { current: string }) {
  return (
    <nav aria-label="Programme" className="mb-6 flex flex-wrap gap-x-4 gap-y-2 text-sm">
      {LINKS.map((l) => (
        <Link key={l.href} href={l.href} className="font-semibold underline underline-offset-4" aria-current={current === l.href ? 'page' : undefined}>
          {l.label}
        </Link>
      ))}
    </nav>
  );
}
