import type { Db } from '../db/database.js';
import type { DialectHelpers } from '../db/dialect/dialect.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Clock } from '../platform/clock.js';
import type { BodiesService } from '../organisations/bodies.service.js';
import type { SettingsService } from '../settings/settings.service.js';
import type { CalendarService } from '../calendar/calendar.service.js';
import type { UnitsRepository } from '../units/units.repository.js';
import { NotificationsRepository } from '../notifications/notifications.repository.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import type { EnabledChannels } from '../notifications/notifications.service.js';
import { SuggestionsRepository } from './suggestions.repository.js';
import { KeySuggestionsRepository } from './key-suggestions.repository.js';
import { AssignmentMeetingsService } from './assignment-meetings.service.js';
import { SuggestionPartsRepository } from './suggestion-parts.repository.js';
import { AssignmentsRepository } from './assignments.repository.js';
import { CategoriesRepository } from './categories.repository.js';
import { SuggestionContextBuilder } from './suggestion.context.js';
import { SuggestionViews } from './suggestion.views.js';
import { SuggestionsService } from './suggestions.service.js';
import { SuggestionActionsService } from './suggestion-actions.service.js';
import { SignersService } from './signers.service.js';
import { AssignmentsService } from './assignments.service.js';
import { KeySuggestionsService } from './key-suggestions.service.js';
import { CategoriesService } from './categories.service.js';
import { SuggestionAttachmentsRepository } from './attachments.repository.js';
import { SuggestionAttachmentsService } from './attachments.service.js';
import { SuggestionExportService } from './suggestions.export.js';

import { JobsService } from '../jobs/jobs.service.js';
import { JobsRepository } from '../jobs/jobs.repository.js';
import { HandlingJobs } from './handling.jobs.js';
import { registerHandlingJobs } from './handling.job-handlers.js';
import { RepliesRepository } from './replies.repository.js';
import { AssignmentActionsService } from './assignment-actions.service.js';
import { HandlingService } from './handling.service.js';
import { UnitWorkService } from './unit-work.service.js';
import type { SearchIndexer } from '../search/search.indexer.js';

interface Dependencies {
  db: Db;
  dialect: DialectHelpers;
  audit: AuditService;
  clock: Clock;
  bodies: BodiesService;
  settings: SettingsService;
  calendar: CalendarService;
  unitsRepository: UnitsRepository;
  enabledChannels: EnabledChannels;
  /** Folder for uploaded attachments (`MINYI_DATA_DIR`). */
  dataDir: string;
  /** Keeps the full-text index in step with drafts, edits, transitions and replies. */
  searchIndexer: SearchIndexer;
}

/** Wires the suggestion process (issue 3): drafting, review, key suggestions, assignment, notifications. */
export function createSuggestionServices(d: Dependencies) {
  const suggestionsRepository = new SuggestionsRepository(d.db, d.dialect);
  const parts = new SuggestionPartsRepository(d.db);
  const assignmentsRepository = new AssignmentsRepository(d.db);
  const notifications = new NotificationsService(
    d.db,
    new NotificationsRepository(d.db),
    d.clock,
    d.enabledChannels,
  );
  const repliesRepository = new RepliesRepository(d.db);
  const contexts = new SuggestionContextBuilder(d.bodies, d.settings, parts);
  const suggestionViews = new SuggestionViews(
    suggestionsRepository,
    parts,
    assignmentsRepository,
    contexts,
    d.bodies,
    d.settings,
    repliesRepository,
    d.clock,
  );
  const suggestions = new SuggestionsService(
    d.db,
    suggestionsRepository,
    parts,
    assignmentsRepository,
    d.bodies,
    d.settings,
    suggestionViews,
    d.audit,
    d.clock,
    d.searchIndexer,
  );
  const jobs = new JobsService(d.db, new JobsRepository(d.db), d.clock);
  const handlingJobs = new HandlingJobs(jobs, notifications);
  const assignments = new AssignmentsService(
    d.db,
    assignmentsRepository,
    suggestionsRepository,
    parts,
    d.unitsRepository,
    suggestionViews,
    d.calendar,
    d.bodies,
    d.settings,
    notifications,
    handlingJobs,
    d.audit,
    d.clock,
  );
  const assignmentActions = new AssignmentActionsService(
    d.db,
    assignmentsRepository,
    suggestionsRepository,
    parts,
    assignments,
    suggestionViews,
    d.calendar,
    d.bodies,
    d.settings,
    notifications,
    handlingJobs,
    d.audit,
    d.clock,
  );
  const suggestionActions = new SuggestionActionsService(
    d.db,
    suggestionsRepository,
    parts,
    contexts,
    suggestionViews,
    suggestions,
    assignments,
    assignmentsRepository,
    assignmentActions,
    repliesRepository,
    handlingJobs,
    d.calendar,
    notifications,
    d.audit,
    d.clock,
    d.searchIndexer,
  );
  const unitWork = new UnitWorkService(
    d.db,
    repliesRepository,
    assignmentsRepository,
    suggestionsRepository,
    parts,
    d.audit,
    d.clock,
  );
  const handling = new HandlingService(
    d.db,
    repliesRepository,
    assignmentsRepository,
    suggestionsRepository,
    parts,
    suggestionActions,
    assignmentActions,
    d.calendar,
    d.bodies,
    d.settings,
    notifications,
    d.audit,
    d.clock,
    jobs,
    d.searchIndexer,
  );
  registerHandlingJobs({
    jobs,
    assignments: assignmentsRepository,
    suggestions: suggestionsRepository,
    assignmentActions,
    suggestionActions,
    notifications,
    handlingJobs,
  });
  return {
    jobs,
    handling,
    unitWork,
    assignmentActions,
    notifications,
    suggestionViews,
    suggestions,
    suggestionActions,
    assignmentMeetings: new AssignmentMeetingsService(
      d.db,
      suggestionsRepository,
      assignments,
      assignmentsRepository,
      suggestionActions,
      d.clock,
    ),
    suggestionSigners: new SignersService(
      d.db,
      suggestionsRepository,
      parts,
      suggestions,
      notifications,
      d.audit,
      d.clock,
    ),
    assignments,
    keySuggestions: new KeySuggestionsService(
      d.db,
      new KeySuggestionsRepository(d.db),
      parts,
      suggestions,
      suggestionViews,
      d.bodies,
      d.settings,
      notifications,
      d.audit,
      d.clock,
    ),
    suggestionExport: new SuggestionExportService(suggestions, d.clock),
    suggestionAttachments: new SuggestionAttachmentsService(
      d.db,
      new SuggestionAttachmentsRepository(d.db),
      suggestions,
      d.audit,
      d.clock,
      d.dataDir,
    ),
    categories: new CategoriesService(
      d.db,
      new CategoriesRepository(d.db),
      d.unitsRepository,
      d.bodies,
      d.audit,
      d.clock,
    ),
  };
}
