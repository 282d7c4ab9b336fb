import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import ExcelJS from 'exceljs';
import { DomainError } from '../platform/errors.js';
import { importErrors } from './imports.errors.js';

/** One data row: trimmed text per known column, blanks left out. */
export type SheetCells = Record<string, string | undefined>;

/** The sheet the template adds for explanations; never read as data. */
export const notesSheetName = '填写说明';

const zipMagic = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/**
 * An .xlsx is a zip holding `[Content_Types].xml` and `xl/workbook.xml`. Entry names are stored
 * uncompressed, so this tells an .xlsx from an .xls, a CSV or a renamed file without unpacking.
 */
export function assertXlsx(data: Buffer): void {
  const isZip = data.length > zipMagic.length && data.subarray(0, 4).equals(zipMagic);
  if (!isZip || !data.includes('[Content_Types].xml') || !data.includes('xl/workbook.xml'))
    throw importErrors.notXlsx();
}

/** Cell text as a person typed it: numbers without exponent, links and formulas by their text. */
export function cellText(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  let text: string;
  if (typeof value === 'string') text = value;
  else if (typeof value === 'number') text = Number.isInteger(value) ? value.toFixed(0) : String(value);
  else if (typeof value === 'boolean') text = value ? '是' : '否';
  else if (value instanceof Date) text = value.toISOString().slice(0, 10);
  else if (typeof value === 'object' && 'richText' in value && Array.isArray(value.richText))
    text = value.richText.map((run: { text?: unknown }) => String(run.text ?? '')).join('');
  else if (typeof value === 'object' && 'text' in value) return cellText(value.text);
  else if (typeof value === 'object' && 'result' in value) return cellText(value.result);
  else if (typeof value === 'object' && 'error' in value) text = String(value.error);
  else return undefined;
  const trimmed = text.replace(/\u00a0/g, ' ').trim();
  return trimmed === '' ? undefined : trimmed;
}

/** Header text without the marks people add to required columns (姓名*, 姓名（必填）). */
function headerText(value: unknown): string {
  return (cellText(value) ?? '').replace(/[*＊\s]/g, '').replace(/[（(]必填[)）]$/, '');
}

/** The ExcelJS 4.4 WorkbookReader internals that receive each zip entry's bytes. */
interface EntryParsers {
  _parseWorkbook(entry: NodeJS.ReadableStream): Promise<void>;
  _parseSharedStrings(entry: NodeJS.ReadableStream): AsyncGenerator<unknown>;
  _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string): Generator<unknown>;
}

async function* utf8Chunks(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const chunk of chunks) yield typeof chunk === 'string' ? chunk : decoder.write(chunk);
  const rest = decoder.end();
  if (rest) yield rest;
}

/**
 * ExcelJS 4.4's streaming reader decodes every chunk of an entry on its own, so a Chinese
 * character split across two chunks turns into U+FFFD (seen on every few thousand rows). Its XML
 * parser passes strings through untouched, so each entry is decoded here with a StringDecoder,
 * which keeps split characters whole. Fails loudly if an ExcelJS upgrade renames these methods.
 */
function decodeEntriesAsUtf8(reader: object): void {
  const parsers = reader as Partial<EntryParsers>;
  const { _parseWorkbook, _parseSharedStrings, _parseWorksheet } = parsers;
  if (
    typeof _parseWorkbook !== 'function' ||
    typeof _parseSharedStrings !== 'function' ||
    typeof _parseWorksheet !== 'function'
  )
    throw new Error('ExcelJS WorkbookReader internals changed: review decodeEntriesAsUtf8');
  parsers._parseWorkbook = (entry) => _parseWorkbook.call(reader, entry.setEncoding('utf8'));
  parsers._parseSharedStrings = (entry) => _parseSharedStrings.call(reader, entry.setEncoding('utf8'));
  parsers._parseWorksheet = (iterator, sheetNo) =>
    _parseWorksheet.call(reader, utf8Chunks(iterator), sheetNo);
}

export interface SheetShape {
  columns: readonly string[];
  required: readonly string[];
  maxRows: number;
}

/**
 * Streams the first data sheet of an .xlsx (ExcelJS WorkbookReader: rows are never all held as
 * cell objects) and hands each non-blank row after the header to `onRow` with its Excel row
 * number. Returns the number of data rows.
 */
export async function readSheet(
  data: Buffer,
  shape: SheetShape,
  onRow: (rowNumber: number, cells: SheetCells) => void,
): Promise<number> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(data), {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  decodeEntriesAsUtf8(reader);
  let dataSheetSeen = false;
  let rows = 0;
  try {
    for await (const worksheet of reader) {
      const isData = !dataSheetSeen && (worksheet as unknown as { name?: string }).name !== notesSheetName;
      if (isData) dataSheetSeen = true;
      let positions: [string, number][] | null = null;
      // Every sheet is read to its end: the zip stream only moves on once an entry is drained.
      for await (const row of worksheet) {
        if (!isData) continue;
        if (positions === null) {
          const found = new Map<string, number>();
          row.eachCell((cell, column) => {
            const header = headerText(cell.value);
            if (shape.columns.includes(header) && !found.has(header)) found.set(header, column);
          });
          if (found.size === 0) continue;
          const missing = shape.required.filter((column) => !found.has(column));
          if (missing.length > 0) throw importErrors.missingColumns(missing);
          positions = [...found.entries()];
          continue;
        }
        const cells: SheetCells = {};
        let blank = true;
        for (const [header, column] of positions) {
          const text = cellText(row.getCell(column).value);
          if (text !== undefined) blank = false;
          cells[header] = text;
        }
        if (blank) continue;
        rows += 1;
        if (rows > shape.maxRows) throw importErrors.tooManyRows(shape.maxRows);
        onRow(row.number, cells);
      }
      if (isData && positions === null) throw importErrors.missingColumns([...shape.required]);
    }
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw importErrors.unreadable(error);
  }
  if (!dataSheetSeen) throw importErrors.missingColumns([...shape.required]);
  return rows;
}
