import type { CjkFonts } from './fonts.js';
import type { RecordSheet } from './record.sheet.js';
import { bottomOf, contentWidth, createPdf, ensureSpace, fittingPrefix, footers, mm } from './pdf.js';
import type { Pdf } from './pdf.js';

const size = 11;
const gap = 3;
const pad = 5;
const labelWidth = 112;
const headingFill = '#EDEDED';
const rule = '#000000';

function cell(doc: Pdf, x: number, y: number, width: number, height: number, fill?: string): void {
  doc.save().lineWidth(0.6).strokeColor(rule);
  if (fill) doc.rect(x, y, width, height).fillAndStroke(fill, rule);
  else doc.rect(x, y, width, height).stroke();
  doc.restore();
}

function heading(doc: Pdf, text: string): void {
  const left = doc.page.margins.left;
  doc.font('sans').fontSize(size + 1);
  const height = doc.currentLineHeight(true) + 2 * pad;
  // A heading never ends a page: keep room for it and one line of its first row.
  ensureSpace(doc, height + doc.currentLineHeight(true) * 2 + 2 * pad);
  const y = doc.y;
  cell(doc, left, y, contentWidth(doc), height, headingFill);
  doc
    .fillColor('#000000')
    .text(text, left + pad, y + pad, { width: contentWidth(doc) - 2 * pad, lineBreak: false });
  doc.x = left;
  doc.y = y + height;
}

/** One label/text row; a text too long for the page continues on the next with the label 「（续）」. */
function row(doc: Pdf, label: string, text: string, minHeight = 0): void {
  const left = doc.page.margins.left;
  const textWidth = contentWidth(doc) - labelWidth - 2 * pad;
  const hasLabel = label.length > 0;
  const textX = hasLabel ? left + labelWidth + pad : left + pad;
  const width = hasLabel ? textWidth : contentWidth(doc) - 2 * pad;
  let rest = text;
  let first = true;
  for (;;) {
    doc.font('serif').fontSize(size);
    const line = doc.currentLineHeight(true) + gap;
    const available = bottomOf(doc) - doc.y - 2 * pad - 2;
    const full = doc.heightOfString(rest || ' ', { width, lineGap: gap });
    const labelHeight = hasLabel
      ? doc.heightOfString(label, { width: labelWidth - 2 * pad, lineGap: gap })
      : 0;
    const needed = Math.max(full, labelHeight, minHeight);
    let part = rest;
    const fullPage = bottomOf(doc) - doc.page.margins.top - 2 * pad - 2;
    // A row that fits a fresh page moves there whole; only a longer one is split.
    if (needed > available && needed <= fullPage && doc.y > doc.page.margins.top) {
      doc.addPage();
      continue;
    }
    if (needed > available) {
      const cut = available >= line * 2 ? fittingPrefix(doc, rest, width, available, gap) : 0;
      if (cut === 0 || labelHeight > available) {
        doc.addPage();
        continue;
      }
      part = rest.slice(0, cut);
    }
    const height =
      Math.max(doc.heightOfString(part || ' ', { width, lineGap: gap }), labelHeight, minHeight) + 2 * pad;
    const y = doc.y;
    if (hasLabel) {
      cell(doc, left, y, labelWidth, height);
      cell(doc, left + labelWidth, y, contentWidth(doc) - labelWidth, height);
      doc.text(first ? label : '（续）', left + pad, y + pad, { width: labelWidth - 2 * pad, lineGap: gap });
    } else cell(doc, left, y, contentWidth(doc), height);
    doc.text(part, textX, y + pad, { width, lineGap: gap });
    doc.x = left;
    doc.y = y + height;
    rest = rest.slice(part.length).replace(/^\n/, '');
    if (rest.length === 0) return;
    first = false;
    doc.addPage();
  }
}

/** The handling record (全程纪实表) as a ruled A4 form. */
export async function recordPdf(sheet: RecordSheet, fonts: CjkFonts, generatedOn: string): Promise<Buffer> {
  const { doc, done } = createPdf(
    fonts,
    { top: mm(25), bottom: mm(22), left: mm(22), right: mm(22) },
    { title: sheet.title, author: '民意 Minyi' },
  );
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  doc.font('serifBold').fontSize(22).text(sheet.title, left, doc.y, { width, align: 'center', lineGap: 4 });
  doc.moveDown(0.3);
  doc.font('serif').fontSize(size + 1);
  const y = doc.y;
  doc.text(sheet.subtitle, left, y, { width: width / 2, lineBreak: false });
  doc.text(sheet.statusLine, left + width / 2, y, { width: width / 2, align: 'right', lineBreak: false });
  doc.x = left;
  doc.y = y + doc.currentLineHeight(true) + mm(2);
  for (const section of sheet.sections) {
    heading(doc, section.heading);
    for (const entry of section.rows) row(doc, entry.label, entry.text);
  }
  heading(doc, '签字确认');
  for (const signature of sheet.signatures) {
    const text = signature.name
      ? `${signature.name}\u3000\u3000${signature.date}${signature.note ? `\n意见：${signature.note}` : ''}`
      : '';
    // Room for a hand signature when the record is printed unsigned.
    row(doc, signature.label, text, 34);
  }
  footers(doc, (page, count) => `${generatedOn}由民意系统生成\u3000第 ${page} 页，共 ${count} 页`, 9);
  doc.end();
  return done;
}
