/**
 * Note: pdfmake measures every text of the document again on each layout pass, and the
 * guide needs several (keep-with-next moves headings, then lays out again): measuring was
 * most of the guide's time. A text's measured inlines depend only on the node and its
 * styles, which do not change between passes, so they are kept and handed out again as
 * fresh copies (layout consumes the array and may split an inline in place).
 */
import { pdfmakeInternal } from './pdfmake-internals.ts';

interface Measured {
  text: unknown;
  items: object[];
  minWidth: number;
  maxWidth: number;
}

type Leaf = { text: unknown; _inlines?: object[]; _minWidth?: number; _maxWidth?: number; _textRef?: unknown };

export function reuseTextMeasures(): void {
  const DocMeasure = pdfmakeInternal<{ prototype: { measureLeaf(node: Leaf): Leaf } }>('DocMeasure');
  const measureLeaf = DocMeasure.prototype.measureLeaf;
  const measured = new WeakMap<object, WeakMap<Leaf, Measured>>();
  DocMeasure.prototype.measureLeaf = function (this: object, node: Leaf): Leaf {
    let byNode = measured.get(this);
    if (!byNode) measured.set(this, (byNode = new WeakMap()));
    const known = byNode.get(node);
    if (known && known.text === node.text && !node._textRef) {
      node._inlines = known.items.map((inline) => ({ ...inline }));
      node._minWidth = known.minWidth;
      node._maxWidth = known.maxWidth;
      return node;
    }
    const result = measureLeaf.call(this, node);
    byNode.set(node, {
      text: node.text,
      items: (node._inlines ?? []).map((inline) => ({ ...inline })),
      minWidth: node._minWidth ?? 0,
      maxWidth: node._maxWidth ?? 0,
    });
    return result;
  };
}
