import Link from 'next/link';

/** The way back from an access scheme's page: to the film it was opened from (?film=slug), and to all the schemes. */
export function AccessPageLinks({ film }: { film: { slug: string; title: string } | null }) {
  return (
    <ul className="space-y-2">
      {film ? (
        <li>
          <Link href={`/films/${film.slug}`} className="underline">
            Back to {film.title}
          </Link>
        </li>
      ) : null}
      <li>
        <Link href="/access" className="underline">
          All access schemes
        </Link>
      </li>
    </ul>
  );
}
