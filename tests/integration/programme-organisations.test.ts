import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { firstRow, rows } from '@/db/sql';
import { createOrganisation, listOrganisationsPage, updateOrganisation } from '@/domain/programme/organisations';
import { addFilmPartner } from '@/domain/programme/people';
import { createFestival, createFilm, createUser, uniq } from '../support/factories';

/** Programme management's organisations (issue 9): the partners films are presented with. */

interface OrgRow {
  name: string;
  slug: string;
  description: string;
  website: string | null;
  status: string;
  kind: string;
  contact_name: string | null;
  contact_email: string | null;
}

const organisation = async (id: string) =>
  firstRow<OrgRow>(getDb(), sql`SELECT name, slug, description, website, status, kind, contact_name, contact_email FROM organisations WHERE id = ${id}`);

const auditOf = (id: string) =>
  rows<{ action: string; actor_id: string; subject_kind: string; organisation_id: string | null; before: unknown; after: unknown }>(
    getDb(),
    sql`SELECT action, actor_id, subject_kind::text, organisation_id, before, after FROM audit_entries WHERE subject_id = ${id} ORDER BY created_at`,
  );

describe('organisations in programme management', () => {
  it('creates an organisation waiting for verification, with one audit entry, and a film can name it as partner', async () => {
    const db = getDb();
    const staff = { ...(await createUser(db, { role: 'staff', name: uniq('Programmer') })), role: 'staff' as const };
    const slug = uniq('north-shore-film-society');
    const created = await createOrganisation(db, staff, { name: ' North Shore Film Society ', slug: slug.toUpperCase(), description: 'Screenings on the shore.', website: '' });
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    expect(await organisation(created.organisationId)).toEqual({
      name: 'North Shore Film Society',
      slug,
      description: 'Screenings on the shore.',
      website: null,
      // Programme management never decides a partner's standing: partners.verify does, on the partners page.
      status: 'applied',
      kind: 'community_partner',
      contact_name: null,
      contact_email: null,
    });
    expect(await auditOf(created.organisationId)).toEqual([
      {
        action: 'organisation.create',
        actor_id: staff.id,
        subject_kind: 'organisation',
        organisation_id: created.organisationId,
        before: null,
        after: { name: 'North Shore Film Society', slug, description: 'Screenings on the shore.', website: null },
      },
    ]);

    const festival = await createFestival(db);
    const film = await createFilm(db, festival.id);
    expect(await addFilmPartner(db, staff, { filmId: film.id, organisationSlug: slug })).toEqual({ ok: true });

    const found = await listOrganisationsPage(db, { q: 'north shore film' });
    expect(found.organisations.map((o) => o.id)).toContain(created.organisationId);
  });

  it('edits name, slug, description and website, auditing only what changed, and leaves status and contact alone', async () => {
    const db = getDb();
    const staff = { ...(await createUser(db, { role: 'staff', name: uniq('Programmer') })), role: 'staff' as const };
    const slug = uniq('harbour-club');
    const created = await createOrganisation(db, staff, { name: 'Harbour Club', slug, description: '', website: null });
    if (!created.ok) throw new Error(created.message);
    // As if partners.verify had verified it, with its contact.
    await db.execute(sql`UPDATE organisations SET status = 'verified', contact_name = 'Ana', contact_email = 'ana@example.test' WHERE id = ${created.organisationId}`);

    const newSlug = uniq('harbour-film-club');
    const updated = await updateOrganisation(db, staff, created.organisationId, { name: 'Harbour Film Club', slug: newSlug, description: 'Since 1972.', website: 'https://harbour.example.org' });
    expect(updated).toEqual({ ok: true, organisationId: created.organisationId });
    expect(await organisation(created.organisationId)).toEqual({
      name: 'Harbour Film Club',
      slug: newSlug,
      description: 'Since 1972.',
      website: 'https://harbour.example.org',
      status: 'verified',
      kind: 'community_partner',
      contact_name: 'Ana',
      contact_email: 'ana@example.test',
    });
    const entries = await auditOf(created.organisationId);
    expect(entries).toHaveLength(2);
    expect(entries[1]).toEqual({
      action: 'organisation.update',
      actor_id: staff.id,
      subject_kind: 'organisation',
      organisation_id: created.organisationId,
      before: { name: 'Harbour Club', slug, description: '', website: null },
      after: { name: 'Harbour Film Club', slug: newSlug, description: 'Since 1972.', website: 'https://harbour.example.org' },
    });
  });

  it('refuses a slug another organisation has, a malformed slug or website, and an unknown organisation, writing nothing', async () => {
    const db = getDb();
    const staff = { ...(await createUser(db, { role: 'staff', name: uniq('Programmer') })), role: 'staff' as const };
    const taken = uniq('taken-org');
    const first = await createOrganisation(db, staff, { name: 'First', slug: taken });
    const second = await createOrganisation(db, staff, { name: 'Second', slug: uniq('second-org') });
    if (!first.ok || !second.ok) throw new Error('setup');

    const clash = await createOrganisation(db, staff, { name: 'Clash', slug: taken });
    expect(clash).toMatchObject({ ok: false, reason: 'slug_taken' });
    const moved = await updateOrganisation(db, staff, second.organisationId, { name: 'Second', slug: taken });
    expect(moved).toMatchObject({ ok: false, reason: 'slug_taken' });
    expect(await updateOrganisation(db, staff, second.organisationId, { name: 'Second', slug: 'Not A Slug' })).toMatchObject({ ok: false, reason: 'invalid_input' });
    expect(await updateOrganisation(db, staff, second.organisationId, { name: 'Second', slug: uniq('ok'), website: 'javascript:alert(1)' })).toMatchObject({
      ok: false,
      reason: 'invalid_input',
    });
    expect(await updateOrganisation(db, staff, '00000000-0000-4000-8000-000000000000', { name: 'X', slug: uniq('x') })).toMatchObject({ ok: false, reason: 'not_found' });
    expect(await updateOrganisation(db, staff, 'not-an-id', { name: 'X', slug: uniq('x') })).toMatchObject({ ok: false, reason: 'not_found' });

    const [{ n }] = (await rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM organisations WHERE slug = ${taken}`)) as [{ n: number }];
    expect(n).toBe(1);
    expect((await organisation(second.organisationId))?.name).toBe('Second');
    expect(await auditOf(second.organisationId)).toHaveLength(1);
  });

  it('gives one organisation the slug when two creates race for it', async () => {
    const db = getDb();
    const staff = { ...(await createUser(db, { role: 'staff', name: uniq('Programmer') })), role: 'staff' as const };
    const slug = uniq('race-org');
    const results = await Promise.all([1, 2, 3, 4].map((i) => createOrganisation(db, staff, { name: `Race ${i}`, slug })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const r of results.filter((x) => !x.ok)) expect(r).toMatchObject({ ok: false, reason: 'slug_taken' });
  });

  it('refuses an actor without programme.edit (audience, partner) in the command itself', async () => {
    const db = getDb();
    const staff = { ...(await createUser(db, { role: 'staff', name: uniq('Programmer') })), role: 'staff' as const };
    const audience = { ...(await createUser(db, { role: 'audience', name: uniq('Viewer') })), role: 'audience' as const };
    const slug = uniq('guarded-org');
    expect(await createOrganisation(db, audience, { name: 'Guarded', slug })).toMatchObject({ ok: false, reason: 'forbidden' });
    const [{ n }] = (await rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM organisations WHERE slug = ${slug}`)) as [{ n: number }];
    expect(n).toBe(0);

    const created = await createOrganisation(db, staff, { name: 'Guarded', slug });
    if (!created.ok) throw new Error(created.message);
    expect(await updateOrganisation(db, audience, created.organisationId, { name: 'Taken over', slug })).toMatchObject({ ok: false, reason: 'forbidden' });
    expect(await updateOrganisation(db, { id: audience.id, role: 'partner' }, created.organisationId, { name: 'Taken over', slug })).toMatchObject({ ok: false, reason: 'forbidden' });
    expect((await organisation(created.organisationId))?.name).toBe('Guarded');
    expect(await auditOf(created.organisationId)).toHaveLength(1);
  });
});
