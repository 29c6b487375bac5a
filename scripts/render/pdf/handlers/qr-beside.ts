/**
 * `:::qr-beside{url=…}`: a vector QR code of the URL with the block's content beside it
 * (a caption, the link, a reference), for page footers such as the practice sheets'. The
 * code is the one `::qr` draws (same size and colour); its cell is exactly that size tall,
 * so the block's height does not change with the URL (pdfmake draws longer URLs with more,
 * smaller modules) and a footer can reserve it.
 */
import type { ContainerDirective } from 'mdast-util-directive';
import type { Content, CustomTableLayout } from 'pdfmake/interfaces.js';
import type { Handler } from '../state.ts';
import { described } from '../table-layouts.ts';
import { trimBottom } from '../util.ts';
import { qr } from './qr.ts';

/** Space between the code and the content, in points. */
const GAP = 16;

const layout: CustomTableLayout = described(
  {
    hLineWidth: () => 0,
    vLineWidth: () => 0,
    paddingLeft: (i) => (i === 0 ? 0 : GAP),
    paddingRight: () => 0,
    paddingTop: () => 0,
    paddingBottom: () => 0,
  },
  ['qr-beside', GAP],
);

export const qrBeside: Handler = (node, state, style) => {
  const code = findQr(qr(node, state, style));
  if (!code) throw new Error(':::qr-beside: the qr handler drew no QR code node');
  const side = code.fit;
  return [
    {
      table: { widths: [side, '*'], heights: [side], body: [[code, { stack: trimBottom(state.all((node as ContainerDirective).children)) }]] },
      layout,
      margin: [0, 0, 0, 0],
      unbreakable: true,
    },
  ];
};

function findQr(content: Content[]): (Content & { qr: string; fit: number }) | undefined {
  for (const item of content) {
    if (typeof item !== 'object' || item === null) continue;
    if ('qr' in item && typeof (item as { fit?: unknown }).fit === 'number') return item as Content & { qr: string; fit: number };
    const nested = 'columns' in item ? item.columns : 'stack' in item ? item.stack : undefined;
    const found = Array.isArray(nested) ? findQr(nested as Content[]) : undefined;
    if (found) return found;
  }
  return undefined;
}
