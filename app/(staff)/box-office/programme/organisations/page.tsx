import type { Metadata } from 'next';
import Link from 'next/link';
import { SearchBox } from '@/components/ui/SearchBox';
import { Pager } from '@/components/ui/Pager';
import { programmePages } from '@/domain/programme/pages';
import { requirePermission } from '@/web/auth/guards';
import { BoxOfficeNav } from '@/components/box-office/BoxOfficeNav';
import { ProgrammeNav } from '@/components/programme/ProgrammeNav';
import { Container } from '@/components/ui/Container';
import { PageHeading } from '@/components/ui/PageHeading';

export const metadata: Metadata = { title: 'Organisations', robots: { index: false } };

type Query = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v : undefined);

/** The organisations films are presented with: searched by name or slug, 25 to a page. */
export default async function OrganisationsPage({ searchParams }: { searchParams: Query }) {
  const user = await requirePermission('programme.edit');
  const query = await searchParams;
  const q = (one(query.q) ?? '').slice(0, 100);
  const page = Math.min(10_000, Math.max(1, Number(one(query.page)) || 1));
  const list = await programmePages.organisations({ q, page });
  const link = (p: number) => `/box-office/programme/organisations?${new URLSearchParams({ ...(q ? { q } : {}), page: String(p) })}`;
  return (
    <Container>
      <PageHeading lead="Films name an organisation as a partner by its slug.">Organisations</PageHeading>
      <BoxOfficeNav user={user} current="/box-office/programme" />
      <ProgrammeNav current="/box-office/programme/organisations" />
      <div className="mb-4 flex flex-wrap items-end gap-4">
        <SearchBox label="Name or slug" q={q} />
        <Link href="/box-office/programme/organisations/new" className="inline-flex min-h-11 items-center rounded-md bg-accent px-4 font-semibold text-white">
          New organisation
        </Link>
      </div>
      {list.organisations.length === 0 ? (
        <p>No organisations{q ? ' match' : ' yet'}.</p>
      ) : (
        <ul className="grid gap-1">
          {list.organisations.map((o) => (
            <li key={o.id}>
              <Link href={`/box-office/programme/organisations/${o.id}`} className="underline">
                {o.name}
              </Link>{' '}
              <span className="text-sm text-muted">({o.slug})</span>
            </li>
          ))}
        </ul>
      )}
      <Pager page={list.page} hasMore={list.hasMore} href={link} />
    </Container>
  );
}
