import { fieldClass, hintClass, labelClass } from './ScreeningFields';

export interface FilmFieldValues {
  title: string;
  slug: string;
  originalTitle: string | null;
  sectionId: string | null;
  logline: string;
  synopsis: string;
  countries: string[];
  year: number | null;
  runtimeMinutes: number | null;
  languages: string[];
  subtitles: string | null;
  premiereStatus: string;
  genres: string[];
  contentAdvisories: string[];
  ageRestriction: string;
  note: string | null;
  posterPath: string | null;
  stillPath: string | null;
}

export const EMPTY_FILM: FilmFieldValues = {
  title: '',
  slug: '',
  originalTitle: null,
  sectionId: null,
  logline: '',
  synopsis: '',
  countries: [],
  year: null,
  runtimeMinutes: null,
  languages: [],
  subtitles: null,
  premiereStatus: 'none',
  genres: [],
  contentAdvisories: [],
  ageRestriction: 'all_ages',
  note: null,
  posterPath: null,
  stillPath: null,
};

const PREMIERES: Record<string, string> = {
  none: 'None',
  world: 'World premiere',
  international: 'International premiere',
  north_american: 'North American premiere',
  canadian: 'Canadian premiere',
  regional: 'Regional premiere',
};
const AGES: Record<string, string> = { all_ages: 'All ages', '13_plus': '13+', '16_plus': '16+', '18_plus': '18+' };

function Text({ name, label, value, hint, required, long }: { name: string; label: string; value: string; hint?: string; required?: boolean; long?: boolean }) {
  return (
    <div className={long ? 'sm:col-span-2' : undefined}>
      <label htmlFor={`film-${name}`} className={labelClass}>
        {label}
      </label>
      {long ? (
        <textarea id={`film-${name}`} name={name} defaultValue={value} rows={5} aria-describedby={hint ? `film-${name}-hint` : undefined} className={fieldClass} />
      ) : (
        <input id={`film-${name}`} name={name} defaultValue={value} required={required} aria-describedby={hint ? `film-${name}-hint` : undefined} className={fieldClass} />
      )}
      {hint ? (
        <p id={`film-${name}-hint`} className={hintClass}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** Every public field of a film. Lists (countries, languages, genres, advisories) are written "a, b". */
export function FilmFields({ values, sections }: { values: FilmFieldValues; sections: { id: string; name: string }[] }) {
  const list = (xs: string[]) => xs.join(', ');
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <Text name="title" label="Title" value={values.title} required />
      <Text name="slug" label="Slug (web address)" value={values.slug} required hint="Lower-case words joined by hyphens, unique in the festival: the-long-night." />
      <Text name="originalTitle" label="Original title" value={values.originalTitle ?? ''} />
      <div>
        <label htmlFor="film-sectionId" className={labelClass}>
          Section
        </label>
        <select id="film-sectionId" name="sectionId" defaultValue={values.sectionId ?? ''} className={fieldClass}>
          <option value="">No section</option>
          {sections.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </div>
      <Text name="logline" label="Logline" value={values.logline} long />
      <Text name="synopsis" label="Synopsis" value={values.synopsis} long />
      <Text name="countries" label="Countries" value={list(values.countries)} hint="Separated by commas." />
      <Text name="languages" label="Languages" value={list(values.languages)} hint="Separated by commas." />
      <Text name="year" label="Year" value={values.year?.toString() ?? ''} />
      <Text name="runtimeMinutes" label="Runtime (minutes)" value={values.runtimeMinutes?.toString() ?? ''} hint="Sets a new screening's default end." />
      <Text name="subtitles" label="Subtitles" value={values.subtitles ?? ''} />
      <div>
        <label htmlFor="film-premiereStatus" className={labelClass}>
          Premiere
        </label>
        <select id="film-premiereStatus" name="premiereStatus" defaultValue={values.premiereStatus} className={fieldClass}>
          {Object.entries(PREMIERES).map(([v, l]) => (
            <option key={v} value={v}>
              {l}
            </option>
          ))}
        </select>
      </div>
      <Text name="genres" label="Genres" value={list(values.genres)} hint="Separated by commas." />
      <Text name="contentAdvisories" label="Content advisories" value={list(values.contentAdvisories)} hint="Separated by commas." />
      <div>
        <label htmlFor="film-ageRestriction" className={labelClass}>
          Age
        </label>
        <select id="film-ageRestriction" name="ageRestriction" defaultValue={values.ageRestriction} className={fieldClass}>
          {Object.entries(AGES).map(([v, l]) => (
            <option key={v} value={v}>
              {l}
            </option>
          ))}
        </select>
      </div>
      <Text name="note" label="Note" value={values.note ?? ''} />
      <Text name="posterPath" label="Poster path" value={values.posterPath ?? ''} hint="A file under public/, e.g. /posters/the-long-night.svg" />
      <Text name="stillPath" label="Still path" value={values.stillPath ?? ''} hint="A file under public/, e.g. /stills/the-long-night.svg" />
    </div>
  );
}
