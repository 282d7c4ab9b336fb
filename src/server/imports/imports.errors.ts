import { DomainError } from '../platform/errors.js';
import type { ImportReport } from '../../shared/schemas/imports.js';

const fileField = (zh: string, en: string) => [
  { field: 'file', message: { zh: `「文件」${zh}`, en: `"File" ${en}` } },
];

export const importErrors = {
  notXlsx: () =>
    new DomainError(
      'validation',
      'import_not_xlsx',
      {
        zh: '上传的文件不是 Excel 工作簿（.xlsx）。请下载导入模板填写后上传；.xls 或 CSV 文件请先在 Excel 中另存为 .xlsx。',
        en: 'The upload is not an Excel workbook (.xlsx). Fill in the template; save .xls or CSV files as .xlsx first.',
      },
      fileField('不是 .xlsx 格式', 'is not an .xlsx file'),
    ),
  unreadable: (cause: unknown) =>
    new DomainError(
      'validation',
      'import_unreadable',
      {
        zh: '无法读取该 Excel 文件，文件可能已损坏。请用 Excel 打开后重新保存再上传。',
        en: 'The Excel file cannot be read; it may be damaged. Open and save it again in Excel.',
      },
      fileField('无法读取', 'cannot be read'),
      { reason: cause instanceof Error ? cause.message : String(cause) },
    ),
  missingColumns: (columns: string[]) =>
    new DomainError(
      'validation',
      'import_missing_columns',
      {
        zh: `第一个工作表缺少必需的列：${columns.join('、')}。请使用导入模板，第一行为列名。`,
        en: `The first sheet lacks required columns: ${columns.join(', ')}. Use the template; row 1 holds the headers.`,
      },
      fileField(`缺少列：${columns.join('、')}`, `lacks columns: ${columns.join(', ')}`),
    ),
  tooManyRows: (max: number) =>
    new DomainError(
      'payload_too_large',
      'import_too_many_rows',
      {
        zh: `一次最多导入 ${max.toLocaleString('en-US')} 行，请拆分文件后分批导入。`,
        en: `At most ${max.toLocaleString('en-US')} rows per import; split the file.`,
      },
      fileField('行数过多', 'has too many rows'),
    ),
  empty: () =>
    new DomainError(
      'validation',
      'import_empty',
      { zh: '文件中没有数据行。', en: 'The file holds no data rows.' },
      fileField('没有数据行', 'holds no data rows'),
    ),
  fileTooLarge: (maxBytes: number) => ({
    zh: `导入文件不能超过 ${maxBytes / 1024 / 1024} MB，请拆分后分批导入。`,
    en: `An import file must not exceed ${maxBytes / 1024 / 1024} MB; split it.`,
  }),
  /** 400 with the whole report: in all-or-nothing mode one bad row stops the import. */
  rejected: (report: ImportReport) =>
    new DomainError(
      'validation',
      'import_rejected',
      {
        zh: `共 ${report.totalRows} 行，其中 ${report.totalRows - report.validRows} 行有误，未导入任何数据。请按错误清单修改后重新上传。`,
        en: `${report.totalRows - report.validRows} of ${report.totalRows} rows are invalid; nothing was imported.`,
      },
      [],
      { ...report },
    ),
};
