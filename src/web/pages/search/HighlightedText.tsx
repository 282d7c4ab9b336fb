import type { TextPiece } from '../../../shared/schemas/search.js';

/** Text with the matched pieces in `<mark>`: React escapes every piece, so no HTML from users runs. */
export function HighlightedText({ pieces }: { pieces: readonly TextPiece[] }) {
  return (
    <>
      {pieces.map((piece, index) =>
        piece.mark ? (
          <mark key={index} className="minyi-search-mark">
            {piece.text}
          </mark>
        ) : (
          <span key={index}>{piece.text}</span>
        ),
      )}
    </>
  );
}
