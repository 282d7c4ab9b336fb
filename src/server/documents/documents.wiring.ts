import type { Db } from '../db/database.js';
import type { Clock } from '../platform/clock.js';
import type { SuggestionsService } from '../suggestions/suggestions.service.js';
import type { HandlingService } from '../suggestions/handling.service.js';
import { AssignmentsRepository } from '../suggestions/assignments.repository.js';
import { SuggestionPartsRepository } from '../suggestions/suggestion-parts.repository.js';
import { RecordsRepository } from '../records/records.repository.js';
import type { RecordsService } from '../records/records.service.js';
import { DocumentsService } from './documents.service.js';

interface Dependencies {
  db: Db;
  clock: Clock;
  suggestions: SuggestionsService;
  handling: HandlingService;
  records: RecordsService;
}

/** Wires the official documents (reply letter, handling record) as PDF and Word. */
export function createDocumentServices(d: Dependencies) {
  return {
    documents: new DocumentsService(
      d.suggestions,
      d.handling,
      d.records,
      new RecordsRepository(d.db),
      new AssignmentsRepository(d.db),
      new SuggestionPartsRepository(d.db),
      d.clock,
    ),
  };
}
