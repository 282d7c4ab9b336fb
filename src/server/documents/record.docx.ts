import {
  AlignmentType,
  Document,
  HeightRule,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  VerticalAlign,
  WidthType,
} from 'docx';
import type { RecordSheet } from './record.sheet.js';
import { a4, exactLine, faces, pageFooter, run, twips } from './docx-parts.js';

const size = 11;
const margin = twips(22);
const width = a4.width - 2 * margin;
const labelWidth = 2300;
const cellMargins = { top: 80, bottom: 80, left: 100, right: 100 };

function lines(text: string, face: string = faces.song): Paragraph[] {
  return text
    .split('\n')
    .map((line) => new Paragraph({ spacing: exactLine(17), children: [run(line, face, size)] }));
}

function headingRow(text: string): TableRow {
  return new TableRow({
    cantSplit: true,
    children: [
      new TableCell({
        columnSpan: 2,
        margins: cellMargins,
        shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'EDEDED' },
        // Keep the heading on the page of its first row.
        children: [new Paragraph({ keepNext: true, children: [run(text, faces.heading, size + 1)] })],
      }),
    ],
  });
}

function row(label: string, text: string, minHeight?: number): TableRow {
  const height = minHeight ? { height: { value: minHeight, rule: HeightRule.ATLEAST } } : {};
  if (!label)
    return new TableRow({
      ...height,
      children: [new TableCell({ columnSpan: 2, margins: cellMargins, children: lines(text) })],
    });
  return new TableRow({
    ...height,
    children: [
      new TableCell({
        width: { size: labelWidth, type: WidthType.DXA },
        margins: cellMargins,
        verticalAlign: VerticalAlign.CENTER,
        children: lines(label),
      }),
      new TableCell({
        width: { size: width - labelWidth, type: WidthType.DXA },
        margins: cellMargins,
        children: lines(text),
      }),
    ],
  });
}

/** The handling record (全程纪实表) as a Word form: one ruled table, headings shaded. */
export async function recordDocx(sheet: RecordSheet, generatedOn: string): Promise<Buffer> {
  const rows: TableRow[] = [];
  for (const section of sheet.sections) {
    rows.push(headingRow(section.heading));
    for (const entry of section.rows) rows.push(row(entry.label, entry.text));
  }
  rows.push(headingRow('签字确认'));
  for (const s of sheet.signatures)
    rows.push(
      row(s.label, s.name ? `${s.name}\u3000\u3000${s.date}${s.note ? `\n意见：${s.note}` : ''}` : '', 700),
    );
  const document = new Document({
    creator: '民意 Minyi',
    title: sheet.title,
    sections: [
      {
        properties: {
          page: { size: a4, margin: { top: twips(25), bottom: twips(22), left: margin, right: margin } },
        },
        footers: {
          default: pageFooter(
            [
              `${generatedOn}由民意系统生成\u3000第 `,
              PageNumber.CURRENT,
              ' 页，共 ',
              PageNumber.TOTAL_PAGES,
              ' 页',
            ],
            9,
          ),
        },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 120 },
            children: [run(sheet.title, faces.title, 22)],
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 160 },
            children: [run(`${sheet.subtitle}\u3000\u3000${sheet.statusLine}`, faces.song, size + 1)],
          }),
          new Table({
            width: { size: width, type: WidthType.DXA },
            columnWidths: [labelWidth, width - labelWidth],
            rows,
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
