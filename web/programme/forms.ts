import { FEATURE_LABEL_SHORT, type AccessibilityFeature } from '@/domain/catalogue/features';
import type { FilmInput } from '@/domain/programme/films';
import { parsePrice, type TicketTypeInput } from '@/domain/programme/price-list';
import { parseLocalDateTime, type ScreeningInput } from '@/domain/programme/screenings';
import { wallClock } from '@/lib/time';

/**
 * The programme forms' fields turned into the commands' inputs. The commands validate (zod) and refuse with a
 * message; here only the browser's shapes are translated: festival-local date-times, dollars, checkboxes, lists.
 */

const text = (form: FormData, name: string): string => {
  const v = form.get(name);
  return typeof v === 'string' ? v : '';
};

/** A Date as an <input type="datetime-local"> value in the festival's zone. */
export function localInputValue(instant: Date | null | undefined, timeZone: string): string {
  if (!instant) return '';
  const w = wallClock(instant, timeZone);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${w.year}-${p(w.month)}-${p(w.day)}T${p(w.hour)}:${p(w.minute)}`;
}

export function filmFromForm(form: FormData): FilmInput {
  const field = (name: string) => text(form, name);
  return {
    title: field('title'),
    slug: field('slug'),
    originalTitle: field('originalTitle'),
    sectionId: field('sectionId'),
    logline: field('logline'),
    synopsis: field('synopsis'),
    countries: field('countries'),
    year: field('year'),
    runtimeMinutes: field('runtimeMinutes'),
    languages: field('languages'),
    subtitles: field('subtitles'),
    premiereStatus: field('premiereStatus') as FilmInput['premiereStatus'],
    genres: field('genres'),
    contentAdvisories: field('contentAdvisories'),
    ageRestriction: field('ageRestriction') as FilmInput['ageRestriction'],
    note: field('note'),
    posterPath: field('posterPath'),
    stillPath: field('stillPath'),
  };
}

export type ScreeningForm = { ok: true; input: ScreeningInput } | { ok: false; error: string };

/** The screening form: a time that is not a time is refused here, by name, before the command sees it. */
export function screeningFromForm(form: FormData, timeZone: string, mode: 'create' | 'edit'): ScreeningForm {
  const when = (name: string, label: string, required: boolean): Date | null | string => {
    const raw = text(form, name).trim();
    if (raw === '') return required ? `${label} is needed.` : null;
    return parseLocalDateTime(raw, timeZone) ?? `${label} is not a valid date and time.`;
  };
  const startsAt = when('startsAt', 'The start', true);
  const endsAt = when('endsAt', 'The end', false);
  const onSaleAt = when('onSaleAt', 'The on-sale time', false);
  const offSaleAt = when('offSaleAt', 'The off-sale time', false);
  const problem = [startsAt, endsAt, onSaleAt, offSaleAt].find((v) => typeof v === 'string');
  if (typeof problem === 'string') return { ok: false, error: problem };
  const features = form.getAll('features').filter((f): f is AccessibilityFeature => typeof f === 'string' && f in FEATURE_LABEL_SHORT);
  const input: ScreeningInput = {
    filmIds: form.getAll('filmIds').filter((f): f is string => typeof f === 'string' && f !== ''),
    programmeTitle: text(form, 'programmeTitle'),
    venueId: text(form, 'venueId'),
    startsAt: startsAt as Date,
    endsAt: endsAt as Date | null,
    hasQa: form.get('hasQa') === 'on',
    guestNote: text(form, 'guestNote'),
    features,
    onSaleAt: onSaleAt as Date | null,
    offSaleAt: offSaleAt as Date | null,
    status: (text(form, 'status') || 'scheduled') as ScreeningInput['status'],
  };
  if (mode === 'create') {
    const price = parsePrice(text(form, 'adultPrice'));
    if (price === null) return { ok: false, error: 'Give the adult price in dollars, e.g. 15 or 15.50.' };
    input.ticketTypes = [{ code: 'adult', name: 'Adult', priceCents: price }];
  } else {
    const capacity = text(form, 'generalCapacity').trim();
    if (capacity !== '') {
      const n = Number(capacity);
      if (!Number.isInteger(n) || n < 0) return { ok: false, error: 'General sale places must be a whole number.' };
      input.generalCapacity = n;
    }
  }
  return { ok: true, input };
}

export function ticketTypeFromForm(form: FormData): { ok: true; input: TicketTypeInput } | { ok: false; error: string } {
  const price = parsePrice(text(form, 'price'));
  if (price === null) return { ok: false, error: 'Give the price in dollars, e.g. 15 or 15.50.' };
  const position = Number(text(form, 'position') || '0');
  return {
    ok: true,
    input: {
      code: text(form, 'code'),
      name: text(form, 'name'),
      description: text(form, 'description'),
      priceCents: price,
      position: Number.isInteger(position) ? position : 0,
      active: form.get('active') === 'on',
    },
  };
}
