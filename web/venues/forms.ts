import { z } from 'zod';
import type { VenueInput } from '@/domain/venues/venues';
import type { LayoutError } from '@/lib/seat-layout';

/**
 * The venue pages' form glue: a posted form read into the commands' input (the commands validate it again with their
 * own schemas), and what each form's server action answers the page with.
 */

const checkbox = z.preprocess((v) => v === 'on' || v === 'true', z.boolean());
const wholeNumber = z.preprocess((v) => (typeof v === 'string' && v.trim() !== '' ? Number(v) : null), z.number().nullable());

const VenueForm = z.object({
  name: z.string().default(''),
  slug: z.string().default(''),
  addressLine: z.string().default(''),
  city: z.string().default(''),
  postalCode: z.string().default(''),
  description: z.string().default(''),
  accessibilityInfo: z.string().default(''),
  stepFree: checkbox,
  hearingLoop: checkbox,
  seating: z.enum(['reserved', 'general_admission']).catch('reserved'),
  capacity: wholeNumber,
  changeoverMinutes: wholeNumber,
});

/** A venue form as the command's input: the form's values, typed; the command says what is wrong with them. */
export function venueInputFromForm(form: FormData): VenueInput {
  const read = (key: string) => {
    const v = form.get(key);
    return typeof v === 'string' ? v : undefined;
  };
  const parsed = VenueForm.parse({
    name: read('name'),
    slug: read('slug'),
    addressLine: read('addressLine'),
    city: read('city'),
    postalCode: read('postalCode'),
    description: read('description'),
    accessibilityInfo: read('accessibilityInfo'),
    stepFree: read('stepFree'),
    hearingLoop: read('hearingLoop'),
    seating: read('seating'),
    capacity: read('capacity'),
    changeoverMinutes: read('changeoverMinutes'),
  });
  return {
    ...parsed,
    capacity: parsed.seating === 'reserved' ? null : parsed.capacity,
    changeoverMinutes: parsed.changeoverMinutes ?? Number.NaN,
  };
}

export interface VenueFormState {
  message: string | null;
  fields: Record<string, string>;
  /** What was posted, so the form shows it again after a refusal. */
  values: Partial<Record<string, string | boolean>>;
}

export const EMPTY_VENUE_FORM: VenueFormState = { message: null, fields: {}, values: {} };

export function postedValues(form: FormData): VenueFormState['values'] {
  const values: VenueFormState['values'] = {};
  for (const key of ['name', 'slug', 'addressLine', 'city', 'postalCode', 'description', 'accessibilityInfo', 'seating', 'capacity', 'changeoverMinutes']) {
    const v = form.get(key);
    if (typeof v === 'string') values[key] = v.slice(0, 4000);
  }
  values.stepFree = form.get('stepFree') === 'on';
  values.hearingLoop = form.get('hearingLoop') === 'on';
  return values;
}

export type SaveLayoutState =
  | { status: 'idle' }
  | { status: 'saved'; message: string }
  | { status: 'refused'; message: string; errors: LayoutError[]; seats: string[] };

export type ImportLayoutState =
  | { status: 'idle' }
  | { status: 'invalid'; fileName: string; errors: LayoutError[] }
  | {
      status: 'valid';
      fileName: string;
      format: 'csv' | 'json';
      content: string;
      summary: { seats: number; sellable: number; blocked: number; wheelchair: number; companion: number; sections: number };
      sample: { section: string; row: string; number: number; x: number; y: number; kind: string; blocked: boolean }[];
    }
  | { status: 'saved'; message: string }
  | { status: 'refused'; message: string; seats: string[] };
