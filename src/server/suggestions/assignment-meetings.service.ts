import type { Db } from '../db/database.js';
import type { Actor } from '../auth/actor.js';
import type { Clock } from '../platform/clock.js';
import { newId } from '../platform/ids.js';
import { DomainError, invalidField } from '../platform/errors.js';
import type { AssignInput } from '../../shared/schemas/suggestions.js';
import type { SuggestionsRepository } from './suggestions.repository.js';
import type { AssignmentsService } from './assignments.service.js';
import type { AssignmentsRepository } from './assignments.repository.js';
import type { Prepared, SuggestionActionsService } from './suggestion-actions.service.js';

/** Assignment meetings (交办会): a batch of items assigned through the workflow's `assign` action. */
export class AssignmentMeetingsService {
  constructor(
    private readonly db: Db,
    private readonly suggestions: SuggestionsRepository,
    private readonly assignments: AssignmentsService,
    private readonly assignmentRecords: AssignmentsRepository,
    private readonly actions: SuggestionActionsService,
    private readonly clock: Clock,
  ) {}

  /** An assignment meeting: many items assigned at once, all or none. */
  async assignBatch(
    actor: Actor,
    input: {
      name: string;
      assignedOn?: string;
      items: { suggestionId: string; units: AssignInput['units'] }[];
    },
  ) {
    const assignedOn = this.assignments.assignmentDate(input.assignedOn);
    const ids = input.items.map((i) => i.suggestionId);
    if (new Set(ids).size !== ids.length)
      throw invalidField('items', {
        zh: '同一建议在本批次中出现了两次',
        en: 'an item appears twice in the batch',
      });
    const rows = await this.suggestions.findByIds(ids);
    const batchId = newId();
    const at = this.clock.now().toISOString();
    const bodyIds = new Set(rows.map((r) => r.body_id));
    if (rows.length !== ids.length || bodyIds.size !== 1)
      throw invalidField('items', {
        zh: '批次中有不存在的建议，或来自不同人大的建议',
        en: 'unknown items, or items of different bodies',
      });
    const prepared: Prepared[] = [];
    for (const [index, item] of input.items.entries()) {
      const row = rows.find((r) => r.id === item.suggestionId);
      if (!row) continue;
      try {
        prepared.push(
          await this.actions.prepare(actor, row, 'assign', { assignedOn, units: item.units }, batchId),
        );
      } catch (error) {
        // Say which item failed: nothing of the meeting is written.
        if (error instanceof DomainError) error.extra.itemIndex = index;
        throw error;
      }
    }
    await this.db.transaction().execute(async (trx) => {
      await this.assignmentRecords.insertBatch(
        {
          id: batchId,
          body_id: rows[0]?.body_id ?? '',
          name: input.name,
          assigned_on: assignedOn,
          item_count: rows.length,
          created_by: actor.userId,
          created_at: at,
        },
        trx,
      );
      for (const item of prepared) await this.actions.apply(trx, item);
    });
    return { id: batchId, name: input.name, assignedOn, itemCount: rows.length };
  }
}
