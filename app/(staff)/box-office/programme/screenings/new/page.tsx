import type { Metadata } from 'next';
import { createScreeningAction } from './actions';
import { requireCurrentFestival } from '@/domain/catalogue/festival';
import { programmePages } from '@/domain/programme/pages';
import { zoneAbbreviation } from '@/lib/time';
import { requirePermission } from '@/web/auth/guards';
import { BoxOfficeNav } from '@/components/box-office/BoxOfficeNav';
import { ProgrammeNav } from '@/components/programme/ProgrammeNav';
import { fieldClass, hintClass, labelClass, ScreeningFields } from '@/components/programme/ScreeningFields';
import { ActionForm } from '@/components/ui/ActionForm';
import { Container } from '@/components/ui/Container';
import { PageHeading } from '@/components/ui/PageHeading';
import { PendingButton } from '@/components/ui/PendingButton';

export const metadata: Metadata = { title: 'New screening', robots: { index: false } };

/** Schedule a screening: its seats, pools, access allocations and price list are made with it. */
export default async function NewScreeningPage() {
  const user = await requirePermission('programme.edit');
  const festival = await requireCurrentFestival();
  const choices = await programmePages.screeningChoices(festival.id);
  return (
    <Container>
      <PageHeading lead="Its seats, access allocations (the festival's default shares) and a first price list are made with it.">New screening</PageHeading>
      <BoxOfficeNav user={user} current="/box-office/programme" />
      <ProgrammeNav current="/box-office/programme" />
      <ActionForm action={createScreeningAction} className="grid max-w-3xl gap-4" label="New screening">
        <ScreeningFields
          choices={choices}
          zoneLabel={zoneAbbreviation(new Date(), festival.timeZone)}
          values={{ filmIds: [], programmeTitle: '', venueId: '', startsAt: '', endsAt: '', hasQa: false, guestNote: '', features: [], onSaleAt: '', offSaleAt: '', status: 'on_sale' }}
        />
        <div>
          <label htmlFor="adultPrice" className={labelClass}>
            Adult price ($)
          </label>
          <input id="adultPrice" name="adultPrice" inputMode="decimal" required defaultValue="15.00" aria-describedby="adultPrice-hint" className={fieldClass} />
          <p id="adultPrice-hint" className={hintClass}>
            More ticket types (senior, youth…) on the screening&apos;s price list once it is created.
          </p>
        </div>
        <div>
          <PendingButton className="min-h-11 rounded-md bg-accent px-4 py-2 font-semibold text-white">Create screening</PendingButton>
        </div>
      </ActionForm>
    </Container>
  );
}
