import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildXlsx } from '../testing/multipart.js';
import { DomainError } from '../platform/errors.js';
import { assertXlsx, cellText, readSheet } from './xlsx-reader.js';
import type { SheetCells } from './xlsx-reader.js';

const shape = { columns: ['姓名', '性别', '职业'], required: ['姓名', '性别'], maxRows: 100_000 };

async function read(data: Buffer, maxRows = shape.maxRows) {
  const rows: [number, SheetCells][] = [];
  const total = await readSheet(data, { ...shape, maxRows }, (row, cells) => rows.push([row, cells]));
  return { total, rows };
}

/** A streamed workbook: inline strings, the layout that ExcelJS exports (and the bench) write. */
async function streamedXlsx(rows: string[][]): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false });
  const sheet = workbook.addWorksheet('代表');
  for (const row of rows) sheet.addRow(row).commit();
  sheet.commit();
  await workbook.commit();
  return Buffer.concat(chunks);
}

describe('xlsx reader', () => {
  it('reads cells as typed text: numbers, links, formulas, rich text; skips blank rows', async () => {
    expect(cellText(13800000000)).toBe('13800000000');
    expect(cellText(1975)).toBe('1975');
    expect(cellText({ text: 'a@b.cn', hyperlink: 'mailto:a@b.cn' })).toBe('a@b.cn');
    expect(cellText({ formula: 'A1', result: 16 })).toBe('16');
    expect(cellText({ richText: [{ text: '张' }, { text: '三' }] })).toBe('张三');
    expect(cellText('  \u00a0 ')).toBeUndefined();

    const data = await buildXlsx(
      ['职业', '姓名*', '性别（必填）', '备注'],
      [
        ['教师', ' 张三 ', '男', 'x'],
        [null, null, null, null],
        [null, '李四', '女', null],
      ],
    );
    expect(await read(data)).toEqual({
      total: 2,
      rows: [
        [2, { 职业: '教师', 姓名: '张三', 性别: '男' }],
        [4, { 职业: undefined, 姓名: '李四', 性别: '女' }],
      ],
    });
  });

  it('refuses non-xlsx bytes, missing required columns and too many rows', async () => {
    expect(() => assertXlsx(Buffer.from('PK\x03\x04 just a zip'))).toThrow(DomainError);
    expect(() => assertXlsx(Buffer.from('姓名,性别'))).toThrow(/not an Excel workbook/);
    await expect(read(await buildXlsx(['姓名', '职业'], [['张三', '教师']]))).rejects.toMatchObject({
      code: 'import_missing_columns',
    });
    const many = await buildXlsx(
      ['姓名', '性别'],
      [
        ['a', '男'],
        ['b', '男'],
        ['c', '男'],
      ],
    );
    await expect(read(many, 2)).rejects.toMatchObject({ code: 'import_too_many_rows' });
  });

  it('keeps Chinese characters whole across stream chunk boundaries', async () => {
    const rows = Array.from({ length: 6000 }, (_, i) => [
      `代表姓名${i}号`,
      i % 2 ? '男' : '女',
      '人民教师和乡村医生',
    ]);
    for (const data of [await streamedXlsx([shape.columns, ...rows]), await buildXlsx(shape.columns, rows)]) {
      const result = await read(data);
      expect(result.total).toBe(6000);
      const broken = result.rows.filter(([, cells]) =>
        Object.values(cells).some((v) => v?.includes('\ufffd')),
      );
      expect(broken).toEqual([]);
      expect(result.rows[5999]?.[1]).toEqual({
        姓名: '代表姓名5999号',
        性别: '男',
        职业: '人民教师和乡村医生',
      });
    }
  });
});
