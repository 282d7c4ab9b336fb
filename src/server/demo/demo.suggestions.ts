import type { Insertable } from 'kysely';
import { laterAssignmentColumns, laterSuggestionColumns } from '../suggestions/row-defaults.js';
import type { Database } from '../db/schema.js';
import { newId } from '../platform/ids.js';
import { demoCategories, demoMatters } from './demo.matters.js';
import type { seededRandom } from './demo.random.js';

type Row<T extends keyof Database> = Insertable<Database[T]>;

export interface DemoSuggestionInput {
  countyId: string;
  sessionId: string;
  townships: string[];
  countyDeputyIds: string[];
  /** The demo account `deputy` leads a few items so its own list is not empty. */
  demoDeputyId: string;
  unitIds: Map<string, string>;
  officeUserId: string;
  /** Deadlines for the assignment meeting date, computed with the calendar beforehand. */
  assignment: { assignedOn: string; replyDueOn: string; coOpinionDueOn: string; windowEndsOn: string };
  random: ReturnType<typeof seededRandom>;
}

export interface DemoSuggestionRows {
  categories: Row<'categories'>[];
  categoryUnits: Row<'category_units'>[];
  suggestions: Row<'suggestions'>[];
  signers: Row<'suggestion_signers'>[];
  events: Row<'suggestion_events'>[];
  assignments: Row<'assignments'>[];
  batch: Row<'assignment_batches'>;
  counter: Row<'serial_counters'>;
}

/** Status mix of the demo session: most items assigned, some still in each earlier stage. */
const plan: { status: string; count: number; tier?: number }[] = [
  { status: 'handling', count: 84 },
  { status: 'accepted', count: 12 },
  { status: 'in_review', count: 4, tier: 0 },
  { status: 'in_review', count: 3, tier: 1 },
  { status: 'in_review', count: 3, tier: 2 },
  { status: 'returned', count: 4 },
  { status: 'rejected', count: 2 },
  { status: 'draft', count: 6 },
];

/** Builds the demo session's suggestions with their signers, timeline and assignments. */
export function demoSuggestionRows(input: DemoSuggestionInput): DemoSuggestionRows {
  const { random } = input;
  const at = (day: string, hour = 9) => `${day}T${String(hour - 8).padStart(2, '0')}:00:00.000Z`;
  const categories = demoCategories.map((c, i) => ({
    id: newId(),
    body_id: input.countyId,
    parent_id: null,
    name: c.name,
    sort_order: i + 1,
    created_at: at('2026-01-05'),
  }));
  const categoryUnits = demoCategories.flatMap((c, i) =>
    c.units.flatMap((unitName, u) => {
      const unitId = input.unitIds.get(unitName);
      const category = categories[i];
      return unitId && category
        ? [{ category_id: category.id, unit_id: unitId, role: u === 0 ? 'lead' : 'co' }]
        : [];
    }),
  );
  const suggestions: Row<'suggestions'>[] = [];
  const signers: Row<'suggestion_signers'>[] = [];
  const events: Row<'suggestion_events'>[] = [];
  const assignments: Row<'assignments'>[] = [];
  const batch = {
    id: newId(),
    body_id: input.countyId,
    name: '县十八届人大五次会议代表建议交办会',
    assigned_on: input.assignment.assignedOn,
    item_count: 0,
    created_by: input.officeUserId,
    created_at: at(input.assignment.assignedOn),
  };
  let serial = 0;
  let index = 0;
  for (const step of plan) {
    for (let n = 0; n < step.count; n += 1, index += 1) {
      const matter = demoMatters[index % demoMatters.length];
      if (!matter) continue;
      const place = input.townships[index % input.townships.length] ?? '';
      const lead = index % 17 === 0 ? input.demoDeputyId : random.pick(input.countyDeputyIds);
      const category = categories[demoCategories.findIndex((c) => c.name === matter.category)];
      const accepted = ['accepted', 'handling'].includes(step.status);
      const id = newId();
      if (accepted) serial += 1;
      const submitted = step.status === 'draft' ? null : at('2026-01-14', 10 + (index % 6));
      suggestions.push({
        id,
        body_id: input.countyId,
        session_id: input.sessionId,
        kind: 'suggestion',
        timing: 'session',
        lead_deputy_id: lead,
        title: matter.title.replaceAll('{place}', place),
        grounds: matter.grounds.replaceAll('{place}', place),
        proposals: matter.proposals.replaceAll('{place}', place),
        category_id: category?.id ?? null,
        status: step.status,
        review_tier: step.tier ?? (accepted ? 2 : 0),
        serial_scope: accepted ? input.sessionId : null,
        serial_number: accepted ? serial : null,
        key_status: 'none',
        disclose: index % 23 === 5 ? 0 : 1,
        nondisclosure_reason: index % 23 === 5 ? '涉及个人信息' : null,
        merged_into_id: null,
        submitted_at: submitted,
        accepted_at: accepted ? at('2026-01-20') : null,
        assigned_at: step.status === 'handling' ? at(input.assignment.assignedOn) : null,
        ...laterSuggestionColumns,
        version: 0,
        created_by: null,
        created_at: at('2026-01-13', 15),
        updated_at: at('2026-01-20'),
      });
      // Co-signers: usually a few; now and then ten or more (a key-suggestion candidate).
      const signerCount = index % 11 === 3 ? 11 : random.int(0, 4);
      const chosen = new Set<string>();
      while (chosen.size < signerCount) chosen.add(random.pick(input.countyDeputyIds));
      chosen.delete(lead);
      for (const deputyId of chosen)
        signers.push({
          suggestion_id: id,
          deputy_id: deputyId,
          status: step.status === 'draft' ? 'invited' : 'confirmed',
          invited_at: at('2026-01-13', 16),
          responded_at: step.status === 'draft' ? null : at('2026-01-13', 18),
        });
      const event = (
        day: string,
        action: string,
        from: string | null,
        to: string | null,
        note: string | null = null,
      ) =>
        events.push({
          id: newId(),
          suggestion_id: id,
          at: at(day, 11),
          actor_id: null,
          actor_name: null,
          action,
          from_status: from,
          to_status: to,
          note,
          data_json: null,
        });
      event('2026-01-13', 'create', null, 'draft');
      if (submitted) event('2026-01-14', 'submit', 'draft', 'in_review');
      if (step.status === 'returned')
        event(
          '2026-01-16',
          'review_return',
          'in_review',
          'returned',
          '案据不够具体，请补充相关数据和群众反映情况。',
        );
      if (step.status === 'rejected')
        event(
          '2026-01-16',
          'review_reject',
          'in_review',
          'rejected',
          '属于个人诉求事项，建议通过信访渠道反映。',
        );
      if (accepted) event('2026-01-20', 'review_pass', 'in_review', 'accepted', '同意立案');
      if (step.status === 'handling') {
        event(input.assignment.assignedOn, 'assign', 'accepted', 'handling');
        const unitIds = [matter.unit, matter.coUnit].map((name) =>
          name ? input.unitIds.get(name) : undefined,
        );
        unitIds.forEach((unitId, u) => {
          if (!unitId) return;
          assignments.push({
            id: newId(),
            suggestion_id: id,
            unit_id: unitId,
            role: u === 0 ? 'lead' : 'co',
            status: index % 5 === 0 ? 'pending_receipt' : 'handling',
            batch_id: batch.id,
            assigned_on: input.assignment.assignedOn,
            reply_due_on: input.assignment.replyDueOn,
            co_opinion_due_on: u === 0 ? null : input.assignment.coOpinionDueOn,
            adjustment_window_ends_on: input.assignment.windowEndsOn,
            received_at: index % 5 === 0 ? null : at(input.assignment.assignedOn, 15),
            adjustment_reason: null,
            adjustment_requested_at: null,
            adjustment_decision: null,
            adjustment_note: null,
            adjustment_decided_at: null,
            replaced_by_id: null,
            ...laterAssignmentColumns,
            version: 0,
            created_at: at(input.assignment.assignedOn),
            updated_at: at(input.assignment.assignedOn),
          });
        });
        batch.item_count += 1;
      }
    }
  }
  return {
    categories,
    categoryUnits,
    suggestions,
    signers,
    events,
    assignments,
    batch,
    counter: { scope: input.sessionId, last: serial },
  };
}
