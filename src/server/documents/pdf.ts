import PDFDocument from 'pdfkit';
import type { CjkFonts } from './fonts.js';

/** Millimetres to PDF points. */
export const mm = (value: number): number => (value * 72) / 25.4;

export interface PdfMargins {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/**
 * An A4 document with the CJK faces registered as `serif`, `serifBold` and `sans`. pdfkit embeds
 * only the glyphs used (a subset), so a letter stays well under 100 KB.
 */
export function createPdf(fonts: CjkFonts, margins: PdfMargins, info: { title: string; author: string }) {
  const doc = new PDFDocument({
    size: 'A4',
    margins,
    bufferPages: true,
    lang: 'zh-CN',
    displayTitle: true,
    info: { Title: info.title, Author: info.author, Creator: '民意 Minyi' },
  });
  doc.registerFont('serif', fonts.serif.path, fonts.serif.postscriptName);
  doc.registerFont('serifBold', fonts.serifBold.path, fonts.serifBold.postscriptName);
  doc.registerFont('sans', fonts.sans.path, fonts.sans.postscriptName);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, done };
}

export type Pdf = ReturnType<typeof createPdf>['doc'];

/** The usable width between the margins. */
export function contentWidth(doc: Pdf): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

/** The lowest y text may reach on the current page. */
export function bottomOf(doc: Pdf): number {
  return doc.page.height - doc.page.margins.bottom;
}

/** Starts a new page unless `height` still fits below the cursor. */
export function ensureSpace(doc: Pdf, height: number): void {
  if (doc.y + height > bottomOf(doc)) doc.addPage();
}

/** Writes `text` at a fixed place in the page's bottom margin of every page (page numbers). */
export function footers(doc: Pdf, text: (page: number, count: number) => string, size = 10.5): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    // Writing inside the margin must not start a new page.
    doc.page.margins.bottom = 0;
    doc
      .font('serif')
      .fontSize(size)
      .fillColor('#000000')
      .text(text(i + 1, range.count), doc.page.margins.left, doc.page.height - bottom + mm(7), {
        width: contentWidth(doc),
        align: 'center',
        lineBreak: false,
      });
    doc.page.margins.bottom = bottom;
  }
}

/**
 * The longest prefix of `text` that fits `height` at `width` in the current font (binary search),
 * so a long cell can continue on the next page.
 */
export function fittingPrefix(
  doc: Pdf,
  text: string,
  width: number,
  height: number,
  lineGap: number,
): number {
  let low = 0;
  let high = text.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (doc.heightOfString(text.slice(0, middle), { width, lineGap }) <= height) low = middle;
    else high = middle - 1;
  }
  return low;
}
