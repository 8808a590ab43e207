import type { Metadata } from 'next';
import { createOrganisationAction } from './actions';
import { requirePermission } from '@/web/auth/guards';
import { BoxOfficeNav } from '@/components/box-office/BoxOfficeNav';
import { EMPTY_ORGANISATION, OrganisationFields } from '@/components/programme/OrganisationFields';
import { ProgrammeNav } from '@/components/programme/ProgrammeNav';
import { ActionForm } from '@/components/ui/ActionForm';
import { Container } from '@/components/ui/Container';
import { PageHeading } from '@/components/ui/PageHeading';
import { PendingButton } from '@/components/ui/PendingButton';

export const metadata: Metadata = { title: 'New organisation', robots: { index: false } };

export default async function NewOrganisationPage() {
  const user = await requirePermission('programme.edit');
  return (
    <Container>
      <PageHeading lead="A new organisation waits on the partners page until it is verified there; films can name it as a partner at once.">New organisation</PageHeading>
      <BoxOfficeNav user={user} current="/box-office/programme" />
      <ProgrammeNav current="/box-office/programme/organisations" />
      <ActionForm action={createOrganisationAction} className="grid max-w-2xl gap-4" label="New organisation">
        <OrganisationFields values={EMPTY_ORGANISATION} />
        <div>
          <PendingButton className="min-h-11 rounded-md bg-accent px-4 py-2 font-semibold text-white">Create organisation</PendingButton>
        </div>
      </ActionForm>
    </Container>
  );
}
