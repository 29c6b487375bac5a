/**
 * Note: pdfkit lays a text out piece by piece, each ending after a space or tab, found by a
 * loop over its characters that tests each against a fresh array, and joins the pieces'
 * glyphs by copying all those so far at each piece: measuring pdfmake's words (one piece
 * each, their spaces trailing) spent longer in that loop than in looking the piece up, and
 * drawing a line written as one text (merge-inlines.ts) copied its glyphs once per word.
 * The same pieces, in one pass, each appended once; a one-piece text is looked up at once.
 * The bytes do not change (tests/build/speed-ups.test.ts).
 */

/** What of pdfkit's embedded font this reads and replaces. */
interface PdfkitFont {
  layoutCached(text: string): { glyphs: unknown[]; positions: unknown[]; advanceWidth: number };
  layout(text: string, features?: unknown, onlyWidth?: boolean): { glyphs: unknown[] | null; positions: unknown[] | null; advanceWidth: number };
}

/** Replaces `layout` on pdfkit's embedded font prototype (once: share-fonts.ts). */
export function layOutByPiece(prototype: PdfkitFont): void {
  const layout = prototype.layout;
  prototype.layout = function (this: PdfkitFont, text, features, onlyWidth) {
    if (features || text === '') return layout.call(this, text, features, onlyWidth);
    if (onePiece(text)) {
      const run = this.layoutCached(text);
      return onlyWidth ? { glyphs: null, positions: null, advanceWidth: run.advanceWidth } : { glyphs: [...run.glyphs], positions: [...run.positions], advanceWidth: run.advanceWidth };
    }
    const glyphs: unknown[] | null = onlyWidth ? null : [];
    const positions: unknown[] | null = onlyWidth ? null : [];
    let advanceWidth = 0;
    const piece = (from: number, to: number) => {
      const run = this.layoutCached(text.slice(from, to));
      if (glyphs && positions) {
        for (const glyph of run.glyphs) glyphs.push(glyph);
        for (const position of run.positions) positions.push(position);
      }
      advanceWidth += run.advanceWidth;
    };
    let last = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c !== 32 && c !== 9) continue; // a space or a tab ends a piece
      piece(last, i + 1);
      last = i + 1;
    }
    if (last < text.length) piece(last, text.length);
    return { glyphs, positions, advanceWidth };
  };
}

/** No space or tab in `text` but for its last character: pdfkit's pieces end after each. */
function onePiece(text: string): boolean {
  const last = text.length - 1;
  const space = text.indexOf(' ');
  const tab = text.indexOf('\t');
  return (space === -1 || space === last) && (tab === -1 || tab === last);
}
