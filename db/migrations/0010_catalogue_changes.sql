-- Public pages are cached on every app instance (platform/server/page-cache.ts). Whatever they show that staff edit
-- notifies the channel below when the writing transaction commits, and each instance empties its cache
-- (platform/server/catalogue-changes.ts). Statement-level triggers: a bulk import is one notification per statement,
-- and PostgreSQL folds a transaction's identical notifications into one; a statement that changes no row (a job's
-- `UPDATE … WHERE` that finds nothing to do) notifies nothing. Sales, holds and tickets do not notify: the pages show
-- availability through a live endpoint instead. allocation_changes is the history row that moves of places between an
-- access scheme and general sale write (staff, the cut-off, the rush line), and allotments what partners are granted:
-- the film pages show both in their access block.
CREATE OR REPLACE FUNCTION marquee_notify_catalogue_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- The payload names the transaction, so that a test can tell its own change from another writer's.
  IF EXISTS (SELECT 1 FROM changed_rows) THEN
    PERFORM pg_notify('marquee_catalogue_changed', pg_current_xact_id()::text);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION marquee_notify_catalogue_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
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
    'access_allocations', 'access_scheme_settings', 'allocation_changes', 'allotments'
  ] LOOP
    -- A trigger with a transition table answers one kind of statement only: three of them, and one for TRUNCATE.
    EXECUTE format('CREATE TRIGGER marquee_catalogue_inserted AFTER INSERT ON %I REFERENCING NEW TABLE AS changed_rows
      FOR EACH STATEMENT EXECUTE FUNCTION marquee_notify_catalogue_changed()', t);
    EXECUTE format('CREATE TRIGGER marquee_catalogue_updated AFTER UPDATE ON %I REFERENCING NEW TABLE AS changed_rows
      FOR EACH STATEMENT EXECUTE FUNCTION marquee_notify_catalogue_changed()', t);
    EXECUTE format('CREATE TRIGGER marquee_catalogue_deleted AFTER DELETE ON %I REFERENCING OLD TABLE AS changed_rows
      FOR EACH STATEMENT EXECUTE FUNCTION marquee_notify_catalogue_changed()', t);
    EXECUTE format('CREATE TRIGGER marquee_catalogue_truncated AFTER TRUNCATE ON %I
      FOR EACH STATEMENT EXECUTE FUNCTION marquee_notify_catalogue_truncated()', t);
  END LOOP;
END;
$$;
