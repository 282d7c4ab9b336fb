import type { Db } from '../db/database.js';
import type { AssignmentRow, SuggestionRow } from '../db/schema.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import { coversBody, organisationReaders } from '../auth/actor.js';
import type { Clock } from '../platform/clock.js';
import { shanghaiDate } from '../platform/clock.js';
import { newId } from '../platform/ids.js';
import { DomainError, forbidden, invalidField, notFound } from '../platform/errors.js';
import type { CalendarService } from '../calendar/calendar.service.js';
import type { BodiesService } from '../organisations/bodies.service.js';
import type { SettingsService } from '../settings/settings.service.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import type { Reply, ReplyDraft } from '../../shared/schemas/handling.js';
import type { AssignmentsRepository } from './assignments.repository.js';
import type { SuggestionsRepository } from './suggestions.repository.js';
import type { SuggestionPartsRepository } from './suggestion-parts.repository.js';
import type { RepliesRepository, ReplyRow, SignoffRow } from './replies.repository.js';
import type { SuggestionActionsService } from './suggestion-actions.service.js';
import type { AssignmentActionsService } from './assignment-actions.service.js';
import { systemActor } from './handling.jobs.js';
import { notWritable, ownAssignment } from './handling.access.js';
import type { JobsService } from '../jobs/jobs.service.js';
import { promiseJob } from '../followups/followups.jobs.js';
import type { SearchIndexer } from '../search/search.indexer.js';

const replyNoun = { zh: '答复', en: 'Reply' };
const settledCoStatuses = ['opinion_submitted', 'opinion_lapsed', 'reassigned'];

/**
 * A unit's handling of its assignment: plan, contacts with the deputy, the reply letter and its
 * sign-off chain (the last signature sends it), and the step to "replied" once every replying
 * unit has sent its letter.
 */
export class HandlingService {
  constructor(
    private readonly db: Db,
    private readonly replies: RepliesRepository,
    private readonly assignments: AssignmentsRepository,
    private readonly suggestions: SuggestionsRepository,
    private readonly parts: SuggestionPartsRepository,
    private readonly suggestionActions: SuggestionActionsService,
    private readonly assignmentActions: AssignmentActionsService,
    private readonly calendar: CalendarService,
    private readonly bodies: BodiesService,
    private readonly settings: SettingsService,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly jobs: JobsService,
    private readonly searchIndexer: SearchIndexer,
  ) {}

  /** Creates or edits the unit's reply draft for the current round (before anyone has signed). */
  async saveDraft(actor: Actor, assignmentId: string, input: ReplyDraft): Promise<Reply> {
    const { assignment, suggestion } = await ownAssignment(
      this.assignments,
      this.suggestions,
      actor,
      assignmentId,
    );
    const blocked = notWritable(assignment);
    if (blocked) throw blocked;
    if (assignment.role === 'co')
      throw forbidden({
        zh: '协办单位向主办单位提出意见，不直接答复代表。',
        en: 'Co-handling units send opinions, not replies.',
      });
    const profile = (await this.settings.ruleProfile(suggestion.body_id)).settings;
    if (!profile.outcomeClasses.some((c) => c.code === input.outcomeClass))
      throw invalidField('outcomeClass', {
        zh: `「答复类别」应为 ${profile.outcomeClasses.map((c) => c.code).join('、')} 之一`,
        en: 'unknown outcome class',
      });
    const existing = await this.replies.draftFor(assignmentId, suggestion.handling_round);
    if (existing && existing.status !== 'draft')
      throw new DomainError('invalid_transition', 'reply.signing', {
        zh: '答复已进入签发流程，不能再修改。',
        en: 'The reply is being signed and cannot be edited.',
      });
    const at = this.clock.now().toISOString();
    const id = existing?.id ?? newId();
    await this.db.transaction().execute(async (trx) => {
      const fields = {
        outcome_class: input.outcomeClass,
        document_no: input.documentNo,
        body: input.body,
        face_to_face: input.faceToFace ? 1 : 0,
        updated_at: at,
      };
      if (existing) {
        if (!(await this.replies.update(id, existing.version, fields, trx)))
          throw new DomainError('conflict', 'reply.concurrent_change', {
            zh: '答复刚被他人修改，请刷新。',
            en: 'The reply was just changed; reload.',
          });
      } else {
        await this.replies.insert(
          {
            id,
            suggestion_id: suggestion.id,
            assignment_id: assignmentId,
            unit_id: assignment.unit_id,
            round: suggestion.handling_round,
            status: 'draft',
            sign_step: 0,
            version: 0,
            sent_at: null,
            created_by: actor.userId,
            created_at: at,
            ...fields,
          },
          trx,
        );
      }
      await this.audit.record(trx, {
        actor,
        action: 'reply.draft',
        targetType: 'reply',
        targetId: id,
        bodyId: suggestion.body_id,
        after: { ...input, assignmentId },
      });
      await this.searchIndexer.reply(trx, id);
    });
    return this.toReply(
      (await this.replies.findById(id)) ?? this.fail(id),
      await this.replies.signoffs([id]),
      profile,
    );
  }

  private fail(id: string): never {
    throw notFound(replyNoun, id);
  }

  /** Signs the next step of the chain; the last signature sends the letter. */
  async sign(actor: Actor, replyId: string, version?: number): Promise<Reply> {
    const reply = await this.replies.findById(replyId);
    if (!reply || !actor.roles.some((r) => r.unitId === reply.unit_id)) throw notFound(replyNoun, replyId);
    if (version !== undefined && version !== reply.version)
      throw new DomainError('conflict', 'reply.concurrent_change', {
        zh: '答复刚被他人签署或修改，请刷新。',
        en: 'The reply was just signed or changed; reload.',
      });
    if (reply.status === 'sent')
      throw new DomainError('invalid_transition', 'reply.sent', {
        zh: '答复已签发。',
        en: 'The reply has been sent.',
      });
    const assignment = await this.assignments.findById(reply.assignment_id);
    const suggestion = await this.suggestions.findById(reply.suggestion_id);
    if (!assignment || !suggestion) throw notFound(replyNoun, replyId);
    const profile = (await this.settings.ruleProfile(suggestion.body_id)).settings;
    const chain = profile.replySignoff;
    const step = chain[reply.sign_step];
    if (!step)
      throw new DomainError('invalid_transition', 'reply.chain', {
        zh: '签发流程配置有误。',
        en: 'The sign-off chain is misconfigured.',
      });
    if (!actor.roles.some((r) => r.unitId === reply.unit_id && step.roles.includes(r.role)))
      throw forbidden({
        zh: `当前待「${step.name}」签署，您的角色不能签署该环节。`,
        en: `Waiting for "${step.name}"; your role cannot sign this step.`,
      });
    const signoffs = await this.replies.signoffs([replyId]);
    if (signoffs.some((s) => s.user_id === actor.userId))
      throw forbidden({ zh: '同一人不能签署两个环节。', en: 'One person cannot sign two steps.' });
    const final = reply.sign_step === chain.length - 1;
    const prepared = final ? await this.prepareSending(assignment, suggestion) : undefined;
    const at = this.clock.now().toISOString();
    await this.db.transaction().execute(async (trx) => {
      await this.replies.insertSignoff(
        {
          reply_id: replyId,
          step: reply.sign_step,
          step_name: step.name,
          user_id: actor.userId,
          user_name: actor.displayName,
          signed_at: at,
        },
        trx,
      );
      const changes = final
        ? { status: 'sent', sign_step: reply.sign_step + 1, sent_at: at, updated_at: at }
        : { status: 'signing', sign_step: reply.sign_step + 1, updated_at: at };
      if (!(await this.replies.update(replyId, reply.version, changes, trx)))
        throw new DomainError('conflict', 'reply.concurrent_change', {
          zh: '答复刚被他人签署，请刷新。',
          en: 'The reply was just signed; reload.',
        });
      await this.audit.record(trx, {
        actor,
        action: final ? 'reply.send' : 'reply.sign',
        targetType: 'reply',
        targetId: replyId,
        bodyId: suggestion.body_id,
        after: { step: step.name },
      });
      if (prepared) {
        await this.assignmentActions.apply(trx, prepared.assignment);
        if (prepared.suggestion) await this.suggestionActions.apply(trx, prepared.suggestion);
        await this.notifications.notifyDeputies(trx, prepared.deputies, {
          kind: 'suggestion.replied',
          title: `${reply.unit_name}已答复您的建议`,
          body: `「${suggestion.title}」已由${reply.unit_name}答复（${reply.document_no}），请查看并评价。`,
          link: `/suggestions/${suggestion.id}`,
        });
        await this.jobs.schedule(trx, promiseJob(replyId, at)); // B-class promise → follow-up ledger
      }
    });
    return this.toReply(
      (await this.replies.findById(replyId)) ?? this.fail(replyId),
      await this.replies.signoffs([replyId]),
      profile,
    );
  }

  /** Before the last signature: the lead waits for co-units; the item is replied when every replying unit is. */
  private async prepareSending(assignment: AssignmentRow, suggestion: SuggestionRow) {
    const all = (await this.assignments.ofSuggestions([suggestion.id])).filter(
      (a) => a.status !== 'reassigned' && a.id !== assignment.id,
    );
    const waiting =
      assignment.role === 'lead'
        ? all.filter((a) => a.role === 'co' && !settledCoStatuses.includes(a.status))
        : [];
    if (waiting.length > 0)
      throw new DomainError('invalid_transition', 'reply.waiting_for_co_units', {
        zh: `须等协办单位提出意见或意见期限届满后才能签发：${waiting.map((a) => `${a.unit_name}（期限 ${a.co_opinion_due_on ?? ''}）`).join('、')}`,
        en: `Waiting for co-handling units' opinions: ${waiting.map((a) => a.unit_name).join(', ')}`,
      });
    const assignmentStep = await this.assignmentActions.prepare(
      systemActor,
      assignment,
      'mark_replied',
      {},
      true,
    );
    const othersDone = all.filter((a) => a.role !== 'co').every((a) => a.status === 'replied');
    let suggestionStep;
    if (othersDone) {
      const profile = (await this.settings.ruleProfile(suggestion.body_id)).settings;
      const feedbackDueOn = (
        await this.calendar.dueDate(shanghaiDate(this.clock.now()), profile.deadlines.deputyFeedback)
      ).due;
      suggestionStep = await this.suggestionActions.prepare(
        systemActor,
        suggestion,
        'mark_replied',
        { feedbackDueOn },
        null,
      );
    }
    const signers = (await this.parts.signersOf([suggestion.id])).filter(
      (s) => s.status === 'confirmed' || s.status === 'merged',
    );
    return {
      assignment: assignmentStep,
      suggestion: suggestionStep,
      deputies: [suggestion.lead_deputy_id, ...signers.map((s) => s.deputy_id)],
    };
  }

  /** Replies of a suggestion the actor may read: units their own (drafts too), others only sent ones. */
  async list(actor: Actor, suggestion: SuggestionRow): Promise<Reply[]> {
    const profile = (await this.settings.ruleProfile(suggestion.body_id)).settings;
    const body = await this.bodies.require(suggestion.body_id);
    const staff = coversBody(actor, organisationReaders, body.path);
    const rows = (await this.replies.ofSuggestion(suggestion.id)).filter(
      (r) => r.status === 'sent' || staff || actor.roles.some((g) => g.unitId === r.unit_id),
    );
    const signoffs = await this.replies.signoffs(rows.map((r) => r.id));
    return rows.map((r) =>
      this.toReply(
        r,
        signoffs.filter((s) => s.reply_id === r.id),
        profile,
      ),
    );
  }

  private toReply(
    row: Omit<ReplyRow, 'unit_name'> & { unit_name?: string },
    signoffs: SignoffRow[],
    profile: { outcomeClasses: { code: string; label: string }[]; replySignoff: { name: string }[] },
  ): Reply {
    return {
      id: row.id,
      assignmentId: row.assignment_id,
      unitId: row.unit_id,
      unitName: row.unit_name ?? '',
      round: row.round,
      outcomeClass: row.outcome_class,
      outcomeLabel:
        profile.outcomeClasses.find((c) => c.code === row.outcome_class)?.label ?? row.outcome_class,
      documentNo: row.document_no,
      body: row.body,
      faceToFace: row.face_to_face === 1,
      status: row.status as Reply['status'],
      signStep: row.sign_step,
      nextStepName: row.status === 'sent' ? null : (profile.replySignoff[row.sign_step]?.name ?? null),
      signoffs: signoffs.map((s) => ({
        step: s.step,
        stepName: s.step_name,
        userName: s.user_name,
        signedAt: s.signed_at,
      })),
      sentAt: row.sent_at,
      version: row.version,
    };
  }
}
