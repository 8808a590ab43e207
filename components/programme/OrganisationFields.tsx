import { fieldClass, hintClass, labelClass } from '@/components/programme/ScreeningFields';

export interface OrganisationValues {
  name: string;
  slug: string;
  description: string;
  website: string | null;
}

export const EMPTY_ORGANISATION: OrganisationValues = { name: '', slug: '', description: '', website: null };

/** The fields programme management edits on an organisation (status and contact are the partners page's). */
export function OrganisationFields({ values }: { values: OrganisationValues }) {
  return (
    <>
      <div>
        <label htmlFor="organisation-name" className={labelClass}>Name</label>
        <input id="organisation-name" name="name" required maxLength={160} defaultValue={values.name} className={fieldClass} />
      </div>
      <div>
        <label htmlFor="organisation-slug" className={labelClass}>Slug</label>
        <input id="organisation-slug" name="slug" required aria-describedby="organisation-slug-hint" defaultValue={values.slug} className={fieldClass} />
        <p id="organisation-slug-hint" className={hintClass}>Lower-case words joined by hyphens, unique: films are linked to it by this slug.</p>
      </div>
      <div>
        <label htmlFor="organisation-description" className={labelClass}>Description</label>
        <textarea id="organisation-description" name="description" rows={4} maxLength={3000} defaultValue={values.description} className={fieldClass} />
      </div>
      <div>
        <label htmlFor="organisation-website" className={labelClass}>Website</label>
        <input id="organisation-website" name="website" type="url" aria-describedby="organisation-website-hint" defaultValue={values.website ?? ''} className={fieldClass} />
        <p id="organisation-website-hint" className={hintClass}>Starting with https://, or empty.</p>
      </div>
    </>
  );
}
