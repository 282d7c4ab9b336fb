import type { CjkFonts } from './fonts.js';
import type { ReplyLetter } from './letter.js';
import { bottomOf, contentWidth, createPdf, ensureSpace, footers, mm } from './pdf.js';
import type { Pdf } from './pdf.js';

const red = '#C8161D';
const black = '#000000';
/** 三号 (16 pt) narrowed so that 28 characters fill the 156 mm line (GB/T 9704: 22 lines × 28). */
const bodySize = 15.75;
const bodyGap = 6.2;
const noteSize = 14;

function letterhead(doc: Pdf, letter: ReplyLetter): void {
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  doc
    .font('serifBold')
    .fontSize(30)
    .fillColor(red)
    .text(letter.unitName, left, mm(26), { width, align: 'center', characterSpacing: 3 });
  // The red double rule of the letter format: thick above, thin below.
  const y = doc.y + mm(3);
  doc.save().strokeColor(red);
  doc
    .lineWidth(2.2)
    .moveTo(left, y)
    .lineTo(left + width, y)
    .stroke();
  doc
    .lineWidth(0.8)
    .moveTo(left, y + 3.2)
    .lineTo(left + width, y + 3.2)
    .stroke();
  doc.restore();
  doc
    .font('serif')
    .fontSize(bodySize)
    .fillColor(black)
    .text(letter.documentNo, left, y + mm(5), { width: width - bodySize, align: 'right' });
}

/** Unit name centred over the date; the date ends four characters from the right margin. */
function signature(doc: Pdf, letter: ReplyLetter): void {
  const left = doc.page.margins.left;
  const right = left + contentWidth(doc);
  const line = doc.font('serif').fontSize(bodySize).currentLineHeight(true) + bodyGap;
  // One blank line below the text (GB/T 9704 7.3.5).
  doc.moveDown(1);
  ensureSpace(doc, line + doc.currentLineHeight(true));
  const y = doc.y;
  const dateWidth = doc.widthOfString(letter.date);
  const dateX = right - 4 * bodySize - dateWidth;
  const nameWidth = doc.widthOfString(letter.unitName);
  const nameX = Math.min(dateX + dateWidth / 2 - nameWidth / 2, right - nameWidth);
  doc.text(letter.unitName, nameX, y, { lineBreak: false });
  doc.text(letter.date, dateX, y + line, { lineBreak: false });
  doc.x = left;
  doc.y = y + line * 2;
}

/** 附注: the sign-off chain and the unit's contact, below the date. */
function notes(doc: Pdf, letter: ReplyLetter): void {
  const left = doc.page.margins.left;
  const lines = [letter.signoffLine, letter.contactLine].filter((l): l is string => !!l);
  if (lines.length === 0) return;
  doc.font('serif').fontSize(noteSize);
  doc.moveDown(1);
  for (const line of lines)
    doc.text(`（${line}）`, left, doc.y, { width: contentWidth(doc), indent: 2 * noteSize, lineGap: 4 });
}

/** 版记: the copy line between two rules at the foot of the last page. */
function copyBlock(doc: Pdf, letter: ReplyLetter): void {
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  doc.font('serif').fontSize(noteSize);
  const textHeight = doc.heightOfString(letter.copyLine, { width: width - 2 * noteSize });
  const height = textHeight + mm(4);
  ensureSpace(doc, height + mm(8));
  const top = bottomOf(doc) - height;
  doc.save().strokeColor(black).lineWidth(1);
  doc
    .moveTo(left, top)
    .lineTo(left + width, top)
    .stroke();
  doc
    .moveTo(left, top + height)
    .lineTo(left + width, top + height)
    .stroke();
  doc.restore();
  doc.text(letter.copyLine, left + noteSize, top + mm(2), { width: width - 2 * noteSize, lineBreak: true });
}

/** The reply letter in the letter format of GB/T 9704-2012 (党政机关公文格式), A4. */
export async function letterPdf(letter: ReplyLetter, fonts: CjkFonts): Promise<Buffer> {
  const { doc, done } = createPdf(
    fonts,
    { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) },
    { title: letter.title, author: letter.unitName },
  );
  const left = doc.page.margins.left;
  letterhead(doc, letter);
  doc.moveDown(1.6);
  doc
    .font('serifBold')
    .fontSize(22)
    .text(letter.title, left, doc.y, { width: contentWidth(doc), align: 'center', lineGap: 6 });
  doc.moveDown(0.9);
  const body = { width: contentWidth(doc), lineGap: bodyGap, align: 'left' as const };
  doc.font('serif').fontSize(bodySize).text(letter.addressee, left, doc.y, body);
  for (const paragraph of [letter.opening, ...letter.paragraphs, letter.outcomeLine])
    doc.text(paragraph, { ...body, indent: 2 * bodySize });
  signature(doc, letter);
  notes(doc, letter);
  copyBlock(doc, letter);
  if (doc.bufferedPageRange().count > 1) footers(doc, (page) => `— ${page} —`, noteSize);
  doc.end();
  return done;
}
