import {
  AlignmentType,
  Document,
  ImageRun,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  VerticalAlign,
  WidthType,
} from 'docx';
import { a4, exactLine, faces, pageFooter, run, twips } from '../documents/docx-parts.js';
import type { ReportBlock, ReportDocument, RenderProgress } from './report.model.js';
import { noProgress } from './report.model.js';

const bodySize = 16;
const cellSize = 10.5;
const margins = { top: twips(32), bottom: twips(30), left: twips(28), right: twips(26) };
const textWidth = a4.width - margins.left - margins.right;
const cellMargins = { top: 60, bottom: 60, left: 80, right: 80 };
const alignments = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT };

function caption(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    keepNext: true,
    spacing: { before: 120, after: 80 },
    children: [run(text, faces.heading, cellSize + 1)],
  });
}

function cell(text: string, width: number, header: boolean, align: 'left' | 'center' | 'right') {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    margins: cellMargins,
    verticalAlign: VerticalAlign.CENTER,
    ...(header ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'EDEDED' } } : {}),
    children: text.split('\n').map(
      (line) =>
        new Paragraph({
          alignment: alignments[header ? 'center' : align],
          children: [run(line, header ? faces.heading : faces.song, cellSize)],
        }),
    ),
  });
}

function table(block: Extract<ReportBlock, { type: 'table' }>): (Paragraph | Table)[] {
  const total = block.columns.reduce((sum, c) => sum + c.width, 0);
  const widths = block.columns.map((c) => Math.floor((textWidth * c.width) / total));
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: block.columns.map((c, i) => cell(c.title, widths[i] ?? 0, true, 'center')),
  });
  const rows = block.rows.map(
    (row) =>
      new TableRow({
        cantSplit: true,
        children: row.map((text, i) => cell(text, widths[i] ?? 0, false, block.columns[i]?.align ?? 'left')),
      }),
  );
  return [
    ...(block.caption ? [caption(block.caption)] : []),
    new Table({
      width: { size: textWidth, type: WidthType.DXA },
      columnWidths: widths,
      rows: [header, ...rows],
    }),
    new Paragraph({ spacing: { after: 120 }, children: [] }),
  ];
}

function blockParts(block: ReportBlock): (Paragraph | Table)[] {
  switch (block.type) {
    case 'heading':
      return [
        new Paragraph({
          keepNext: true,
          spacing: { ...exactLine(28), before: block.level === 1 ? 120 : 0 },
          indent: { firstLine: 2 * bodySize * 20 },
          children: [
            block.level === 1
              ? run(block.text, faces.heading, bodySize)
              : run(block.text, faces.body, bodySize, { bold: true }),
          ],
        }),
      ];
    case 'paragraph':
      return block.text.split('\n').map(
        (line) =>
          new Paragraph({
            alignment: AlignmentType.JUSTIFIED,
            spacing: exactLine(28),
            indent: block.indent === false ? undefined : { firstLine: 2 * bodySize * 20 },
            children: [run(line, faces.body, bodySize)],
          }),
      );
    case 'note':
      return [
        new Paragraph({
          spacing: { after: 60 },
          children: [run(block.text, faces.body, 12, { color: '333333' })],
        }),
      ];
    case 'table':
      return table(block);
    case 'chart': {
      // Fit the page width (pixels at 96 dpi: 1 px = 15 twips).
      const width = Math.min(block.image.width, Math.floor(textWidth / 15));
      const height = Math.round((block.image.height * width) / block.image.width);
      return [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          keepNext: true,
          children: [new ImageRun({ type: 'png', data: block.image.png, transformation: { width, height } })],
        }),
        caption(block.caption),
      ];
    }
    case 'pageBreak':
      return [new Paragraph({ children: [new PageBreak()] })];
  }
}

/** A report as Word (.docx): GB/T 9704 faces (Word substitutes missing ones), 「— 1 —」 page numbers. */
export async function reportDocx(
  report: ReportDocument,
  progress: RenderProgress = noProgress,
): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 200 },
      children: [run(report.title, faces.title, 22)],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 360 },
      children: [run(report.subtitle, faces.body, bodySize)],
    }),
  ];
  const count = report.blocks.length;
  for (const [index, block] of report.blocks.entries()) {
    children.push(...blockParts(block));
    if (index % 50 === 49) await progress(((index + 1) / count) * 0.8);
  }
  const document = new Document({
    creator: '民意 Minyi',
    title: report.title,
    sections: [
      {
        properties: { page: { size: a4, margin: margins } },
        footers: { default: pageFooter(['— ', PageNumber.CURRENT, ' —'], 14) },
        children,
      },
    ],
  });
  const buffer = await Packer.toBuffer(document);
  await progress(1);
  return buffer;
}
