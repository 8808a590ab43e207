'use server';

import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { requireCurrentFestival } from '@/domain/catalogue/festival';
import { createVenue } from '@/domain/venues/venues';
import { requirePermission } from '@/web/auth/guards';
import { postedValues, venueInputFromForm, type VenueFormState } from '@/web/venues/forms';

/** A new venue; then its page (a reserved venue's next step is its seat map). */
export async function createVenueAction(_previous: VenueFormState, form: FormData): Promise<VenueFormState> {
  const staff = await requirePermission('programme.edit');
  const festival = await requireCurrentFestival();
  const result = await createVenue(getDb(), staff, festival.id, venueInputFromForm(form));
  if (!result.ok) return { message: result.message, fields: 'fields' in result ? result.fields : {}, values: postedValues(form) };
  redirect(`/box-office/venues/${result.venueId}?done=created`);
}
