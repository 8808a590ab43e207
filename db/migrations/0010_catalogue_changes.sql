-- Public pages are cached on every app instance (platform/server/page-cache.ts). Whatever they show that staff edit
-- notifies the channel below when the writing transaction commits, and each instance empties its cache
-- (platform/server/catalogue-changes.ts). Statement-level triggers: a bulk import is one notification per statement,
-- and PostgreSQL folds a transaction's identical notifications into one. Sales, holds and tickets do not notify: the
-- pages show availability through a live endpoint instead. allocation_changes is the history row every move of places
-- between an access scheme and general sale writes (staff, the cut-off, the rush line): the film pages show those counts.
CREATE OR REPLACE FUNCTION marquee_notify_catalogue_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- The payload names the transaction, so that a test can tell its own change from another writer's.
  PERFORM pg_notify('marquee_catalogue_changed', pg_current_xact_id()::text);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY[
    'festivals', 'sections', 'films', 'film_credits', 'film_cast', 'film_partners', 'related_films', 'people',
    'organisations', 'venues', 'seat_sections', 'seats', 'screenings', 'screening_films', 'ticket_types',
    'access_allocations', 'access_scheme_settings', 'allocation_changes'
  ] LOOP
    EXECUTE format(
      'CREATE TRIGGER marquee_catalogue_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I
         FOR EACH STATEMENT EXECUTE FUNCTION marquee_notify_catalogue_changed()', t);
  END LOOP;
END;
$$;
