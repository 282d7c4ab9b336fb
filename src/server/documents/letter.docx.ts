import { AlignmentType, BorderStyle, Document, Packer, PageNumber, Paragraph } from 'docx';
import type { ReplyLetter } from './letter.js';
import { a4, ems, exactLine, faces, pageFooter, run, twips } from './docx-parts.js';

const red = 'C8161D';
const bodySize = 16;
/** One character of 三号 in twips, for indents. */
const char = bodySize * 20;
/** 22 lines on the 225 mm type area. */
const line = exactLine(28.9);

function body(text: string, indent = true): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.BOTH,
    spacing: line,
    ...(indent ? { indent: { firstLine: 2 * char } } : {}),
    children: [run(text, faces.body, bodySize)],
  });
}

/** The reply letter as Word, in the letter format of GB/T 9704-2012. */
export async function letterDocx(letter: ReplyLetter): Promise<Buffer> {
  // Unit name centred over the date; the date ends four characters from the right margin.
  const nameIndent = Math.max(
    0,
    Math.round(4 * char + ((ems(letter.date) - ems(letter.unitName)) / 2) * char),
  );
  const notes = [letter.signoffLine, letter.contactLine].filter((l): l is string => !!l);
  const document = new Document({
    creator: '民意 Minyi',
    title: letter.title,
    sections: [
      {
        properties: {
          page: {
            size: a4,
            margin: {
              top: twips(37),
              bottom: twips(35),
              left: twips(28),
              right: twips(26),
              footer: twips(20),
            },
          },
        },
        footers: { default: pageFooter(['— ', PageNumber.CURRENT, ' —'], 14) },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            border: { bottom: { style: BorderStyle.THICK_THIN_SMALL_GAP, size: 24, color: red, space: 6 } },
            children: [run(letter.unitName, faces.title, 30, { color: red })],
          }),
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            spacing: { before: 240, ...line },
            indent: { right: char },
            children: [run(letter.documentNo, faces.body, bodySize)],
          }),
          new Paragraph({ spacing: line, children: [] }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { ...exactLine(35), after: 280 },
            children: [run(letter.title, faces.title, 22)],
          }),
          body(letter.addressee, false),
          ...[letter.opening, ...letter.paragraphs, letter.outcomeLine].map((text) => body(text)),
          new Paragraph({ spacing: line, children: [] }),
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            spacing: line,
            indent: { right: nameIndent },
            children: [run(letter.unitName, faces.body, bodySize)],
          }),
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            spacing: line,
            indent: { right: 4 * char },
            children: [run(letter.date, faces.body, bodySize)],
          }),
          new Paragraph({ spacing: line, children: [] }),
          ...notes.map(
            (note) =>
              new Paragraph({
                indent: { firstLine: 2 * 14 * 20 },
                spacing: exactLine(22),
                children: [run(`（${note}）`, faces.body, 14)],
              }),
          ),
          new Paragraph({ spacing: line, children: [] }),
          new Paragraph({
            border: {
              top: { style: BorderStyle.SINGLE, size: 8, color: '000000', space: 4 },
              bottom: { style: BorderStyle.SINGLE, size: 8, color: '000000', space: 4 },
            },
            indent: { left: 14 * 20, right: 14 * 20 },
            spacing: exactLine(28),
            children: [run(letter.copyLine, faces.body, 14)],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
