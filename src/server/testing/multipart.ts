import crypto from 'node:crypto';
import ExcelJS from 'exceljs';

/** A multipart/form-data body with one file part, for `app.inject` uploads. */
export function multipartFile(
  fileName: string,
  data: Buffer,
  contentType = 'application/octet-stream',
  fieldName = 'file',
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----minyi${crypto.randomBytes(8).toString('hex')}`;
  const head =
    `--${boundary}\r\n` +
    `Content-Disposition: form-data; name="${fieldName}"; filename="${fileName}"\r\n` +
    `Content-Type: ${contentType}\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), data, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** An .xlsx with a header row and data rows on its first sheet. */
export async function buildXlsx(headers: string[], rows: (string | number | null)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('数据');
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The rows of the first sheet of an .xlsx as text (header row first). */
export async function readXlsx(data: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as ExcelJS.Buffer);
  const sheet = workbook.worksheets[0];
  const rows: string[][] = [];
  const width = sheet?.columnCount ?? 0;
  sheet?.eachRow((row) => {
    // Padded to the sheet's width: trailing blank cells are not stored in the file.
    const values = Array.from({ length: width }, () => '');
    row.eachCell((cell, column) => {
      values[column - 1] = cell.value === null || cell.value === undefined ? '' : String(cell.value);
    });
    rows.push(values);
  });
  return rows;
}
