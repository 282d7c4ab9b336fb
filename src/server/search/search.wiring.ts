import type { Db } from '../db/database.js';
import type { DialectHelpers } from '../db/dialect/dialect.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Clock } from '../platform/clock.js';
import type { SettingsService } from '../settings/settings.service.js';
import type { SuggestionsService } from '../suggestions/suggestions.service.js';
import { SuggestionsRepository } from '../suggestions/suggestions.repository.js';
import { searchDialect } from './search.dialects.js';
import { SearchRepository } from './search.repository.js';
import { SearchQueriesRepository } from './search-queries.repository.js';
import { DictionaryCache, SearchIndexer } from './search.indexer.js';
import { SearchService } from './search.service.js';
import { SimilarRepository } from './similar.repository.js';
import { SimilarService } from './similar.service.js';
import { RecommendationsService } from './recommendations.service.js';

/**
 * The index writer, created before the domains whose writes it follows (suggestions, replies,
 * receptions), which call `searchIndexer.<thing>(trx, id)` inside their transactions.
 */
export function createSearchIndex(db: Db, dialect: DialectHelpers, clock: Clock) {
  const engine = searchDialect(dialect.kind);
  const repository = new SearchRepository(db, engine);
  const dictionary = new DictionaryCache(repository);
  return {
    db,
    dialect,
    engine,
    repository,
    dictionary,
    indexer: new SearchIndexer(repository, dictionary, clock),
  };
}

export type SearchIndex = ReturnType<typeof createSearchIndex>;

interface Dependencies {
  audit: AuditService;
  clock: Clock;
  settings: SettingsService;
  suggestions: SuggestionsService;
}

/** Wires search, similar suggestions and recommendations (issue 6). */
export function createSearchServices(index: SearchIndex, d: Dependencies) {
  const queries = new SearchQueriesRepository(
    index.db,
    index.engine,
    new SuggestionsRepository(index.db, index.dialect),
  );
  const details = new SimilarRepository(index.db);
  const similar = new SimilarService(
    index.repository,
    queries,
    details,
    index.dictionary,
    d.suggestions,
    d.settings,
  );
  return {
    searchIndexer: index.indexer,
    search: new SearchService(
      index.db,
      index.repository,
      queries,
      index.dictionary,
      index.indexer,
      d.audit,
      d.clock,
    ),
    similarSuggestions: similar,
    recommendations: new RecommendationsService(similar, details, d.suggestions),
  };
}
