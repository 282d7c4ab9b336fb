import type { Writable } from 'node:stream';
import type { Clock } from '../platform/clock.js';
import type { SuggestionsService } from '../suggestions/suggestions.service.js';
import { SuggestionExportService } from '../suggestions/suggestions.export.js';
import type { AppraisalService } from '../appraisal/appraisal.service.js';
import { appraisalScopeText, writeAppraisalXlsx } from '../appraisal/appraisal.xlsx.js';
import type { ReportsService } from '../reports/reports.service.js';
import type { RenderedDocument } from '../documents/documents.service.js';
import type { ExportsService } from './exports.service.js';

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface Dependencies {
  exports: ExportsService;
  suggestions: SuggestionsService;
  appraisal: AppraisalService;
  reports: ReportsService;
  clock: Clock;
}

/**
 * The suggestion list service with its `list` observed: the existing streamed export pages
 * through it, so each page read tells how far the export has come.
 */
function observedSuggestions(
  suggestions: SuggestionsService,
  onPage: (read: number, total: number) => Promise<void>,
): SuggestionsService {
  const observed = Object.create(suggestions) as SuggestionsService;
  observed.list = async (actor, query) => {
    const page = await suggestions.list(actor, query);
    await onPage(Math.min(query.page * query.pageSize, page.total), page.total);
    return page;
  };
  return observed;
}

async function writeDocument(out: Writable, document: RenderedDocument) {
  out.end(document.body);
  return { fileName: document.fileName, contentType: document.contentType };
}

/** Registers what can be exported in the background, each reusing its synchronous download. */
export function registerExportKinds(d: Dependencies): void {
  d.exports.register('suggestions_xlsx', {
    prepare: async (actor, params) => {
      let report: (percent: number) => Promise<void> = async () => {};
      const exporter = new SuggestionExportService(
        observedSuggestions(d.suggestions, (read, total) => report(total === 0 ? 100 : (read * 100) / total)),
        d.clock,
      );
      // Reads the first page: a query the actor may not run fails here, at request time.
      const prepared = await exporter.prepare(actor, params);
      return {
        bodyId: params.bodyId ?? null,
        job: {
          write: async (out, progress) => {
            report = progress;
            await prepared.write(out);
            return { fileName: prepared.fileName, contentType: xlsxType };
          },
        },
      };
    },
  });

  d.exports.register('appraisal_xlsx', {
    prepare: async (actor, params) => {
      const body = await d.appraisal.requireStaff(actor, params.bodyId);
      return {
        bodyId: body.id,
        job: {
          write: async (out, progress) => {
            const run = await d.appraisal.run(body, params);
            await progress(50);
            await writeAppraisalXlsx(run, out);
            return { fileName: `承办单位考评-${appraisalScopeText(run.scope)}.xlsx`, contentType: xlsxType };
          },
        },
      };
    },
  });

  d.exports.register('annual_report', {
    prepare: async (actor, params) => {
      const body = await d.reports.annualBody(actor, params);
      return {
        bodyId: body.id,
        job: {
          write: async (out, progress) =>
            writeDocument(
              out,
              await d.reports.annual(actor, params, params.format, (f) => progress(f * 100)),
            ),
        },
      };
    },
  });

  d.exports.register('compilation', {
    prepare: async (actor, params) => {
      const { body } = await d.reports.compilationSession(actor, params);
      return {
        bodyId: body.id,
        job: {
          write: async (out, progress) =>
            writeDocument(
              out,
              await d.reports.compilation(actor, params, params.format, (f) => progress(f * 100)),
            ),
        },
      };
    },
  });

  d.exports.register('unit_report', {
    prepare: async (actor, params) => {
      const { unitId, format, ...query } = params;
      const { unit } = await d.reports.unitAccess(actor, unitId, query);
      return {
        bodyId: unit.body_id,
        job: {
          write: async (out, progress) =>
            writeDocument(out, await d.reports.unit(actor, unitId, query, format, (f) => progress(f * 100))),
        },
      };
    },
  });
}
