import Link from 'next/link';
import { ACCESS_SCHEMES, accessSchemePath } from '@/domain/catalogue/access-schemes';
import type { AccessAvailability } from '@/domain/catalogue/screenings';
import { formatDateTime } from '@/lib/time';
import { accessAvailabilityText } from '@/components/access/AccessAvailabilityText';

export interface AccessBlockScreening {
  id: string;
  startsAt: Date;
  venue: string;
  access: AccessAvailability[];
}

/**
 * The Indigenous & Community Access block every film page carries: the schemes, and for each upcoming screening what
 * each scheme can really still give (places left and until when, or back on general sale after its cut-off).
 */
export function AccessBlock({ filmSlug, screenings = [], timeZone }: { filmSlug: string; screenings?: AccessBlockScreening[]; timeZone?: string }) {
  const links = ACCESS_SCHEMES.map((s) => ({ href: accessSchemePath(s.scheme, filmSlug), label: s.title, text: s.blurb }));
  const shown = screenings.filter((s) => s.access.some((a) => a.allocated > 0 || a.released));
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
      {timeZone && shown.length > 0 ? (
        <div className="mt-4 overflow-x-auto">
          <table className="w-full min-w-[36rem] text-left text-sm">
            <caption className="mb-1 text-left font-semibold">Places set aside at upcoming screenings</caption>
            <thead>
              <tr className="border-b border-stone-300">
                <th scope="col" className="py-1 pr-3">
                  Screening
                </th>
                {ACCESS_SCHEMES.map((s) => (
                  <th key={s.scheme} scope="col" className="py-1 pr-3">
                    {s.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {shown.map((s) => (
                <tr key={s.id} className="border-b border-stone-200">
                  <th scope="row" className="py-1 pr-3 text-left font-normal">
                    <Link href={`/screenings/${s.id}`} className="underline">
                      {formatDateTime(s.startsAt, timeZone)}
                    </Link>
                    <span className="block text-xs text-muted">{s.venue}</span>
                  </th>
                  {ACCESS_SCHEMES.map((scheme) => {
                    const a = s.access.find((x) => x.scheme === scheme.scheme);
                    return (
                      <td key={scheme.scheme} className="py-1 pr-3">
                        {a ? accessAvailabilityText(a, timeZone) : 'None set aside'}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <p className="mt-3 text-sm"><Link href="/access/fund" className="underline underline-offset-2">What the community has given to the access fund</Link></p>
    </section>
  );
}
