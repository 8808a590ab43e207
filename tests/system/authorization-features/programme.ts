import { getDb } from '@/db/client';
import { sql } from 'drizzle-orm';
import { rows } from '@/db/sql';
import { addCredit, addFilmPartner, createPerson } from '@/domain/programme/people';
import { addTicketType } from '@/domain/programme/price-list';
import { createFilm, createGaVenue, createTestScreening, getFestivalSummary, uniq } from '../../support/factories';
import { get, withPermission, type FeatureRules, type SetupContext } from '../authorization-kit';

const editors = withPermission('programme.edit');

/**
 * Programme management (issue 9). The setup makes, in the demo festival: a film with a credit, a person, a screening to
 * edit (with a spare ticket type nobody bought, which the first allowed principal removes) and a screening with no
 * orders for the delete form. Each allowed action run is refused by the command's own check after the guard, or (the
 * deletes) does its one change and then finds nothing: an answer, not a refusal of the person.
 */
async function setup(ctx: SetupContext): Promise<Record<string, string>> {
  const db = getDb();
  const festival = await getFestivalSummary(db, ctx.festivalId);
  const venue = await createGaVenue(db, festival.id, 40);
  const film = await createFilm(db, festival.id);
  const actor = { id: ctx.users.staff.id };
  const personSlug = uniq('matrix-person');
  const person = await createPerson(db, actor, { name: 'Matrix Person', slug: personSlug });
  if (!person.ok) throw new Error(`programme setup: ${person.message}`);
  const credit = await addCredit(db, actor, { filmId: film.id, personSlug, role: 'director' });
  if (!credit.ok) throw new Error(`programme setup: ${credit.message}`);
  const org = await rows<{ slug: string }>(db, sql`SELECT slug FROM organisations WHERE id = ${ctx.org1}`);
  const partner = await addFilmPartner(db, actor, { filmId: film.id, organisationSlug: org[0]!.slug });
  if (!partner.ok) throw new Error(`programme setup: ${partner.message}`);
  const edit = await createTestScreening(db, festival, { venueId: venue.id, filmIds: [film.id], day: 0, time: '10:00' });
  const spare = await addTicketType(db, actor, edit, { code: 'matrix', name: 'Matrix', priceCents: 100 });
  if (!spare.ok) throw new Error(`programme setup: ${spare.message}`);
  const doomed = await createTestScreening(db, festival, { venueId: venue.id, filmIds: [film.id], day: 1, time: '10:00' });
  return { programmeFilm: film.id, programmePerson: person.personId, programmeScreening: edit, programmeDeletable: doomed };
}

export const programme: FeatureRules = {
  setup,
  rules: {
    'PAGE /box-office/programme': { allow: editors, request: get(() => '/box-office/programme') },
    'PAGE /box-office/programme/screenings/new': { allow: editors, request: get(() => '/box-office/programme/screenings/new') },
    'PAGE /box-office/programme/screenings/[screeningId]': { allow: editors, request: get((f) => `/box-office/programme/screenings/${f.extra.programmeScreening}`) },
    'PAGE /box-office/programme/films': { allow: editors, request: get(() => '/box-office/programme/films?q=a') },
    'PAGE /box-office/programme/films/new': { allow: editors, request: get(() => '/box-office/programme/films/new') },
    'PAGE /box-office/programme/films/[filmId]': { allow: editors, request: get((f) => `/box-office/programme/films/${f.extra.programmeFilm}`) },
    'PAGE /box-office/programme/people': { allow: editors, request: get(() => '/box-office/programme/people') },
    'PAGE /box-office/programme/people/[personId]': { allow: editors, request: get((f) => `/box-office/programme/people/${f.extra.programmePerson}`) },
    'PAGE /box-office/programme/organisations': { allow: editors, request: get(() => '/box-office/programme/organisations?q=a') },
    'PAGE /box-office/programme/organisations/new': { allow: editors, request: get(() => '/box-office/programme/organisations/new') },
    'PAGE /box-office/programme/organisations/[organisationId]': { allow: editors, request: get((f) => `/box-office/programme/organisations/${f.org1}`) },
    'PAGE /box-office/programme/import': { allow: editors, request: get(() => '/box-office/programme/import') },
    'GET /box-office/programme/import/template.csv': { allow: editors, request: get(() => '/box-office/programme/import/template.csv') },
  },
  actionRules: {
    // No film chosen: refused by the form's check.
    'ACTION createScreeningAction': { allow: editors, page: () => '/box-office/programme/screenings/new', source: 'staff', fields: { adultPrice: '15', startsAt: '' } },
    'ACTION updateScreeningAction': {
      allow: editors,
      page: (f) => `/box-office/programme/screenings/${f.extra.programmeScreening}`,
      source: 'staff',
      fields: { startsAt: '' },
    },
    'ACTION addTicketTypeAction': { allow: editors, page: (f) => `/box-office/programme/screenings/${f.extra.programmeScreening}`, source: 'staff', fields: { code: 'x', name: 'X', price: 'free' } },
    'ACTION updateTicketTypeAction': {
      allow: editors,
      page: (f) => `/box-office/programme/screenings/${f.extra.programmeScreening}`,
      source: 'staff',
      fields: { code: 'adult', name: 'Adult', price: 'free' },
    },
    // The spare type: the first allowed run removes it, the next find nothing to remove.
    'ACTION deleteTicketTypeAction': { allow: editors, page: (f) => `/box-office/programme/screenings/${f.extra.programmeScreening}`, source: 'staff', fields: {} },
    'ACTION deleteScreeningAction': { allow: editors, page: (f) => `/box-office/programme/screenings/${f.extra.programmeDeletable}`, source: 'staff', fields: {} },
    'ACTION createFilmAction': { allow: editors, page: () => '/box-office/programme/films/new', source: 'staff', fields: { title: '', slug: '' } },
    'ACTION updateFilmAction': { allow: editors, page: (f) => `/box-office/programme/films/${f.extra.programmeFilm}`, source: 'staff', fields: { title: 'Matrix', slug: 'Not A Slug' } },
    'ACTION addCreditAction': { allow: editors, page: (f) => `/box-office/programme/films/${f.extra.programmeFilm}`, source: 'staff', fields: { personSlug: 'no-such-person-here', role: 'director' } },
    'ACTION removeCreditAction': { allow: editors, page: (f) => `/box-office/programme/films/${f.extra.programmeFilm}`, source: 'staff', fields: { role: 'not-a-role' } },
    'ACTION addFilmPartnerAction': { allow: editors, page: (f) => `/box-office/programme/films/${f.extra.programmeFilm}`, source: 'staff', fields: { organisationSlug: 'no-such-organisation-here' } },
    'ACTION removeFilmPartnerAction': { allow: editors, page: (f) => `/box-office/programme/films/${f.extra.programmeFilm}`, source: 'staff', fields: { organisationId: 'not-an-id' } },
    'ACTION createPersonAction': { allow: editors, page: () => '/box-office/programme/people', source: 'staff', fields: { name: '', slug: '' } },
    'ACTION updatePersonAction': { allow: editors, page: (f) => `/box-office/programme/people/${f.extra.programmePerson}`, source: 'staff', fields: { name: 'Matrix', slug: 'NOT A SLUG' } },
    'ACTION createOrganisationAction': { allow: editors, page: () => '/box-office/programme/organisations/new', source: 'staff', fields: { name: '', slug: '' } },
    'ACTION updateOrganisationAction': { allow: editors, page: (f) => `/box-office/programme/organisations/${f.org1}`, source: 'staff', fields: { name: 'Matrix', slug: 'NOT A SLUG' } },
    // No file: the preview refuses after the guard.
    'ACTION importProgrammeAction': { allow: editors, page: () => '/box-office/programme/import', source: 'staff', fields: { step: 'preview' } },
  },
};
