import type { Db } from '../db/database.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import type { Clock } from '../platform/clock.js';
import { shanghaiDate } from '../platform/clock.js';
import { newId } from '../platform/ids.js';
import { DomainError, invalidField } from '../platform/errors.js';
import type { AssignmentsRepository } from './assignments.repository.js';
import type { SuggestionsRepository } from './suggestions.repository.js';
import type { SuggestionPartsRepository } from './suggestion-parts.repository.js';
import type { RepliesRepository } from './replies.repository.js';
import { notWritable, ownAssignment } from './handling.access.js';

/** A unit's own working notes on an assignment: its handling plan (三定) and contacts with the deputy. */
export class UnitWorkService {
  constructor(
    private readonly db: Db,
    private readonly replies: RepliesRepository,
    private readonly assignments: AssignmentsRepository,
    private readonly suggestions: SuggestionsRepository,
    private readonly parts: SuggestionPartsRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async savePlan(
    actor: Actor,
    assignmentId: string,
    input: { handlerName: string; handlerPhone: string; plan: string; plannedFinishOn: string },
  ) {
    const { assignment, suggestion } = await ownAssignment(
      this.assignments,
      this.suggestions,
      actor,
      assignmentId,
    );
    const blocked = notWritable(assignment);
    if (blocked) throw blocked;
    if (input.plannedFinishOn > assignment.reply_due_on)
      throw invalidField('plannedFinishOn', {
        zh: `「计划办结日期」不能晚于答复期限 ${assignment.reply_due_on}`,
        en: `must not be after the deadline ${assignment.reply_due_on}`,
      });
    const at = this.clock.now().toISOString();
    await this.db.transaction().execute(async (trx) => {
      await this.replies.setPlan(
        assignmentId,
        {
          handler_name: input.handlerName,
          handler_phone: input.handlerPhone,
          plan: input.plan,
          planned_finish_on: input.plannedFinishOn,
          updated_at: at,
        },
        trx,
      );
      await this.parts.insertEvent(
        {
          id: newId(),
          suggestion_id: suggestion.id,
          at,
          actor_id: actor.userId,
          actor_name: actor.displayName,
          action: 'assignment.plan',
          from_status: null,
          to_status: null,
          note: `承办人 ${input.handlerName}，计划 ${input.plannedFinishOn} 前办结`,
          data_json: null,
        },
        trx,
      );
      await this.audit.record(trx, {
        actor,
        action: 'assignment.plan',
        targetType: 'assignment',
        targetId: assignmentId,
        bodyId: suggestion.body_id,
        after: input,
      });
    });
  }

  async addContact(
    actor: Actor,
    assignmentId: string,
    input: { stage: string; method: string; contactOn: string; participants: string; summary: string },
  ) {
    const { assignment, suggestion } = await ownAssignment(
      this.assignments,
      this.suggestions,
      actor,
      assignmentId,
    );
    if (!['handling', 'rehandling', 'replied', 'opinion_submitted'].includes(assignment.status))
      throw new DomainError('invalid_transition', 'assignment.not_handling', {
        zh: '请先签收后再记录与代表的沟通。',
        en: 'Receive the item before recording contacts.',
      });
    if (input.contactOn > shanghaiDate(this.clock.now()))
      throw invalidField('contactOn', { zh: '「沟通日期」不能晚于今天', en: 'cannot be in the future' });
    const at = this.clock.now().toISOString();
    const row = {
      id: newId(),
      suggestion_id: suggestion.id,
      assignment_id: assignmentId,
      unit_id: assignment.unit_id,
      stage: input.stage,
      method: input.method,
      contact_on: input.contactOn,
      participants: input.participants,
      summary: input.summary,
      created_by: actor.userId,
      created_at: at,
    };
    await this.db.transaction().execute(async (trx) => {
      await this.replies.insertContact(row, trx);
      await this.parts.insertEvent(
        {
          id: newId(),
          suggestion_id: suggestion.id,
          at,
          actor_id: actor.userId,
          actor_name: actor.displayName,
          action: 'contact',
          from_status: null,
          to_status: null,
          note: input.summary,
          data_json: JSON.stringify({ stage: input.stage, method: input.method, contactOn: input.contactOn }),
        },
        trx,
      );
      await this.audit.record(trx, {
        actor,
        action: 'assignment.contact',
        targetType: 'assignment',
        targetId: assignmentId,
        bodyId: suggestion.body_id,
        after: row,
      });
    });
  }
}
