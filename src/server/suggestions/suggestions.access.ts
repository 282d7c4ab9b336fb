import type { Actor } from '../auth/actor.js';
import { organisationReaders, scopePaths, unitIdsOf } from '../auth/actor.js';
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

export const suggestionNoun = { zh: '建议', en: 'Suggestion' };
