import Link from 'next/link';
import { ACCESS_SCHEMES, accessSchemePath } from '@/domain/catalogue/access-schemes';

/** The Indigenous & Community Access block every film page carries. */
export function AccessBlock({ filmSlug }: { filmSlug: string }) {
  const links = ACCESS_SCHEMES.map((s) => ({ href: accessSchemePath(s.scheme, filmSlug), label: s.title, text: s.blurb }));
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
      <p className="mt-3 text-sm"><Link href="/access/fund" className="underline underline-offset-2">What the community has given to the access fund</Link></p>
    </section>
  );
}
