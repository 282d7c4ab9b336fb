import ExcelJS from 'exceljs';
import type { IndicatorRow, IndicatorTable } from '../../shared/schemas/stats.js';
import { groupByLabels } from '../../shared/schemas/stats.js';
import {
  averageDaysDefinition,
  countDefinitions,
  countKeys,
  definitionText,
  rateDefinitions,
  rateKeys,
} from '../../shared/stats-definitions.js';

/** The indicator table as a workbook: one row per group, then the totals; definitions on sheet 2. */
export async function indicatorWorkbook(table: IndicatorTable, title: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Minyi';
  const sheet = workbook.addWorksheet('指标');
  const headers = [
    groupByLabels[table.groupBy].zh,
    ...rateKeys.map((key) => `${rateDefinitions[key].label.zh}（%）`),
    averageDaysDefinition.label.zh,
    ...countKeys.map((key) => countDefinitions[key].label.zh),
  ];
  sheet.addRow([title]).font = { bold: true, size: 14 };
  sheet.addRow([`统计日期 ${table.asOf}；比率保留一位小数，分母为 0 时显示「—」`]);
  const header = sheet.addRow(headers);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle' };
  // Each header carries its definition as a note, the same text as the web's hover.
  rateKeys.forEach((key, i) => {
    header.getCell(i + 2).note = definitionText(rateDefinitions[key]);
  });
  header.getCell(rateKeys.length + 2).note = definitionText(averageDaysDefinition);
  countKeys.forEach((key, i) => {
    header.getCell(rateKeys.length + 3 + i).note = definitionText(countDefinitions[key]);
  });
  const line = (row: IndicatorRow) => [
    row.label,
    ...rateKeys.map((key) => row.indicators.rates[key].value ?? '—'),
    row.indicators.averageDaysToReply ?? '—',
    ...countKeys.map((key) => row.indicators.counts[key]),
  ];
  for (const row of table.rows) sheet.addRow(line(row));
  sheet.addRow(line(table.totals)).font = { bold: true };
  if (table.unitAverage)
    sheet.addRow(line({ key: 'average', label: '全部单位平均', indicators: table.unitAverage }));
  sheet.getColumn(1).width = 28;
  for (let i = 2; i <= headers.length; i++) sheet.getColumn(i).width = 12;
  sheet.views = [{ state: 'frozen', xSplit: 1, ySplit: 3 }];

  const notes = workbook.addWorksheet('指标说明');
  notes.addRow(['指标', '计算方法']).font = { bold: true };
  for (const key of rateKeys) notes.addRow([rateDefinitions[key].label.zh, rateDefinitions[key].text.zh]);
  notes.addRow([averageDaysDefinition.label.zh, averageDaysDefinition.text.zh]);
  for (const key of countKeys) notes.addRow([countDefinitions[key].label.zh, countDefinitions[key].text.zh]);
  notes.getColumn(1).width = 24;
  notes.getColumn(2).width = 100;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
