import { sql, type SQL } from 'drizzle-orm';

/**
 * A screening's title, in one place: its programme title when it is a shorts
 * package or a double bill, else its films' titles joined by " + " in running
 * order. `screeningTitle` is the rule for rows already loaded;
 * `screeningTitleSql` is the same rule inside a statement (tests/integration/catalogue-reads.test.ts
 * checks that the two agree).
 */
export const FILM_TITLE_SEPARATOR = ' + ';

export function screeningTitle(programmeTitle: string | null, films: readonly { title: string }[]): string {
  return programmeTitle ?? films.map((f) => f.title).join(FILM_TITLE_SEPARATOR);
}

/** `screening` is the SQL alias of a `screenings` row in the surrounding statement, e.g. sql`s`. */
export function screeningTitleSql(screening: SQL): SQL {
  return sql`coalesce(${screening}.programme_title, (SELECT string_agg(title_film.title, ${sql.raw(`'${FILM_TITLE_SEPARATOR}'`)} ORDER BY title_sf.position)
    FROM screening_films title_sf JOIN films title_film ON title_film.id = title_sf.film_id WHERE title_sf.screening_id = ${screening}.id))`;
}
