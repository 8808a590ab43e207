import type { Metadata } from 'next';
import Link from 'next/link';
import { SearchBox } from '@/components/ui/SearchBox';
import { Pager } from '@/components/ui/Pager';
import { createPersonAction } from './actions';
import { programmePages } from '@/domain/programme/pages';
import { requirePermission } from '@/web/auth/guards';
import { BoxOfficeNav } from '@/components/box-office/BoxOfficeNav';
import { ProgrammeNav } from '@/components/programme/ProgrammeNav';
import { fieldClass, hintClass, labelClass } from '@/components/programme/ScreeningFields';
import { ActionForm } from '@/components/ui/ActionForm';
import { Container } from '@/components/ui/Container';
import { PageHeading } from '@/components/ui/PageHeading';
import { PendingButton } from '@/components/ui/PendingButton';

export const metadata: Metadata = { title: 'People', robots: { index: false } };

type Query = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v : undefined);

/** Directors, crew and cast: searched by name or slug, 25 to a page; a new person added below. */
export default async function PeoplePage({ searchParams }: { searchParams: Query }) {
  const user = await requirePermission('programme.edit');
  const query = await searchParams;
  const q = (one(query.q) ?? '').slice(0, 100);
  const page = Math.max(1, Number(one(query.page)) || 1);
  const list = await programmePages.people({ q, page });
  const link = (p: number) => `/box-office/programme/people?${new URLSearchParams({ ...(q ? { q } : {}), page: String(p) })}`;
  return (
    <Container>
      <PageHeading lead="People are credited on films by their slug.">People</PageHeading>
      <BoxOfficeNav user={user} current="/box-office/programme" />
      <ProgrammeNav current="/box-office/programme/people" />
      <SearchBox label="Name or slug" q={q} />
      {list.people.length === 0 ? (
        <p>No people{q ? ' match' : ' yet'}.</p>
      ) : (
        <ul className="grid gap-1">
          {list.people.map((p) => (
            <li key={p.id}>
              <Link href={`/box-office/programme/people/${p.id}`} className="underline">
                {p.name}
              </Link>{' '}
              <span className="text-sm text-muted">({p.slug})</span>
            </li>
          ))}
        </ul>
      )}
      <Pager page={list.page} hasMore={list.hasMore} href={link} />
      <section aria-labelledby="new-person" className="mt-10 max-w-2xl">
        <h2 id="new-person" className="mb-3 font-serif text-2xl font-bold">
          Add a person
        </h2>
        <ActionForm action={createPersonAction} className="grid gap-4" label="Add a person">
          <div>
            <label htmlFor="person-name" className={labelClass}>Name</label>
            <input id="person-name" name="name" required className={fieldClass} />
          </div>
          <div>
            <label htmlFor="person-slug" className={labelClass}>Slug</label>
            <input id="person-slug" name="slug" required aria-describedby="person-slug-hint" className={fieldClass} />
            <p id="person-slug-hint" className={hintClass}>Lower-case words joined by hyphens, unique: ada-lovelace.</p>
          </div>
          <div>
            <label htmlFor="person-bio" className={labelClass}>Biography</label>
            <textarea id="person-bio" name="bio" rows={4} className={fieldClass} />
          </div>
          <div>
            <PendingButton className="min-h-11 rounded-md bg-accent px-4 py-2 font-semibold text-white">Add person</PendingButton>
          </div>
        </ActionForm>
      </section>
    </Container>
  );
}
