import type { Actor } from '../auth/actor.js';
import { coversBody, organisationReaders, unitIdsOf } from '../auth/actor.js';
import type { SuggestionRow } from '../db/schema.js';
import type { Clock } from '../platform/clock.js';
import { shanghaiDate } from '../platform/clock.js';
import { notFound } from '../platform/errors.js';
import type { Locale } from '../http/locale.js';
import type { SettingsService } from '../settings/settings.service.js';
import { availability } from '../workflow/workflow.js';
import type { AssignmentWithUnit, AssignmentsRepository } from '../suggestions/assignments.repository.js';
import type { RepliesRepository } from '../suggestions/replies.repository.js';
import type { SuggestionPartsRepository } from '../suggestions/suggestion-parts.repository.js';
import type { HandlingService } from '../suggestions/handling.service.js';
import { serialLabel } from '../suggestions/suggestion.views.js';
import type { HandlingRecord, RecordStatus } from '../../shared/schemas/records.js';
import { recordStatusLabels, recordStepLabels, recordStepValues } from '../../shared/schemas/records.js';
import type { RecordRow, RecordsRepository, SignatureRow } from './records.repository.js';
import { recordWorkflow } from './record.workflow.js';
import type { RecordContext } from './record.workflow.js';

export const recordNoun = { zh: '全程纪实表', en: 'Handling record' };

/** The units whose leader signs the record: the lead unit, or each separately assigned unit. */
export function signingUnits(assignments: AssignmentWithUnit[]): AssignmentWithUnit[] {
  const active = assignments.filter((a) => a.status !== 'reassigned');
  const lead = active.filter((a) => a.role === 'lead');
  return lead.length > 0 ? lead : active.filter((a) => a.role === 'separate');
}

const roleOrder: Record<string, number> = { lead: 0, separate: 1, co: 2 };

/** Lead unit first, then separate units, then co-units; the order of assignment within each. */
function byRole(a: AssignmentWithUnit, b: AssignmentWithUnit): number {
  return (roleOrder[a.role] ?? 3) - (roleOrder[b.role] ?? 3) || a.created_at.localeCompare(b.created_at);
}

/** The state of a record, or of one not started yet (`open`, version 0, first cycle). */
export function recordState(
  row: Pick<RecordRow, 'status' | 'version' | 'cycle'> | undefined,
): RecordContext['record'] {
  return row
    ? { status: row.status as RecordStatus, version: row.version, cycle: row.cycle }
    : { status: 'open', version: 0, cycle: 1 };
}

function extensionText(a: AssignmentWithUnit): string | null {
  switch (a.extension_status) {
    case 'requested':
      return `申请延期至 ${a.extension_requested_due_on ?? ''}，待审批（${a.extension_reason ?? ''}）`;
    case 'approved':
      return `经批准延期至 ${a.reply_due_on}（${a.extension_reason ?? ''}）`;
    case 'refused':
      return `延期申请未获同意（${a.extension_note ?? ''}）`;
    default:
      return null;
  }
}

/**
 * Builds the handling record of a suggestion from its timeline: assignment, plans, contacts,
 * co-unit opinions, sent replies and ratings, plus the signatures of the current cycle and the
 * actions the actor may take now (with the reason when not).
 */
export class RecordViews {
  constructor(
    private readonly records: RecordsRepository,
    private readonly assignments: AssignmentsRepository,
    private readonly replies: RepliesRepository,
    private readonly parts: SuggestionPartsRepository,
    private readonly handling: HandlingService,
    private readonly settings: SettingsService,
    private readonly clock: Clock,
  ) {}

  /** What the workflow needs; `suggestion` must already be visible to the actor. */
  async context(actor: Actor, suggestion: SuggestionRow) {
    const [header, row, unsorted] = await Promise.all([
      this.records.header(suggestion.id),
      this.records.find(suggestion.id),
      this.assignments.ofSuggestions([suggestion.id]),
    ]);
    const assignments = [...unsorted].sort(byRole);
    if (!header) throw notFound(recordNoun, suggestion.id);
    const units = signingUnits(assignments);
    const context: RecordContext = {
      suggestion,
      record: recordState(row),
      actor,
      bodyPath: header.body_path,
      signingUnitIds: units.map((u) => u.unit_id),
      today: shanghaiDate(this.clock.now()),
    };
    return { context, header, row, assignments, units };
  }

  async build(actor: Actor, suggestion: SuggestionRow, locale: Locale = 'zh'): Promise<HandlingRecord> {
    const { context, header, row, assignments, units } = await this.context(actor, suggestion);
    const [signers, contacts, ratings, replies, signatures, returns, profile] = await Promise.all([
      this.parts.signersOf([suggestion.id]),
      this.replies.contacts(suggestion.id),
      this.replies.ratings(suggestion.id),
      this.handling.list(actor, suggestion),
      this.records.signatures([suggestion.id]),
      this.records.returns([suggestion.id]),
      this.settings.ruleProfile(suggestion.body_id),
    ]);
    // Back to back (背靠背): staff of the handling units never see individual ratings.
    const unitOnly =
      unitIdsOf(actor).length > 0 &&
      !coversBody(actor, organisationReaders, context.bodyPath) &&
      actor.deputyId === null;
    const ratingsHidden = profile.settings.backToBackRating && unitOnly;
    const actions = availability(recordWorkflow, context);
    const state = context.record;
    return {
      suggestionId: suggestion.id,
      bodyId: suggestion.body_id,
      bodyName: header.body_name,
      serialLabel: serialLabel(suggestion),
      title: suggestion.title,
      sessionName: header.session_name,
      categoryName: header.category_name,
      leadDeputyName: header.lead_deputy_name,
      coSignerNames: signers
        .filter((s) => s.status === 'confirmed' || s.status === 'merged')
        .map((s) => s.name),
      suggestionStatus: suggestion.status,
      handlingEnded: suggestion.status === 'closed',
      closedAt: suggestion.closed_at,
      closeReason: suggestion.close_reason,
      status: state.status,
      statusLabel: recordStatusLabels[state.status],
      cycle: state.cycle,
      version: row?.version ?? 0,
      units: assignments.map((a) => ({
        unitName: a.unit_name,
        role: a.role as 'lead',
        status: a.status,
        assignedOn: a.assigned_on,
        replyDueOn: a.reply_due_on,
        receivedAt: a.received_at,
        handlerName: a.handler_name,
        plan: a.plan,
        plannedFinishOn: a.planned_finish_on,
        extension: extensionText(a),
        repliedAt: a.replied_at,
      })),
      contacts: contacts.map((c) => ({
        unitName: c.unit_name,
        stage: c.stage as 'before',
        method: c.method as 'phone',
        contactOn: c.contact_on,
        participants: c.participants,
        summary: c.summary,
      })),
      opinions: assignments
        .filter((a) => a.role === 'co' && a.status !== 'reassigned')
        .map((a) => ({
          unitName: a.unit_name,
          opinion: a.opinion,
          opinionAt: a.opinion_at,
          lapsed: a.status === 'opinion_lapsed',
        })),
      replies: replies
        .filter((r) => r.status === 'sent')
        .map((r) => ({
          id: r.id,
          round: r.round,
          unitName: r.unitName,
          documentNo: r.documentNo,
          outcomeClass: r.outcomeClass,
          outcomeLabel: r.outcomeLabel,
          faceToFace: r.faceToFace,
          sentAt: r.sentAt,
          signoffs: r.signoffs.map((s) => ({
            stepName: s.stepName,
            userName: s.userName,
            signedAt: s.signedAt,
          })),
        })),
      ratings: ratingsHidden
        ? []
        : ratings.map((r) => ({
            round: r.round,
            deputyName: r.deputy_name,
            isLead: r.is_lead === 1,
            attitude: r.attitude as 'satisfied',
            result: r.result as 'satisfied',
            reason: r.reason,
            createdAt: r.created_at,
          })),
      ratingsHidden,
      signatures: this.signatureStatus(
        signatures.filter((s) => s.cycle === state.cycle),
        units.map((u) => u.unit_name),
      ),
      returns: returns.map((r) => ({
        cycle: r.cycle,
        reason: r.reason,
        dueOn: r.due_on,
        returnedByName: r.returned_by_name,
        returnedAt: r.returned_at,
      })),
      allowedActions: actions.filter((a) => a.allowed).map((a) => a.action),
      actions: actions.map((a) => ({
        action: a.action,
        label: a.label[locale],
        allowed: a.allowed,
        reason: a.reason?.[locale] ?? null,
      })),
    };
  }

  /** The three steps of one cycle, signed or not, in order. */
  private signatureStatus(rows: SignatureRow[], unitNames: string[]): HandlingRecord['signatures'] {
    return recordStepValues.map((step) => {
      const signed = rows.find((s) => s.step === step);
      return {
        step,
        stepName: recordStepLabels[step].zh,
        signed: signed !== undefined,
        userName: signed?.user_name ?? null,
        unitName: signed?.unit_name ?? (step === 'unit_leader' ? (unitNames[0] ?? null) : null),
        note: signed?.note ?? null,
        signedAt: signed?.signed_at ?? null,
      };
    });
  }
}
