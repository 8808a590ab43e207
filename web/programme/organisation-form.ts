import type { OrganisationInput } from '@/domain/programme/organisations';

const text = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === 'string' ? v : '';
};

/** The organisation form's fields, as the commands take them (they validate with zod). */
export function organisationFromForm(form: FormData): OrganisationInput {
  return { name: text(form, 'name'), slug: text(form, 'slug'), description: text(form, 'description'), website: text(form, 'website') };
}
