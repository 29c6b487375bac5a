/**
 * Note: a word pdfmake cannot break (a long URL, a part number) sets the minimum width of
 * its table column, so a column sized `*` or `auto` grew past the page's right edge and
 * took the text after it along (seen with a 300-character URL in a practice's Context).
 * pdfmake already cuts a word that is wider than a whole line where the line ends; what
 * it lacked was a column narrow enough to need it. So the minimum width a text claims is
 * capped at `LONGEST_UNBROKEN`: columns keep their widths whenever every word is shorter
 * (the guide's are), and a longer word is cut at the column's edge instead of overflowing.
 */
import { pdfmakeInternal } from './pdfmake-internals.ts';

/** In points: ~24 characters of body text; wider words may be cut at a column's edge. */
export const LONGEST_UNBROKEN = 120;

type Leaf = { _minWidth?: number };

export function capUnbreakableWidths(): void {
  const DocMeasure = pdfmakeInternal<{ prototype: { measureLeaf(node: Leaf): Leaf } }>('DocMeasure');
  const measureLeaf = DocMeasure.prototype.measureLeaf;
  DocMeasure.prototype.measureLeaf = function (this: object, node: Leaf): Leaf {
    const result = measureLeaf.call(this, node);
    if (result._minWidth !== undefined && result._minWidth > LONGEST_UNBROKEN) result._minWidth = LONGEST_UNBROKEN;
    return result;
  };
}
