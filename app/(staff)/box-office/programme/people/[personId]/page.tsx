import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { updatePersonAction } from './actions';
import { programmePages } from '@/domain/programme/pages';
import { requirePermission } from '@/web/auth/guards';
import { BoxOfficeNav } from '@/components/box-office/BoxOfficeNav';
import { ProgrammeNav } from '@/components/programme/ProgrammeNav';
import { fieldClass, labelClass } from '@/components/programme/ScreeningFields';
import { ActionForm } from '@/components/ui/ActionForm';
import { Container } from '@/components/ui/Container';
import { PageHeading } from '@/components/ui/PageHeading';
import { PendingButton } from '@/components/ui/PendingButton';

export const metadata: Metadata = { title: 'Edit a person', robots: { index: false } };

type Params = Promise<{ personId: string }>;
type Query = Promise<Record<string, string | string[] | undefined>>;

export default async function PersonPage({ params, searchParams }: { params: Params; searchParams: Query }) {
  const user = await requirePermission('programme.edit');
  const [{ personId }, query] = await Promise.all([params, searchParams]);
  const person = await programmePages.person(personId);
  if (!person) notFound();
  const saved = query.saved === 'created' ? 'The person was added.' : query.saved === 'person' ? 'The person was saved.' : null;
  return (
    <Container>
      <PageHeading>{person.name}</PageHeading>
      <BoxOfficeNav user={user} current="/box-office/programme" />
      <ProgrammeNav current="/box-office/programme/people" />
      {saved ? (
        <p role="status" className="mb-4 rounded-md border-l-4 border-sky-600 bg-sky-50 p-3">
          {saved}
        </p>
      ) : null}
      <ActionForm action={updatePersonAction} className="grid max-w-2xl gap-4" label="Person">
        <input type="hidden" name="personId" value={person.id} />
        <div>
          <label htmlFor="person-name" className={labelClass}>Name</label>
          <input id="person-name" name="name" required defaultValue={person.name} className={fieldClass} />
        </div>
        <div>
          <label htmlFor="person-slug" className={labelClass}>Slug</label>
          <input id="person-slug" name="slug" required defaultValue={person.slug} className={fieldClass} />
        </div>
        <div>
          <label htmlFor="person-bio" className={labelClass}>Biography</label>
          <textarea id="person-bio" name="bio" rows={5} defaultValue={person.bio ?? ''} className={fieldClass} />
        </div>
        <div>
          <PendingButton className="min-h-11 rounded-md bg-accent px-4 py-2 font-semibold text-white">Save person</PendingButton>
        </div>
      </ActionForm>
    </Container>
  );
}
