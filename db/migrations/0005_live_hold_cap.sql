-- The cap on the places one client may hold at once on one screening: its active holds that have
-- not run out (an expired one is anyone's to reclaim), and its holds in checkout, which keep their
-- places until Stripe confirms the session's end, even after their time ran out.
-- The hold statement calls it right after its conditional write on the screening's pool row, which
-- every hold of that screening takes in turn. VOLATILE on purpose: its query then runs on a fresh
-- snapshot and sees the holds committed by earlier writers of that row, which the calling
-- statement's own snapshot (taken before it waited for the row) would miss. Over the cap it raises
-- SQLSTATE MQ429, which undoes the whole statement, the pool write included.
CREATE OR REPLACE FUNCTION marquee_hold_within_cap(p_screening uuid, p_client text, p_quantity integer, p_cap integer)
RETURNS uuid
LANGUAGE plpgsql VOLATILE
AS $$
DECLARE
  live integer;
BEGIN
  SELECT coalesce(sum(quantity), 0)::integer INTO live FROM holds
  -- status IN (...) matches the partial index holds_live_expiry_idx: only the screening's live holds are read.
  WHERE screening_id = p_screening AND status IN ('active', 'checkout') AND client_key = p_client
    AND (status = 'checkout' OR expires_at > now());
  IF live + p_quantity > p_cap THEN
    RAISE EXCEPTION 'too_many_held' USING ERRCODE = 'MQ429', DETAIL = format('%s of at most %s places already held', live, p_cap);
  END IF;
  RETURN p_screening;
END
$$;
