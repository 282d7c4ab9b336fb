import { AlignmentType, Footer, LineRuleType, Paragraph, TextRun } from 'docx';
import type { PageNumber } from 'docx';

/** Millimetres to twentieths of a point (Word's page units). */
export const twips = (millimetres: number): number => Math.round((millimetres * 1440) / 25.4);
export const a4 = { width: 11906, height: 16838 };

/**
 * Faces Chinese government offices have (the GB/T 9704 set): Word substitutes its own CJK
 * default where one is missing. Latin text and digits use Times New Roman.
 */
export const faces = { title: '方正小标宋简体', body: '仿宋_GB2312', heading: '黑体', song: '宋体' } as const;

export function font(eastAsia: string) {
  return { ascii: 'Times New Roman', hAnsi: 'Times New Roman', cs: 'Times New Roman', eastAsia };
}

/** Run options: `size` in points. */
export function run(
  text: string,
  face: string,
  size: number,
  extra: { bold?: boolean; color?: string } = {},
) {
  return new TextRun({ text, font: font(face), size: Math.round(size * 2), ...extra });
}

/** Exact line spacing in points. */
export function exactLine(points: number) {
  return { line: Math.round(points * 20), lineRule: LineRuleType.EXACT };
}

/** Width in em: CJK characters count 1, ASCII ½ (to centre one line over another). */
export function ems(text: string): number {
  return [...text].reduce((sum, c) => sum + (c.charCodeAt(0) < 0x80 ? 0.5 : 1), 0);
}

export function pageFooter(parts: (string | (typeof PageNumber)[keyof typeof PageNumber])[], size: number) {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: parts, font: font(faces.song), size: size * 2 })],
      }),
    ],
  });
}
