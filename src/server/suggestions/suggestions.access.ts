import type { Actor } from '../auth/actor.js';
import { coversBody, organisationReaders, scopePaths, unitIdsOf } from '../auth/actor.js';
import type { SuggestionScope } from './suggestions.repository.js';

/**
 * What an actor may see of suggestions: staff and leaders the submitted items of their subtree,
 * unit users the items assigned to their unit, a deputy their own (lead or co-signer, drafts too).
 */
export function suggestionScope(actor: Actor): SuggestionScope {
  return {
    bodyPaths: scopePaths(actor, organisationReaders),
    enteredBy: actor.userId,
    unitIds: unitIdsOf(actor),
    deputyId: actor.deputyId,
  };
}

/**
 * The staff part of that rule for one item already read (the body part of
 * `SuggestionsRepository.scoped`): submitted, or a paper draft this clerk entered, in a body of the
 * actor's subtree. Decides most reads without a query; the rest go through the repository.
 */
export function staffSeesItem(
  actor: Actor,
  row: { status: string; created_by: string | null },
  bodyPath: string,
): boolean {
  return (
    (row.status !== 'draft' || row.created_by === actor.userId) &&
    coversBody(actor, organisationReaders, bodyPath)
  );
}

export const suggestionNoun = { zh: '建议', en: 'Suggestion' };
