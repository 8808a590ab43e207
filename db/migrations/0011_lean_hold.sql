-- The places one client holds live on one screening: its active holds that have not run out, and its
-- holds in checkout (they keep their places until Stripe confirms the session's end). One spelling of
-- the cap's count for the two callers below. PL/pgSQL, VOLATILE and never inlined on purpose: its
-- query runs on a fresh snapshot, so called right after the screening's pool row was written it sees
-- the holds committed by every earlier writer of that row (see 0005).
CREATE OR REPLACE FUNCTION marquee_client_live_places(p_screening uuid, p_client text)
RETURNS integer
LANGUAGE plpgsql VOLATILE
AS $$
DECLARE
  live integer;
BEGIN
  SELECT coalesce(sum(quantity), 0)::integer INTO live FROM holds
  -- status IN (...) matches the partial index holds_live_expiry_idx: only the screening's live holds are read.
  WHERE screening_id = p_screening AND status IN ('active', 'checkout') AND client_key = p_client
    AND (status = 'checkout' OR expires_at > now());
  RETURN live;
END
$$;
--> statement-breakpoint
-- Unchanged behaviour (0005), now counting through marquee_client_live_places.
CREATE OR REPLACE FUNCTION marquee_hold_within_cap(p_screening uuid, p_client text, p_quantity integer, p_cap integer)
RETURNS uuid
LANGUAGE plpgsql VOLATILE
AS $$
DECLARE
  live integer := marquee_client_live_places(p_screening, p_client);
BEGIN
  IF live + p_quantity > p_cap THEN
    RAISE EXCEPTION 'too_many_held' USING ERRCODE = 'MQ429', DETAIL = format('%s of at most %s places already held', live, p_cap);
  END IF;
  RETURN p_screening;
END
$$;
--> statement-breakpoint
-- The on-sale rush's hold in one call (domain/booking/holds.ts, holdSeats): the caller has already
-- counted the request against the rate limit in the same statement (p_allowed) and read whether the
-- screening sells now (p_selling, NULL for no such screening: sellingNowSql stays the one spelling of
-- that rule). Then, in the order holdSeats always answered them: the ticket types, the seating, and
-- for general admission the places themselves: a conditional write on the pool row, the client's cap
-- after that row is locked, the hold and its items. A reserved house stops before taking anything and
-- returns what the seat claim needs; holdSeats takes its seats in a transaction.
--
-- Refusals are results, not errors, so that the rate-limit count written by the calling statement
-- stays: over the cap, the pool write is undone by a second write under the same row lock (nothing
-- else saw the first one). A refusal for want of places reports what is left as read after the
-- failed write, on a fresh snapshot: competitors who made it fail have committed by then.
CREATE OR REPLACE FUNCTION marquee_take_hold(
  p_allowed boolean,
  p_selling boolean,
  p_screening uuid,
  p_pool pool_kind,
  p_codes text[],
  p_quantities integer[],
  p_named_seats boolean,
  p_client text,
  p_cap integer,
  p_hold uuid,
  p_token_hash text,
  p_hold_seconds double precision
)
RETURNS json
LANGUAGE plpgsql VOLATILE
AS $$
DECLARE
  v_types json;
  v_missing text;
  v_venue uuid;
  v_seating seating_mode;
  v_quantity integer;
  v_left integer;
  v_expires timestamptz;
BEGIN
  IF NOT p_allowed THEN RETURN json_build_object('outcome', 'rate_limited'); END IF;
  IF p_selling IS NULL THEN RETURN json_build_object('outcome', 'screening_not_found'); END IF;
  IF NOT p_selling THEN RETURN json_build_object('outcome', 'not_on_sale'); END IF;

  SELECT x.code INTO v_missing
  FROM unnest(p_codes) WITH ORDINALITY AS x(code, n)
  WHERE NOT EXISTS (SELECT 1 FROM ticket_types t WHERE t.screening_id = p_screening AND t.code = x.code AND t.active AND t.scheme IS NULL)
  ORDER BY x.n LIMIT 1;
  IF v_missing IS NOT NULL THEN RETURN json_build_object('outcome', 'unknown_ticket_type', 'code', v_missing); END IF;

  SELECT json_agg(json_build_object('id', t.id, 'code', t.code, 'price_cents', t.price_cents, 'quantity', x.quantity) ORDER BY x.n),
         sum(x.quantity)::integer
    INTO v_types, v_quantity
  FROM unnest(p_codes, p_quantities) WITH ORDINALITY AS x(code, quantity, n)
  JOIN ticket_types t ON t.screening_id = p_screening AND t.code = x.code AND t.active AND t.scheme IS NULL;

  SELECT v.id, v.seating INTO v_venue, v_seating FROM screenings s JOIN venues v ON v.id = s.venue_id WHERE s.id = p_screening;
  IF v_seating = 'reserved' THEN
    RETURN json_build_object('outcome', 'reserved', 'types', v_types,
      'width', (SELECT max(x) + 1 FROM seats WHERE venue_id = v_venue),
      'depth', (SELECT max(y) + 1 FROM seats WHERE venue_id = v_venue));
  END IF;
  IF p_named_seats THEN RETURN json_build_object('outcome', 'seats_named'); END IF;

  -- As poolUpdate.hold (domain/inventory/pools.ts): no row is written when the places do not fit.
  UPDATE inventory_pools SET held = held + v_quantity
  WHERE screening_id = p_screening AND kind = p_pool AND held + sold + v_quantity <= capacity;
  IF NOT FOUND THEN
    SELECT greatest(capacity - held - sold, 0) INTO v_left FROM inventory_pools WHERE screening_id = p_screening AND kind = p_pool;
    RETURN json_build_object('outcome', 'not_enough_seats', 'types', v_types, 'left', coalesce(v_left, 0),
      'expired', EXISTS (SELECT 1 FROM holds WHERE screening_id = p_screening AND pool_kind = p_pool AND status = 'active' AND expires_at <= now()));
  END IF;

  IF marquee_client_live_places(p_screening, p_client) + v_quantity > p_cap THEN
    UPDATE inventory_pools SET held = held - v_quantity WHERE screening_id = p_screening AND kind = p_pool;
    RETURN json_build_object('outcome', 'too_many_held');
  END IF;

  INSERT INTO holds (id, screening_id, pool_kind, quantity, token_hash, client_key, expires_at)
  VALUES (p_hold, p_screening, p_pool, v_quantity, p_token_hash, p_client, now() + make_interval(secs => p_hold_seconds))
  RETURNING expires_at INTO v_expires;
  INSERT INTO hold_items (hold_id, ticket_type_id, quantity, unit_price_cents)
  SELECT p_hold, (i->>'id')::uuid, (i->>'quantity')::integer, (i->>'price_cents')::integer FROM json_array_elements(v_types) AS i;
  RETURN json_build_object('outcome', 'held', 'types', v_types, 'expires_at', v_expires);
END
$$;
