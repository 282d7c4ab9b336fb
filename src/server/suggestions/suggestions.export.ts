import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Actor } from '../auth/actor.js';
import type { Clock } from '../platform/clock.js';
import { shanghaiDate } from '../platform/clock.js';
import type { PreparedExport } from '../imports/exports.service.js';
import {
  assignmentRoleLabels,
  suggestionKindLabels,
  suggestionStatusLabels,
} from '../../shared/schemas/suggestions.js';
import type { SuggestionSummary } from '../../shared/schemas/suggestions.js';
import type { SuggestionExportQuery } from '../../shared/schemas/suggestion-files.js';
import type { SuggestionsService } from './suggestions.service.js';

/** Items read per query while streaming: bounded memory whatever the size of the list. */
const batchSize = 500;

const columns: { header: string; width: number }[] = [
  { header: '编号', width: 14 },
  { header: '案由', width: 48 },
  { header: '领衔代表', width: 12 },
  { header: '联名人数', width: 10 },
  { header: '分类', width: 14 },
  { header: '状态', width: 12 },
  { header: '承办单位（主办/协办/分办）', width: 44 },
  { header: '答复期限', width: 12 },
  { header: '是否逾期', width: 10 },
  { header: '提交时间', width: 18 },
];
export const suggestionExportHeaders = columns.map((c) => c.header);

const shanghaiMinute = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

function row(item: SuggestionSummary): (string | number | null)[] {
  return [
    item.serialLabel,
    item.title,
    item.leadDeputyName,
    item.signerCount,
    item.categoryName,
    suggestionStatusLabels[item.status].zh,
    item.units.map((u) => `${u.unitName}（${assignmentRoleLabels[u.role].zh}）`).join('；') || null,
    item.nearestDueOn,
    item.overdue ? '是' : '否',
    item.submittedAt ? shanghaiMinute.format(new Date(item.submittedAt)) : null,
  ];
}

type Page = Awaited<ReturnType<SuggestionsService['list']>>;

/**
 * Any suggestion list as a streamed .xlsx: the same query and the same scope as
 * `GET /suggestions` (it pages through `SuggestionsService.list`), so an export never shows an
 * item the list would not.
 */
export class SuggestionExportService {
  constructor(
    private readonly suggestions: SuggestionsService,
    private readonly clock: Clock,
  ) {}

  /** Reads the first batch before anything is sent, so a bad query is an ordinary problem response. */
  async prepare(actor: Actor, query: SuggestionExportQuery): Promise<PreparedExport> {
    const first = await this.page(actor, query, 1);
    const noun = query.kind ? suggestionKindLabels[query.kind].zh : '建议';
    return {
      fileName: `${noun}列表-${shanghaiDate(this.clock.now())}.xlsx`,
      write: (out) => this.write(actor, query, first, out),
    };
  }

  private async page(actor: Actor, query: SuggestionExportQuery, page: number): Promise<Page> {
    return this.suggestions.list(actor, { ...query, page, pageSize: batchSize });
  }

  private async write(actor: Actor, query: SuggestionExportQuery, first: Page, out: Writable) {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: out,
      useStyles: true,
      useSharedStrings: false,
    });
    const sheet = workbook.addWorksheet('建议列表', { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = columns;
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).commit();
    // Pages are by offset: an item created meanwhile shifts the rest by one, so skip repeats.
    const written = new Set<string>();
    let current = first;
    for (let page = 1; ;) {
      for (const item of current.items) {
        if (written.has(item.id)) continue;
        written.add(item.id);
        sheet.addRow(row(item)).commit();
      }
      if (current.items.length < batchSize) break;
      page += 1;
      current = await this.page(actor, query, page);
    }
    sheet.commit();
    await workbook.commit();
  }
}
