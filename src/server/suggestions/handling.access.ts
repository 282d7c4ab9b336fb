import type { AssignmentRow, SuggestionRow } from '../db/schema.js';
import type { Actor } from '../auth/actor.js';
import { DomainError, notFound } from '../platform/errors.js';
import type { AssignmentsRepository } from './assignments.repository.js';
import type { SuggestionsRepository } from './suggestions.repository.js';

const writableStatuses = ['handling', 'rehandling'];

/** An assignment of the actor's own unit that is still being handled. */
export async function ownAssignment(
  assignments: AssignmentsRepository,
  suggestions: SuggestionsRepository,
  actor: Actor,
  id: string,
): Promise<{ assignment: AssignmentRow; suggestion: SuggestionRow }> {
  const assignment = await assignments.findById(id);
  if (!assignment) throw notFound({ zh: '交办记录', en: 'Assignment' }, id);
  if (!actor.roles.some((r) => r.unitId === assignment.unit_id))
    throw notFound({ zh: '交办记录', en: 'Assignment' }, id);
  const suggestion = await suggestions.findById(assignment.suggestion_id);
  if (!suggestion) throw notFound({ zh: '建议', en: 'Suggestion' }, assignment.suggestion_id);
  return { assignment, suggestion };
}

/** Why the unit cannot work on the assignment now, or null when it can. */
export function notWritable(assignment: AssignmentRow): DomainError | null {
  return writableStatuses.includes(assignment.status)
    ? null
    : new DomainError('invalid_transition', 'assignment.not_handling', {
        zh: '请先签收；已答复或已调整的交办不能再办理。',
        en: 'Receive the item first; replied or reassigned items cannot be handled.',
      });
}
