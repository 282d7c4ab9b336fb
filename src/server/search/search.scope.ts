import { sql } from 'kysely';
import type { RawBuilder } from 'kysely';

/**
 * Where a match may come from, given to the full-text engine so that it never visits documents of
 * other bodies: at province scale a county's drafts must not pay for the other 149 counties.
 * `bodyIds`: documents of these bodies themselves; `subtreeIds`: documents of these bodies and of
 * every body below them.
 */
export interface BodyScope {
  bodyIds: string[];
  subtreeIds: string[];
}

/**
 * Every document carries scope tokens beside its words (SQLite: the FTS5 column `scope`;
 * PostgreSQL: extra lexemes in `tsv`): `b<body id>` for its own body and `t<id>` for each body on
 * its path (itself included), lower-cased. A letter before the id keeps them apart from words and
 * from each other. Ids are ASCII (ULIDs), so SQL `lower` and `toLowerCase` agree.
 */
export const bodyToken = (id: string) => `b${id.toLowerCase()}`;
export const subtreeToken = (id: string) => `t${id.toLowerCase()}`;

/** The tokens a match must hit one of (empty: no restriction). */
export function scopeTokens(scope: BodyScope): string[] {
  return [...new Set([...scope.bodyIds.map(bodyToken), ...scope.subtreeIds.map(subtreeToken)])];
}

/** The id of the last body on a path (`/a/b/c/` → `c`). */
export function bodyOfPath(path: string): string {
  return path.split('/').filter(Boolean).at(-1) ?? '';
}

/** The bodies above a path's body, root first (`/a/b/c/` → `a`, `b`). */
export function ancestorsOfPath(path: string): string[] {
  return path.split('/').filter(Boolean).slice(0, -1);
}

/**
 * SQL (both dialects): a document's scope tokens, space-separated, from its body id and that
 * body's path (`/A/B/C/` → `bc ta tb tc`); a missing body leaves the body token alone.
 */
export function scopeTokensSql(
  bodyId: RawBuilder<string>,
  path: RawBuilder<string | null>,
): RawBuilder<string> {
  return sql<string>`('b' || lower(${bodyId}) || coalesce(' t' || lower(replace(rtrim(ltrim(${path}, '/'), '/'), '/', ' t')), ''))`;
}
