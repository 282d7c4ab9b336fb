import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { appraisalCriterionLabels, appraisalCriterionValues } from '../../shared/schemas/appraisal.js';
import type { AppraisalRun } from './appraisal.service.js';

/** The appraisal's scope in words: 「第…次会议」 or 「2025年度」. */
export function appraisalScopeText(scope: AppraisalRun['scope']): string {
  return scope.sessionName ?? `${scope.year ?? ''}年度`;
}

/**
 * The appraisal as a workbook for the government's performance appraisal (绩效考核): the ranking
 * with each criterion's points, and every deduction item by item. Streamed.
 */
export async function writeAppraisalXlsx(run: AppraisalRun, out: Writable): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const ranking = workbook.addWorksheet('考评得分', { views: [{ state: 'frozen', ySplit: 2 }] });
  ranking.columns = [
    { width: 8 },
    { width: 28 },
    { width: 10 },
    { width: 10 },
    ...appraisalCriterionValues.map(() => ({ width: 16 })),
  ];
  const title = ranking.addRow([
    `${run.scope.bodyName}建议办理承办单位考评（${appraisalScopeText(run.scope)}，截至 ${run.scope.asOf}）`,
  ]);
  title.font = { bold: true, size: 14 };
  title.commit();
  const header = ranking.addRow([
    '名次',
    '承办单位',
    '总分',
    '办理件数',
    ...appraisalCriterionValues.map(
      (c) => `${appraisalCriterionLabels[c].zh}（${run.settings[c].weight}分）`,
    ),
  ]);
  header.font = { bold: true };
  header.commit();
  for (const { unit } of run.units)
    ranking
      .addRow([
        unit.rank,
        unit.unitName,
        unit.score,
        unit.assignmentCount,
        ...unit.criteria.map((c) => c.points),
      ])
      .commit();
  ranking.commit();

  const items = workbook.addWorksheet('扣分明细', { views: [{ state: 'frozen', ySplit: 1 }] });
  items.columns = [
    { header: '承办单位', width: 28 },
    { header: '考评项目', width: 16 },
    { header: '建议编号', width: 12 },
    { header: '案由', width: 44 },
    { header: '扣分原因', width: 52 },
    { header: '扣分', width: 8 },
  ];
  items.getRow(1).font = { bold: true };
  items.getRow(1).commit();
  for (const { unit, deductions } of run.units)
    for (const d of deductions)
      items
        .addRow([
          unit.unitName,
          appraisalCriterionLabels[d.criterion].zh,
          d.serialLabel,
          d.title,
          d.reason,
          d.points,
        ])
        .commit();
  items.commit();
  await workbook.commit();
}
