import type { Metadata } from 'next';
import { createFilmAction } from './actions';
import { requireCurrentFestival } from '@/domain/catalogue/festival';
import { programmePages } from '@/domain/programme/pages';
import { requirePermission } from '@/web/auth/guards';
import { BoxOfficeNav } from '@/components/box-office/BoxOfficeNav';
import { EMPTY_FILM, FilmFields } from '@/components/programme/FilmFields';
import { ProgrammeNav } from '@/components/programme/ProgrammeNav';
import { ActionForm } from '@/components/ui/ActionForm';
import { Container } from '@/components/ui/Container';
import { PageHeading } from '@/components/ui/PageHeading';
import { PendingButton } from '@/components/ui/PendingButton';

export const metadata: Metadata = { title: 'New film', robots: { index: false } };

export default async function NewFilmPage() {
  const user = await requirePermission('programme.edit');
  const festival = await requireCurrentFestival();
  const sections = await programmePages.sections(festival.id);
  return (
    <Container>
      <PageHeading lead="Credits and cast are added once the film exists.">New film</PageHeading>
      <BoxOfficeNav user={user} current="/box-office/programme" />
      <ProgrammeNav current="/box-office/programme/films" />
      <ActionForm action={createFilmAction} className="grid max-w-3xl gap-4" label="New film">
        <FilmFields values={EMPTY_FILM} sections={sections} />
        <div>
          <PendingButton className="min-h-11 rounded-md bg-accent px-4 py-2 font-semibold text-white">Create film</PendingButton>
        </div>
      </ActionForm>
    </Container>
  );
}
