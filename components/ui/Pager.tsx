import Link from 'next/link';

/** Previous and next links of a bounded list; `href(n)` builds page n's address (filters kept). */
export function Pager({ page, hasMore, href, label = 'Pages' }: { page: number; hasMore: boolean; href: (page: number) => string; label?: string }) {
  if (page <= 1 && !hasMore) return null;
  return (
    <nav aria-label={label} className="mt-4 flex gap-4">
      {page > 1 ? (
        <Link href={href(page - 1)} className="underline">
          Previous page
        </Link>
      ) : null}
      {hasMore ? (
        <Link href={href(page + 1)} className="underline">
          Next page
        </Link>
      ) : null}
    </nav>
  );
}
