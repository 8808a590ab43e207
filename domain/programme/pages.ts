import 'server-only';
import { getDb } from '@/db/client';
import { getFilmForEdit, listFilmsPage, listSections } from './films';
import { getOrganisationForEdit, listOrganisationsPage } from './organisations';
import { getPerson, listFilmPartners, listPeoplePage } from './people';
import { listPriceList } from './price-list';
import { getScreeningForEdit, listScreeningChoices, listScreeningsPage } from './screenings';

/**
 * The programme pages' reads, on the app's database (pages never hold the db client). Each page calls its guard
 * (programme.edit) before any of these.
 */
export const programmePages = {
  screenings: (festival: { id: string; timeZone: string }, search: { day?: string; page?: number }) => listScreeningsPage(getDb(), festival, search),
  screening: (id: string) => getScreeningForEdit(getDb(), id),
  screeningChoices: (festivalId: string) => listScreeningChoices(getDb(), festivalId),
  priceList: (screeningId: string) => listPriceList(getDb(), screeningId),
  films: (festivalId: string, search: { q?: string; page?: number }) => listFilmsPage(getDb(), festivalId, search),
  film: async (filmId: string) => (/^[0-9a-f-]{36}$/i.test(filmId) ? getFilmForEdit(getDb(), filmId) : null),
  filmPartners: (filmId: string) => listFilmPartners(getDb(), filmId),
  sections: (festivalId: string) => listSections(getDb(), festivalId),
  people: (search: { q?: string; page?: number }) => listPeoplePage(getDb(), search),
  person: async (personId: string) => (/^[0-9a-f-]{36}$/i.test(personId) ? getPerson(getDb(), personId) : null),
  organisations: (search: { q?: string; page?: number }) => listOrganisationsPage(getDb(), search),
  organisation: async (organisationId: string) => (/^[0-9a-f-]{36}$/i.test(organisationId) ? getOrganisationForEdit(getDb(), organisationId) : null),
};
