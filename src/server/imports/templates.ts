import ExcelJS from 'exceljs';
import { importColumns, importKindLabels, importMaxRows } from '../../shared/schemas/imports.js';
import type {
  ImportKind,
  deputySheetSchema,
  unitSheetSchema,
  userSheetSchema,
} from '../../shared/schemas/imports.js';
import { roleLabels, roleValues } from '../../shared/schemas/roles.js';
import { unitKindLabels } from '../../shared/schemas/units.js';
import { notesSheetName } from './xlsx-reader.js';

interface ColumnNote {
  required?: boolean;
  note: string;
  example: string;
  width?: number;
}

const privateNote = '个人联系方式，仅代表本人及其所在人大的管理员、代表工委工作人员可见';

// Keyed by the schemas' columns, so a column added to a schema without a note fails to compile.
const deputyNotes: Record<keyof typeof deputySheetSchema.shape, ColumnNote> = {
  姓名: { required: true, note: '不超过 40 个字', example: '张三' },
  性别: { required: true, note: '男 或 女', example: '男', width: 8 },
  民族: { note: '如 汉族、回族；不超过 20 个字', example: '汉族', width: 10 },
  出生年份: { note: '四位数字，如 1975；代表须年满十八周岁', example: '1975', width: 10 },
  职业: { note: '不超过 100 个字', example: '中学教师', width: 20 },
  手机: { note: `${privateNote}；数字、空格、+、-`, example: '13800000000', width: 16 },
  电子邮箱: { note: privateNote, example: 'zhangsan@example.com', width: 24 },
  通讯地址: { note: `${privateNote}；不超过 200 个字`, example: '城关镇人民路 1 号', width: 30 },
  届次: {
    required: true,
    note: '本人大机关的届次，如 16 或 第十六届；须已在系统中添加',
    example: '16',
    width: 8,
  },
  代表团: { note: '该届已有的代表团名称（可空）', example: '城关镇代表团', width: 16 },
  代表小组: { note: '本人大已有的代表小组名称（可空）', example: '第一代表小组', width: 16 },
  选区: { note: '不超过 100 个字（可空）', example: '第一选区', width: 14 },
  登录账号: {
    note: '可空。填写则为代表新建账号（角色：人大代表），初始密码在导入结果中只显示一次，首次登录须修改；3-40 位字母、数字、下划线、点或连字符。导出时此列留空',
    example: 'zhangsan',
  },
};

const unitNotes: Record<keyof typeof unitSheetSchema.shape, ColumnNote> = {
  单位名称: { required: true, note: '2-60 个字，本人大内不能重复', example: '县教育局', width: 24 },
  简称: { note: '不超过 20 个字', example: '教育局' },
  单位类型: {
    required: true,
    note: `以下之一：${Object.values(unitKindLabels)
      .map((l) => l.zh)
      .join('、')}`,
    example: unitKindLabels.government_department.zh,
  },
  联系人: { note: '不超过 40 个字', example: '李四' },
  联系电话: { note: '不超过 30 个字', example: '0371-12345678', width: 16 },
  内设科室: { note: '多个科室用“；”分隔，每个不超过 60 个字', example: '办公室；基础教育股', width: 30 },
};

const userNotes: Record<keyof typeof userSheetSchema.shape, ColumnNote> = {
  用户名: {
    required: true,
    note: '3-40 位字母、数字、下划线、点或连字符，不能与已有账号重复',
    example: 'wangwu',
  },
  姓名: { required: true, note: '不超过 40 个字', example: '王五' },
  角色: {
    required: true,
    note: `以下之一，多个用“；”分隔：${roleValues.map((r) => roleLabels[r].zh).join('、')}`,
    example: roleLabels.unit_handler.zh,
    width: 18,
  },
  承办单位: { note: '承办单位经办人、负责人必填：本人大已有的承办单位名称', example: '县教育局', width: 20 },
  手机: { note: '不超过 20 个字符', example: '13900000000', width: 16 },
  电子邮箱: { note: '可空', example: 'wangwu@example.com', width: 24 },
};

export const columnNotes: Record<ImportKind, Record<string, ColumnNote>> = {
  deputies: deputyNotes,
  units: unitNotes,
  users: userNotes,
};

export function requiredColumns(kind: ImportKind): string[] {
  return importColumns[kind].filter((column) => columnNotes[kind][column]?.required === true);
}

export function columnWidths(kind: ImportKind): number[] {
  return importColumns[kind].map((column) => columnNotes[kind][column]?.width ?? 12);
}

const generalNotes = [
  '第一个工作表的第一行是列名，请勿修改或删除；列的顺序可以调整，多余的列会被忽略。',
  '从第二行起每行一条记录。示例行仅供参考，导入前请删除。',
  `一次最多导入 ${importMaxRows.toLocaleString('en-US')} 行，文件不超过 10 MB。`,
  '导入方式：“全部或不导入”（默认）只要有一行有误就不导入任何数据；“仅导入正确行”跳过有误的行。可先“试导入”检查。',
  '所有数据导入到上传时所选的人大机关。',
];

/** The template: a data sheet with the headers and one example row, and a sheet of notes. */
export async function buildTemplate(kind: ImportKind): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '民意 Minyi';
  const columns = importColumns[kind];
  const notes = columnNotes[kind];
  const sheet = workbook.addWorksheet(importKindLabels[kind].zh, { views: [{ state: 'frozen', ySplit: 1 }] });
  const widths = columnWidths(kind);
  sheet.columns = columns.map((header, index) => ({ header, key: header, width: widths[index] ?? 12 }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  columns.forEach((column, index) => {
    // Required columns in red, as the notes sheet explains.
    if (notes[column]?.required) header.getCell(index + 1).font = { bold: true, color: { argb: 'FFC00000' } };
  });
  sheet.addRow(columns.map((column) => notes[column]?.example ?? ''));
  // Text format, so phone numbers keep their leading zeros and are not turned into numbers.
  for (let index = 1; index <= columns.length; index += 1) sheet.getColumn(index).numFmt = '@';

  const help = workbook.addWorksheet(notesSheetName);
  help.columns = [
    { header: '列名', width: 14 },
    { header: '是否必填', width: 10 },
    { header: '说明', width: 90 },
    { header: '示例', width: 24 },
  ];
  help.getRow(1).font = { bold: true };
  for (const column of columns) {
    const note = notes[column];
    help.addRow([
      column,
      note?.required ? '必填（红色列名）' : '可空',
      note?.note ?? '',
      note?.example ?? '',
    ]);
  }
  help.addRow([]);
  for (const line of generalNotes) help.addRow(['', '', line]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
