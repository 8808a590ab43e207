/** Plain data for the demo festival; db/seed/index.ts turns it into rows. */
export type CreditRole =
  | 'director'
  | 'producer'
  | 'screenwriter'
  | 'cinematography'
  | 'editor'
  | 'production_design'
  | 'original_music';

export type PremiereStatus = 'world' | 'international' | 'north_american' | 'canadian' | 'regional' | 'none';
export type AgeRestriction = 'all_ages' | '13_plus' | '16_plus' | '18_plus';

export interface SeedPerson {
  slug: string;
  name: string;
  /** Biography written in our own words; only for people whose page shows one (directors). */
  bio?: string;
  filmography?: { title: string; year: number }[];
}

export interface SeedFilm {
  slug: string;
  title: string;
  originalTitle?: string;
  /** One sentence for cards. */
  logline: string;
  /** Two or three paragraphs separated by blank lines, in our own words. */
  synopsis: string;
  countries: string[];
  year: number;
  runtimeMinutes: number;
  languages: string[];
  /** e.g. "English subtitles"; null when the film is in English without subtitles. */
  subtitles: string | null;
  premiereStatus: PremiereStatus;
  genres: string[];
  contentAdvisories: string[];
  ageRestriction: AgeRestriction;
  /** slug of a section in SEED_SECTIONS */
  section: string;
  /** slugs of organisations in SEED_ORGANISATIONS */
  partners: string[];
  /** person slugs in billing order */
  cast: string[];
  credits: { role: CreditRole; person: string }[];
  /** slugs of other films in SEED_FILMS */
  related: string[];
  /** Optional short note shown on the page, e.g. awards or format. */
  note?: string;
  /** Two colours for the generated typographic poster. */
  palette: [string, string];
}

export interface SeedSection {
  slug: string;
  name: string;
  description: string;
}

export interface SeedOrganisation {
  slug: string;
  name: string;
  description: string;
  website?: string;
}
