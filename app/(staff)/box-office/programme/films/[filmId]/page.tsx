import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { addCreditAction, addFilmPartnerAction, removeCreditAction, removeFilmPartnerAction, updateFilmAction } from './actions';
import { CREDIT_ROLES } from '@/domain/programme/films';
import { programmePages } from '@/domain/programme/pages';
import { requirePermission } from '@/web/auth/guards';
import { BoxOfficeNav } from '@/components/box-office/BoxOfficeNav';
import { FilmFields } from '@/components/programme/FilmFields';
import { ProgrammeNav } from '@/components/programme/ProgrammeNav';
import { fieldClass, hintClass, labelClass } from '@/components/programme/ScreeningFields';
import { ActionForm } from '@/components/ui/ActionForm';
import { Container } from '@/components/ui/Container';
import { PageHeading } from '@/components/ui/PageHeading';
import { PendingButton } from '@/components/ui/PendingButton';

export const metadata: Metadata = { title: 'Edit a film', robots: { index: false } };

type Params = Promise<{ filmId: string }>;
type Query = Promise<Record<string, string | string[] | undefined>>;

const SAVED: Record<string, string> = { created: 'The film was created.', film: 'The film was saved.', credits: 'The credits were saved.', partners: 'The partners were saved.' };
const ROLE_LABEL: Record<string, string> = {
  director: 'Director',
  producer: 'Producer',
  screenwriter: 'Screenwriter',
  cinematography: 'Cinematography',
  editor: 'Editor',
  production_design: 'Production design',
  original_music: 'Original music',
  cast: 'Cast',
};

export default async function FilmEditPage({ params, searchParams }: { params: Params; searchParams: Query }) {
  const user = await requirePermission('programme.edit');
  const [{ filmId }, query] = await Promise.all([params, searchParams]);
  const film = await programmePages.film(filmId);
  if (!film) notFound();
  const [sections, partners] = await Promise.all([programmePages.sections(film.festivalId), programmePages.filmPartners(film.id)]);
  const saved = typeof query.saved === 'string' ? SAVED[query.saved] : undefined;
  const credits = [
    ...film.credits.map((c) => ({ ...c, role: c.role as string, character: null as string | null })),
    ...film.cast.map((c) => ({ ...c, role: 'cast', character: c.characterName })),
  ];
  return (
    <Container>
      <PageHeading>{film.values.title}</PageHeading>
      <BoxOfficeNav user={user} current="/box-office/programme" />
      <ProgrammeNav current="/box-office/programme/films" />
      {saved ? (
        <p role="status" className="mb-4 rounded-md border-l-4 border-sky-600 bg-sky-50 p-3">
          {saved}
        </p>
      ) : null}
      <p className="mb-6 text-sm">
        <Link href={`/films/${film.values.slug}`} className="underline">
          Public page
        </Link>
      </p>
      <section aria-labelledby="film-title" className="mb-10">
        <h2 id="film-title" className="mb-3 font-serif text-2xl font-bold">
          Details
        </h2>
        <ActionForm action={updateFilmAction} className="grid max-w-3xl gap-4" label="Film details">
          <input type="hidden" name="filmId" value={film.id} />
          <FilmFields values={film.values} sections={sections} />
          <div>
            <PendingButton className="min-h-11 rounded-md bg-accent px-4 py-2 font-semibold text-white">Save film</PendingButton>
          </div>
        </ActionForm>
      </section>

      <section id="credits" aria-labelledby="credits-title" className="mb-10">
        <h2 id="credits-title" className="mb-3 font-serif text-2xl font-bold">
          Credits and cast
        </h2>
        {credits.length === 0 ? <p className="mb-4">No credits yet.</p> : null}
        <ul className="mb-4 grid gap-2">
          {credits.map((c) => (
            <li key={`${c.role}-${c.personId}`} className="flex flex-wrap items-center gap-3">
              <span>
                {ROLE_LABEL[c.role] ?? c.role}: <Link href={`/box-office/programme/people/${c.personId}`} className="underline">{c.name}</Link>
                {c.character ? ` (${c.character})` : ''}
              </span>
              <ActionForm action={removeCreditAction} label={`Remove ${c.name} as ${ROLE_LABEL[c.role] ?? c.role}`}>
                <input type="hidden" name="filmId" value={film.id} />
                <input type="hidden" name="personId" value={c.personId} />
                <input type="hidden" name="role" value={c.role} />
                <PendingButton className="min-h-11 rounded-md border border-stone-500 px-3 text-sm" label={`Remove ${c.name} as ${ROLE_LABEL[c.role] ?? c.role}`}>
                  Remove
                </PendingButton>
              </ActionForm>
            </li>
          ))}
        </ul>
        <ActionForm action={addCreditAction} className="grid max-w-3xl gap-3 rounded-lg border border-stone-300 bg-white p-4 sm:grid-cols-3 sm:items-end" label="Add a credit">
          <input type="hidden" name="filmId" value={film.id} />
          <div>
            <label htmlFor="personSlug" className={labelClass}>Person (slug)</label>
            <input id="personSlug" name="personSlug" required aria-describedby="personSlug-hint" className={fieldClass} />
            <p id="personSlug-hint" className={hintClass}>
              Find or add them under <Link href="/box-office/programme/people" className="underline">People</Link>.
            </p>
          </div>
          <div>
            <label htmlFor="role" className={labelClass}>Role</label>
            <select id="role" name="role" className={fieldClass} defaultValue="director">
              {[...CREDIT_ROLES, 'cast'].map((r) => (
                <option key={r} value={r}>
                  {ROLE_LABEL[r] ?? r}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="characterName" className={labelClass}>Character (cast)</label>
            <input id="characterName" name="characterName" className={fieldClass} />
          </div>
          <div className="sm:col-span-3">
            <PendingButton className="min-h-11 rounded-md bg-accent px-4 py-2 font-semibold text-white">Add credit</PendingButton>
          </div>
        </ActionForm>
      </section>

      <section id="partners" aria-labelledby="partners-title" className="mb-10">
        <h2 id="partners-title" className="mb-3 font-serif text-2xl font-bold">
          Partner organisations
        </h2>
        {partners.length === 0 ? <p className="mb-4">No partners.</p> : null}
        <ul className="mb-4 grid gap-2">
          {partners.map((o) => (
            <li key={o.id} className="flex flex-wrap items-center gap-3">
              <span>{o.name}</span>
              <ActionForm action={removeFilmPartnerAction} label={`Remove partner ${o.name}`}>
                <input type="hidden" name="filmId" value={film.id} />
                <input type="hidden" name="organisationId" value={o.id} />
                <PendingButton className="min-h-11 rounded-md border border-stone-500 px-3 text-sm" label={`Remove partner ${o.name}`}>
                  Remove
                </PendingButton>
              </ActionForm>
            </li>
          ))}
        </ul>
        <ActionForm action={addFilmPartnerAction} className="grid max-w-xl gap-3 rounded-lg border border-stone-300 bg-white p-4" label="Add a partner">
          <input type="hidden" name="filmId" value={film.id} />
          <div>
            <label htmlFor="organisationSlug" className={labelClass}>Organisation (slug)</label>
            <input id="organisationSlug" name="organisationSlug" required className={fieldClass} />
          </div>
          <div>
            <PendingButton className="min-h-11 rounded-md bg-accent px-4 py-2 font-semibold text-white">Add partner</PendingButton>
          </div>
        </ActionForm>
      </section>
    </Container>
  );
}
