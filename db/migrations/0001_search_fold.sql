-- Folds case and the accents used in the programme so that "etranger" finds "L'Étranger".
-- Plain translate() keeps it portable: no extension (and no superuser) needed.
CREATE OR REPLACE FUNCTION marquee_fold(input text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$
  SELECT translate(
    lower(input),
    'áàâäãåāéèêëēěíìîïīóòôöõøōúùûüūçćčñńšśžźżłðýÿășțğı''’',
    'aaaaaaaeeeeeeiiiiiooooooouuuuucccnnsszzzldyyastgi  '
  )
$$;
