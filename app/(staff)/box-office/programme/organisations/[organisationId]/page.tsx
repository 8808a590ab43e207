import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { updateOrganisationAction } from './actions';
import { programmePages } from '@/domain/programme/pages';
import { requirePermission } from '@/web/auth/guards';
import { BoxOfficeNav } from '@/components/box-office/BoxOfficeNav';
import { OrganisationFields } from '@/components/programme/OrganisationFields';
import { ProgrammeNav } from '@/components/programme/ProgrammeNav';
import { ActionForm } from '@/components/ui/ActionForm';
import { Container } from '@/components/ui/Container';
import { PageHeading } from '@/components/ui/PageHeading';
import { PendingButton } from '@/components/ui/PendingButton';

export const metadata: Metadata = { title: 'Edit an organisation', robots: { index: false } };

type Params = Promise<{ organisationId: string }>;
type Query = Promise<Record<string, string | string[] | undefined>>;

const STATUS = { applied: 'waiting to be verified', verified: 'verified', declined: 'declined' } as const;

export default async function OrganisationPage({ params, searchParams }: { params: Params; searchParams: Query }) {
  const user = await requirePermission('programme.edit');
  const [{ organisationId }, query] = await Promise.all([params, searchParams]);
  const organisation = await programmePages.organisation(organisationId);
  if (!organisation) notFound();
  const saved = query.saved === 'created' ? 'The organisation was added.' : query.saved === 'organisation' ? 'The organisation was saved.' : null;
  return (
    <Container>
      <PageHeading>{organisation.name}</PageHeading>
      <BoxOfficeNav user={user} current="/box-office/programme" />
      <ProgrammeNav current="/box-office/programme/organisations" />
      {saved ? (
        <p role="status" className="mb-4 rounded-md border-l-4 border-sky-600 bg-sky-50 p-3">
          {saved}
        </p>
      ) : null}
      <p className="mb-4 max-w-2xl text-sm text-muted">
        As a community partner it is {STATUS[organisation.status]}; its standing and contact are changed on the{' '}
        <Link href="/box-office/partners" className="underline">
          partners page
        </Link>
        .
      </p>
      <ActionForm action={updateOrganisationAction} className="grid max-w-2xl gap-4" label="Organisation">
        <input type="hidden" name="organisationId" value={organisation.id} />
        <OrganisationFields values={organisation} />
        <div>
          <PendingButton className="min-h-11 rounded-md bg-accent px-4 py-2 font-semibold text-white">Save organisation</PendingButton>
        </div>
      </ActionForm>
    </Container>
  );
}
