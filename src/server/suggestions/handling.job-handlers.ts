import type { JobsService } from '../jobs/jobs.service.js';
import type { AssignmentsRepository } from './assignments.repository.js';
import type { SuggestionsRepository } from './suggestions.repository.js';
import type { AssignmentActionsService, PreparedAssignmentAction } from './assignment-actions.service.js';
import type { Prepared, SuggestionActionsService } from './suggestion-actions.service.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import type { HandlingJobs } from './handling.jobs.js';
import { systemActor } from './handling.jobs.js';

interface Dependencies {
  jobs: JobsService;
  assignments: AssignmentsRepository;
  suggestions: SuggestionsRepository;
  assignmentActions: AssignmentActionsService;
  suggestionActions: SuggestionActionsService;
  notifications: NotificationsService;
  handlingJobs: HandlingJobs;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** What each handling job does when it comes due; each first checks it still applies. */
export function registerHandlingJobs(d: Dependencies): void {
  for (const [kind, overdue] of [
    ['assignment.warning', false],
    ['assignment.overdue', true],
  ] as const)
    d.jobs.register(kind, {
      prepare: (payload) => d.assignments.findById(text(payload.assignmentId)),
      run: (trx, payload, assignment) =>
        d.handlingJobs.remindUnit(trx, assignment, text(payload.dueOn), overdue),
    });

  d.jobs.register<PreparedAssignmentAction | null>('assignment.opinion_lapse', {
    prepare: async (payload) => {
      const assignment = await d.assignments.findById(text(payload.assignmentId));
      if (
        !assignment ||
        !['pending_receipt', 'handling'].includes(assignment.status) ||
        assignment.role !== 'co'
      )
        return null;
      return d.assignmentActions.prepare(systemActor, assignment, 'lapse_opinion', {}, true);
    },
    run: async (trx, _payload, prepared) => {
      if (prepared) await d.assignmentActions.apply(trx, prepared);
    },
  });

  d.jobs.register('suggestion.feedback_reminder', {
    prepare: (payload) => d.suggestions.findById(text(payload.suggestionId)),
    run: async (trx, payload, suggestion) => {
      if (!suggestion || suggestion.status !== 'replied' || suggestion.handling_round !== payload.round)
        return;
      await d.notifications.notifyDeputies(trx, [suggestion.lead_deputy_id], {
        kind: 'suggestion.feedback_reminder',
        title: '请评价建议办理结果',
        body: `「${suggestion.title}」已答复，请在 ${suggestion.feedback_due_on ?? ''} 前评价；逾期未评价将按未反馈办结。`,
        link: `/suggestions/${suggestion.id}`,
      });
    },
  });

  d.jobs.register<Prepared | null>('suggestion.no_feedback', {
    prepare: async (payload) => {
      const suggestion = await d.suggestions.findById(text(payload.suggestionId));
      if (!suggestion || suggestion.status !== 'replied' || suggestion.handling_round !== payload.round)
        return null;
      return d.suggestionActions.prepare(systemActor, suggestion, 'close_no_feedback', {}, null);
    },
    run: async (trx, _payload, prepared) => {
      if (prepared) await d.suggestionActions.apply(trx, prepared);
    },
  });
}
