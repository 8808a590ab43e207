import type { Metadata } from 'next';
import Link from 'next/link';
import { SearchBox } from '@/components/ui/SearchBox';
import { Pager } from '@/components/ui/Pager';
import { requireCurrentFestival } from '@/domain/catalogue/festival';
import { programmePages } from '@/domain/programme/pages';
import { requirePermission } from '@/web/auth/guards';
import { BoxOfficeNav } from '@/components/box-office/BoxOfficeNav';
import { ProgrammeNav } from '@/components/programme/ProgrammeNav';
import { Container } from '@/components/ui/Container';
import { PageHeading } from '@/components/ui/PageHeading';

export const metadata: Metadata = { title: 'Films', robots: { index: false } };

type Query = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v : undefined);

/** The festival's films, searched by title or slug, 25 to a page. */
export default async function FilmsPage({ searchParams }: { searchParams: Query }) {
  const user = await requirePermission('programme.edit');
  const [query, festival] = await Promise.all([searchParams, requireCurrentFestival()]);
  const q = (one(query.q) ?? '').slice(0, 100);
  const page = Math.max(1, Number(one(query.page)) || 1);
  const list = await programmePages.films(festival.id, { q, page });
  const link = (p: number) => `/box-office/programme/films?${new URLSearchParams({ ...(q ? { q } : {}), page: String(p) })}`;
  return (
    <Container>
      <PageHeading>Films</PageHeading>
      <BoxOfficeNav user={user} current="/box-office/programme" />
      <ProgrammeNav current="/box-office/programme/films" />
      <div className="mb-4 flex flex-wrap items-end gap-4">
        <SearchBox label="Title or slug" q={q} />
        <Link href="/box-office/programme/films/new" className="inline-flex min-h-11 items-center rounded-md bg-accent px-4 font-semibold text-white">
          New film
        </Link>
      </div>
      {list.films.length === 0 ? (
        <p>No films{q ? ' match' : ' yet'}.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full min-w-[32rem] text-left text-sm">
            <caption className="sr-only">Films by title</caption>
            <thead>
              <tr className="border-b border-stone-400">
                <th scope="col" className="px-2 py-2">Title</th>
                <th scope="col" className="px-2 py-2">Section</th>
                <th scope="col" className="px-2 py-2">Year</th>
                <th scope="col" className="px-2 py-2">Runtime</th>
                <th scope="col" className="px-2 py-2">Screenings</th>
              </tr>
            </thead>
            <tbody>
              {list.films.map((f) => (
                <tr key={f.id} className="border-b border-stone-200">
                  <td className="px-2 py-2">
                    <Link href={`/box-office/programme/films/${f.id}`} className="underline">
                      {f.title}
                    </Link>
                  </td>
                  <td className="px-2 py-2">{f.section ?? '—'}</td>
                  <td className="px-2 py-2">{f.year ?? '—'}</td>
                  <td className="px-2 py-2">{f.runtimeMinutes ? `${f.runtimeMinutes} min` : '—'}</td>
                  <td className="px-2 py-2">{f.screenings}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager page={list.page} hasMore={list.hasMore} href={link} />
    </Container>
  );
}
