import type { CjkFonts } from '../documents/fonts.js';
import {
  bottomOf,
  contentWidth,
  createPdf,
  ensureSpace,
  fittingPrefix,
  footers,
  mm,
} from '../documents/pdf.js';
import type { Pdf } from '../documents/pdf.js';
import type { ReportBlock, ReportDocument, RenderProgress } from './report.model.js';
import { noProgress } from './report.model.js';

/** 三号 narrowed to 28 characters a line, as in the reply letter (GB/T 9704). */
const bodySize = 15.75;
const bodyGap = 6.2;
const noteSize = 12;
/** 五号 in tables. */
const cellSize = 10.5;
const cellGap = 2;
const pad = 4;
const headerFill = '#EDEDED';
const black = '#000000';

function heading(doc: Pdf, text: string, level: 1 | 2): void {
  const left = doc.page.margins.left;
  doc.font(level === 1 ? 'sans' : 'serifBold').fontSize(bodySize);
  // Never the last line of a page: keep room for two lines of what follows.
  ensureSpace(doc, doc.currentLineHeight(true) * 3 + bodyGap * 3);
  doc.moveDown(level === 1 ? 0.4 : 0.2);
  doc.fillColor(black).text(text, left, doc.y, { width: contentWidth(doc), lineGap: bodyGap });
}

function paragraph(doc: Pdf, text: string, indent: boolean): void {
  doc.font('serif').fontSize(bodySize).fillColor(black);
  for (const line of text.split('\n'))
    doc.text(line, doc.page.margins.left, doc.y, {
      width: contentWidth(doc),
      lineGap: bodyGap,
      indent: indent ? 2 * bodySize : 0,
      align: 'justify',
    });
}

function note(doc: Pdf, text: string): void {
  doc.font('serif').fontSize(noteSize).fillColor('#333333');
  doc.text(text, doc.page.margins.left, doc.y, { width: contentWidth(doc), lineGap: 3 });
  doc.fillColor(black);
}

function caption(doc: Pdf, text: string): void {
  doc
    .font('sans')
    .fontSize(cellSize + 1)
    .fillColor(black);
  doc.moveDown(0.3);
  doc.text(text, doc.page.margins.left, doc.y, { width: contentWidth(doc), align: 'center' });
  doc.moveDown(0.2);
}

function drawRow(
  doc: Pdf,
  cells: string[],
  widths: number[],
  aligns: ('left' | 'center' | 'right')[],
  header: boolean,
): void {
  const left = doc.page.margins.left;
  doc.font(header ? 'sans' : 'serif').fontSize(cellSize);
  const line = doc.currentLineHeight(true) + cellGap;
  const fullPage = bottomOf(doc) - doc.page.margins.top - 2 * pad - line * 2;
  // A cell longer than a page is cut (tables hold short facts; long texts are paragraphs).
  const texts = cells.map((text, i) => {
    const width = (widths[i] ?? 0) - 2 * pad;
    if (doc.heightOfString(text || ' ', { width, lineGap: cellGap }) <= fullPage) return text;
    return `${text.slice(0, fittingPrefix(doc, text, width, fullPage - line, cellGap))}…`;
  });
  const height =
    Math.max(
      ...texts.map((text, i) =>
        doc.heightOfString(text || ' ', { width: (widths[i] ?? 0) - 2 * pad, lineGap: cellGap }),
      ),
    ) +
    2 * pad;
  const y = doc.y;
  let x = left;
  texts.forEach((text, i) => {
    const width = widths[i] ?? 0;
    doc.save().lineWidth(0.6).strokeColor(black);
    if (header) doc.rect(x, y, width, height).fillAndStroke(headerFill, black);
    else doc.rect(x, y, width, height).stroke();
    doc.restore();
    doc.fillColor(black).text(text, x + pad, y + pad, {
      width: width - 2 * pad,
      lineGap: cellGap,
      align: header ? 'center' : aligns[i],
    });
    x += width;
  });
  doc.x = left;
  doc.y = y + height;
}

function rowHeight(doc: Pdf, cells: string[], widths: number[], header: boolean): number {
  doc.font(header ? 'sans' : 'serif').fontSize(cellSize);
  return (
    Math.max(
      ...cells.map((text, i) =>
        doc.heightOfString(text || ' ', { width: (widths[i] ?? 0) - 2 * pad, lineGap: cellGap }),
      ),
    ) +
    2 * pad
  );
}

/** A ruled table; its header row repeats on every page it spans. */
function table(doc: Pdf, block: Extract<ReportBlock, { type: 'table' }>): void {
  const total = block.columns.reduce((sum, c) => sum + c.width, 0);
  const widths = block.columns.map((c) => (contentWidth(doc) * c.width) / total);
  const aligns = block.columns.map((c) => c.align ?? 'left');
  const titles = block.columns.map((c) => c.title);
  const headerHeight = rowHeight(doc, titles, widths, true);
  const firstRow = block.rows[0];
  ensureSpace(doc, headerHeight + (firstRow ? rowHeight(doc, firstRow, widths, false) : 0) + 30);
  if (block.caption) caption(doc, block.caption);
  drawRow(doc, titles, widths, aligns, true);
  for (const row of block.rows) {
    const height = Math.min(
      rowHeight(doc, row, widths, false),
      bottomOf(doc) - doc.page.margins.top - headerHeight,
    );
    if (doc.y + height > bottomOf(doc)) {
      doc.addPage();
      drawRow(doc, titles, widths, aligns, true);
    }
    drawRow(doc, row, widths, aligns, false);
  }
  doc.moveDown(0.5);
}

function chart(doc: Pdf, block: Extract<ReportBlock, { type: 'chart' }>): void {
  const width = Math.min(contentWidth(doc), block.image.width * 0.75);
  const height = (block.image.height * width) / block.image.width;
  ensureSpace(doc, height + 40);
  const x = doc.page.margins.left + (contentWidth(doc) - width) / 2;
  doc.image(block.image.png, x, doc.y, { width, height });
  doc.y += height;
  caption(doc, block.caption);
}

/**
 * A report as an A4 PDF in the official layout: title in Noto Serif CJK Bold (小标宋-like), body
 * in Noto Serif CJK (仿宋-like), 黑体-like first-level headings, 「— 1 —」 page numbers.
 */
export async function reportPdf(
  report: ReportDocument,
  fonts: CjkFonts,
  progress: RenderProgress = noProgress,
): Promise<Buffer> {
  const { doc, done } = createPdf(
    fonts,
    { top: mm(32), bottom: mm(30), left: mm(28), right: mm(26) },
    { title: report.title, author: report.author },
  );
  const left = doc.page.margins.left;
  doc.font('serifBold').fontSize(22).fillColor(black);
  doc.text(report.title, left, doc.y, { width: contentWidth(doc), align: 'center', lineGap: 8 });
  doc.moveDown(0.4);
  doc
    .font('serif')
    .fontSize(bodySize)
    .text(report.subtitle, left, doc.y, { width: contentWidth(doc), align: 'center' });
  doc.moveDown(0.8);
  const count = report.blocks.length;
  for (const [index, block] of report.blocks.entries()) {
    switch (block.type) {
      case 'heading':
        heading(doc, block.text, block.level);
        break;
      case 'paragraph':
        paragraph(doc, block.text, block.indent ?? true);
        break;
      case 'note':
        note(doc, block.text);
        break;
      case 'table':
        table(doc, block);
        break;
      case 'chart':
        chart(doc, block);
        break;
      case 'pageBreak':
        doc.addPage();
        break;
    }
    if (index % 20 === 19) await progress((index + 1) / count);
  }
  footers(doc, (page) => `— ${page} —`, 14);
  doc.end();
  return done;
}
