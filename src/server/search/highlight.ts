import type { TextPiece } from '../../shared/schemas/search.js';

/** Splits text into pieces, marking every occurrence of a needle (longest first, case-insensitive). */
export function markPieces(text: string, needles: string[]): TextPiece[] {
  const usable = needles.filter((n) => n.length > 0);
  if (usable.length === 0 || text.length === 0) return text ? [{ text, mark: false }] : [];
  const lower = text.toLowerCase();
  const marked = new Array<boolean>(text.length).fill(false);
  for (const needle of usable) {
    const target = needle.toLowerCase();
    for (let at = lower.indexOf(target); at >= 0; at = lower.indexOf(target, at + target.length))
      marked.fill(true, at, at + target.length);
  }
  const pieces: TextPiece[] = [];
  for (let i = 0; i < text.length;) {
    let j = i;
    while (j < text.length && marked[j] === marked[i]) j++;
    pieces.push({ text: text.slice(i, j), mark: marked[i] ?? false });
    i = j;
  }
  return pieces;
}

/** A window of about `width` characters around the first match, with the matches marked. */
export function snippetPieces(content: string, needles: string[], width = 110): TextPiece[] {
  const flat = content.replace(/\s+/g, ' ').trim();
  const lower = flat.toLowerCase();
  const first = Math.min(
    ...needles.map((n) => lower.indexOf(n.toLowerCase())).filter((at) => at >= 0),
    Number.MAX_SAFE_INTEGER,
  );
  const anchor = first === Number.MAX_SAFE_INTEGER ? 0 : first;
  const start = Math.max(0, anchor - Math.floor(width / 3));
  const end = Math.min(flat.length, start + width);
  const window = `${start > 0 ? '…' : ''}${flat.slice(start, end)}${end < flat.length ? '…' : ''}`;
  return markPieces(window, needles);
}
