import type { Actor } from '../auth/actor.js';
import { requireCoversBody } from '../auth/actor.js';
import type { BodyRow } from '../db/schema.js';
import type { Clock } from '../platform/clock.js';
import { shanghaiDate } from '../platform/clock.js';
import { notFound } from '../platform/errors.js';
import type { BodiesService } from '../organisations/bodies.service.js';
import type { SettingsService } from '../settings/settings.service.js';
import type { AppraisalService } from '../appraisal/appraisal.service.js';
import { appraisalScopeText } from '../appraisal/appraisal.xlsx.js';
import { serialLabel } from '../suggestions/suggestion.views.js';
import { chineseDate } from '../documents/chinese-date.js';
import { cjkFonts, defaultFontDir } from '../documents/fonts.js';
import { loadChartEngines } from './charts.js';
import { contentTypes } from '../documents/documents.service.js';
import type { RenderedDocument } from '../documents/documents.service.js';
import type { Role } from '../../shared/schemas/roles.js';
import type { IndicatorQuery, IndicatorTable } from '../../shared/schemas/stats.js';
import type {
  AnnualReportQuery,
  CompilationQuery,
  ReportFormat,
  UnitReportQuery,
} from '../../shared/schemas/reports.js';
import { assignmentRoleLabels, suggestionStatusLabels } from '../../shared/schemas/suggestions.js';
import type { SuggestionStatus } from '../../shared/schemas/suggestions.js';
import { ratingValueLabels } from '../../shared/schemas/handling.js';
import type { ReportsRepository } from './reports.repository.js';
import { annualReport } from './annual.report.js';
import { contentsTable, itemBlocks } from './compilation.report.js';
import type { CompiledItem } from './compilation.report.js';
import { unitReport } from './unit.report.js';
import type { ReportBlock, ReportDocument, RenderProgress } from './report.model.js';
import { noProgress } from './report.model.js';
import { reportPdf } from './report.pdf.js';
import { reportDocx } from './report.docx.js';

/** The indicators (owned by the stats service). */
export interface IndicatorSource {
  indicators(actor: Actor, query: IndicatorQuery): Promise<IndicatorTable>;
}

/** Who reads a body's official reports. */
const reportReaders: readonly Role[] = [
  'admin',
  'office_staff',
  'committee_staff',
  'leader',
  'supervision_office',
];
const sessionNoun = { zh: '会议', en: 'Session' };
const unitNoun = { zh: '承办单位', en: 'Unit' };
/** Items read per batch for the compilation: memory stays bounded. */
const batchSize = 200;

const statusText = (status: string) => suggestionStatusLabels[status as SuggestionStatus]?.zh ?? status;
const serialText = (row: Parameters<typeof serialLabel>[0]) => serialLabel(row) ?? '—';

/**
 * Official reports as Word and PDF: the annual handling report for the standing committee, the
 * compilation (汇编) of a session's suggestions with replies, and a unit's report. Numbers come
 * from the stats service; lists from the report repository; the layout from `report.*.ts`.
 */
export class ReportsService {
  constructor(
    private readonly repository: ReportsRepository,
    private readonly bodies: BodiesService,
    private readonly settings: SettingsService,
    private readonly appraisal: AppraisalService,
    private readonly stats: IndicatorSource,
    private readonly clock: Clock,
    private readonly fontDir: string = defaultFontDir,
  ) {}

  /** Checks that the actor reads the body's reports; returns the body. */
  async annualBody(actor: Actor, query: AnnualReportQuery): Promise<BodyRow> {
    const body = await this.bodies.require(query.bodyId);
    requireCoversBody(actor, reportReaders, body.path);
    return body;
  }

  async annual(
    actor: Actor,
    query: AnnualReportQuery,
    format: ReportFormat,
    progress: RenderProgress = noProgress,
  ): Promise<RenderedDocument> {
    const body = await this.annualBody(actor, query);
    const indicatorQuery: IndicatorQuery = {
      bodyId: body.id,
      includeLowerLevels: true,
      year: query.year,
      groupBy: 'none',
    };
    const [totals, byUnit, keyItems, unsatisfied, appraisal] = await Promise.all([
      this.stats.indicators(actor, indicatorQuery),
      this.stats.indicators(actor, { ...indicatorQuery, groupBy: 'unit' }),
      this.keyItems(body, query.year),
      this.unsatisfiedItems(body, query.year),
      this.appraisal.run(body, { bodyId: body.id, year: query.year }),
    ]);
    await progress(0.2);
    await loadChartEngines();
    const fonts = cjkFonts(this.fontDir);
    const report = annualReport(
      {
        bodyName: body.name,
        year: query.year,
        generatedOn: chineseDate(shanghaiDate(this.clock.now())),
        asOf: totals.asOf,
        totals: totals.totals.indicators,
        byUnit: byUnit.rows,
        keyItems,
        unsatisfied,
        appraisal: appraisal.units.map((u) => u.unit),
      },
      fonts,
    );
    await progress(0.3);
    return this.render(report, format, async (f) => progress(0.3 + 0.7 * f));
  }

  /** Checks the session and that the actor reads its body's reports. */
  async compilationSession(actor: Actor, query: CompilationQuery) {
    const session = await this.repository.session(query.sessionId);
    if (!session) throw notFound(sessionNoun, query.sessionId);
    const body = await this.bodies.require(session.body_id);
    requireCoversBody(actor, reportReaders, body.path);
    return { session, body };
  }

  async compilation(
    actor: Actor,
    query: CompilationQuery,
    format: ReportFormat,
    progress: RenderProgress = noProgress,
  ): Promise<RenderedDocument> {
    const { session, body } = await this.compilationSession(actor, query);
    const outcomes = (await this.settings.ruleProfile(body.id)).settings.outcomeClasses;
    const outcomeLabel = (code: string) => {
      const found = outcomes.find((o) => o.code === code);
      return found ? `${found.code}类（${found.label}）` : `${code}类`;
    };
    const total = await this.repository.compilationCount(session.id);
    const items: CompiledItem[] = [];
    for (let offset = 0; offset < total; offset += batchSize) {
      const rows = await this.repository.compilationItems(session.id, offset, batchSize);
      if (rows.length === 0) break;
      const ids = rows.map((r) => r.id);
      const [units, replies, signers] = await Promise.all([
        this.repository.unitsOf(ids),
        this.repository.sentReplies(ids),
        this.repository.coSigners(ids),
      ]);
      for (const row of rows)
        items.push({
          serialLabel: serialText(row),
          title: row.title,
          leadDeputyName: row.lead_deputy_name,
          coSignerNames: signers.filter((s) => s.suggestion_id === row.id).map((s) => s.name),
          categoryName: row.category_name,
          grounds: row.grounds,
          proposals: row.proposals,
          units: units
            .filter((u) => u.suggestion_id === row.id)
            .map((u) => ({ unitName: u.unit_name, role: u.role })),
          replies: replies
            .filter((r) => r.suggestion_id === row.id)
            .map((r) => ({
              unitName: r.unit_name,
              round: r.round,
              outcomeLabel: outcomeLabel(r.outcome_class),
              documentNo: r.document_no,
              body: r.body,
              sentAt: r.sent_at,
            })),
        });
      await progress((0.4 * items.length) / Math.max(total, 1));
    }
    const blocks: ReportBlock[] = [];
    if (items.length === 0) blocks.push({ type: 'paragraph', text: '本次会议没有立案的代表建议。' });
    else {
      blocks.push(contentsTable(items), { type: 'pageBreak' });
      for (const item of items) blocks.push(...itemBlocks(item));
    }
    const report: ReportDocument = {
      title: `${session.name}代表建议及答复汇编`,
      subtitle: `${body.name}\u3000${chineseDate(shanghaiDate(this.clock.now()))}`,
      author: body.name,
      fileStem: `${session.name}代表建议及答复汇编`,
      fallbackStem: 'compilation',
      blocks,
    };
    return this.render(report, format, async (f) => progress(0.4 + 0.6 * f));
  }

  /** Checks the unit exists and the actor may see its appraisal (its own users, or staff). */
  async unitAccess(actor: Actor, unitId: string, query: UnitReportQuery) {
    const unit = await this.repository.unitById(unitId);
    if (!unit) throw notFound(unitNoun, unitId);
    const detail = await this.appraisal.unit(actor, unitId, { bodyId: unit.body_id, ...query });
    return { unit, detail };
  }

  async unit(
    actor: Actor,
    unitId: string,
    query: UnitReportQuery,
    format: ReportFormat,
    progress: RenderProgress = noProgress,
  ): Promise<RenderedDocument> {
    const { unit, detail } = await this.unitAccess(actor, unitId, query);
    const body = await this.bodies.require(unit.body_id);
    const scope = detail.scope.sessionId
      ? { sessionId: detail.scope.sessionId }
      : { fromDay: `${detail.scope.year ?? 0}-01-01`, toDay: `${(detail.scope.year ?? 0) + 1}-01-01` };
    const [table, rows] = await Promise.all([
      this.stats.indicators(actor, {
        bodyId: body.id,
        includeLowerLevels: false,
        unitId,
        ...(detail.scope.sessionId
          ? { sessionId: detail.scope.sessionId }
          : { year: detail.scope.year ?? undefined }),
        groupBy: 'none',
      }),
      this.repository.unitItems(unitId, scope),
    ]);
    await progress(0.3);
    const report = unitReport({
      bodyName: body.name,
      unitName: unit.name,
      scopeText: appraisalScopeText(detail.scope),
      generatedOn: chineseDate(shanghaiDate(this.clock.now())),
      indicators: table.totals.indicators,
      appraisal: detail,
      items: rows.map((r) => ({
        serialLabel: serialText(r),
        title: r.title,
        role: (assignmentRoleLabels as Record<string, { zh: string } | undefined>)[r.role]?.zh ?? r.role,
        status: statusText(r.status),
        dueOn: r.reply_due_on,
        repliedOn: r.replied_at ? shanghaiDate(new Date(r.replied_at)) : '—',
      })),
    });
    return this.render(report, format, async (f) => progress(0.3 + 0.7 * f));
  }

  private async keyItems(body: BodyRow, year: number) {
    const rows = await this.repository.keySuggestions({ bodyPath: body.path, year });
    const ids = rows.map((r) => r.id);
    const [leaders, units] = await Promise.all([
      this.repository.leadersOf(ids),
      this.repository.unitsOf(ids),
    ]);
    return rows.map((r) => ({
      serialLabel: serialText(r),
      title: r.title,
      leadDeputy: r.lead_deputy_name,
      leaders:
        leaders
          .filter((l) => l.suggestion_id === r.id)
          .map((l) => `${l.name}（${l.kind === 'sponsor' ? '领办' : '督办'}）`)
          .join('、') || '—',
      units:
        units
          .filter((u) => u.suggestion_id === r.id && u.role !== 'co')
          .map((u) => u.unit_name)
          .join('、') || '—',
      status: statusText(r.status),
    }));
  }

  private async unsatisfiedItems(body: BodyRow, year: number) {
    const rows = await this.repository.unsatisfied({ bodyPath: body.path, year });
    const ids = [...new Set(rows.map((r) => r.id))];
    const units = await this.repository.unitsOf(ids);
    return ids.map((id) => {
      const ratings = rows.filter((r) => r.id === id);
      const first = ratings.find((r) => r.result === 'unsatisfied') ?? ratings[0];
      const final = ratings.find((r) => r.round === r.handling_round);
      const item = ratings[0];
      const outcome =
        item?.status === 'closed' && final
          ? `最终评价：${(ratingValueLabels as Record<string, { zh: string } | undefined>)[final.result]?.zh ?? final.result}`
          : statusText(item?.status ?? '');
      return {
        serialLabel: item ? serialText(item) : '—',
        title: item?.title ?? '',
        units:
          units
            .filter((u) => u.suggestion_id === id && u.role !== 'co')
            .map((u) => u.unit_name)
            .join('、') || '—',
        reason: first?.reason ?? '—',
        outcome,
      };
    });
  }

  private async render(
    report: ReportDocument,
    format: ReportFormat,
    progress: RenderProgress,
  ): Promise<RenderedDocument> {
    const body =
      format === 'pdf'
        ? await reportPdf(report, cjkFonts(this.fontDir), progress)
        : await reportDocx(report, progress);
    return {
      fileName: `${report.fileStem}.${format}`,
      fallbackName: `${report.fallbackStem}.${format}`,
      contentType: contentTypes[format],
      body,
    };
  }
}
