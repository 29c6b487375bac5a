/** Footnotes in a rendered document, for both backends. */
import type { FootnoteDefinition } from 'mdast';

/**
 * What tells notes apart in a document: two files' `[^1]` are different notes, and one note
 * referenced twice is one note even after its tree went through JSON (the parse cache) or a
 * worker, where the two references' `data.note` become two equal objects.
 */
export function noteKey(note: FootnoteDefinition): string {
  return JSON.stringify(note);
}
