/** The theme as pdfmake styles: sizes, colours and spacing by role. */
import type { Style } from 'pdfmake/interfaces.js';
import type { Theme } from '../theme.ts';
import { FOOTER_STYLE, HEADER_STYLE } from './keep-with-next.ts';

export function pdfStyles(theme: Theme): { defaultStyle: Style; styles: Record<string, Style> } {
  const { sizes, colours } = theme;
  const heading = (fontSize: number, margin: [number, number, number, number]): Style => ({ fontSize, bold: true, color: colours.primary, margin, lineHeight: 1.1 });
  return {
    defaultStyle: { font: theme.fonts.body, fontSize: sizes.body, lineHeight: theme.lineHeight, color: colours.text },
    styles: {
      paragraph: { margin: [0, 0, 0, 6] },
      list: { margin: [0, 0, 0, 6] },
      table: { margin: [0, 2, 0, 10], fontSize: sizes.small + 0.5 },
      practice: { margin: [0, 2, 0, 12], fontSize: theme.pdf.tableSize, lineHeight: 1.2 },
      h1: heading(sizes.h1, [0, 0, 0, 14]),
      h2: heading(sizes.h2, [0, 12, 0, 6]),
      h3: heading(sizes.h3, [0, 10, 0, 6]),
      h4: { ...heading(sizes.h4, [0, 8, 0, 3]), color: colours.text },
      toc1: { bold: true, fontSize: sizes.body },
      toc2: { fontSize: sizes.body - 0.5 },
      toc3: { fontSize: sizes.small + 0.5, color: colours.muted },
      rowLabel: { bold: true },
      // A row label set again on a page its row runs onto: drawn with the page furniture, as in the table.
      rowContinued: { fontSize: theme.pdf.tableSize, lineHeight: 1.2, color: colours.text },
      rowNote: { fontSize: sizes.small, color: colours.muted, lineHeight: 1.15 },
      small: { fontSize: sizes.small, color: colours.muted },
      footnote: { fontSize: sizes.small, color: colours.muted, lineHeight: 1.15 },
      coverTitle: { fontSize: sizes.title, bold: true, color: colours.onPrimary, lineHeight: 1.1, margin: [0, 0, 0, 12] },
      coverSubtitle: { fontSize: sizes.subtitle, color: colours.onPrimary, lineHeight: 1.2 },
      coverText: { margin: [0, 0, 0, 8] },
      // Names keep-with-next.ts recognises page furniture by.
      [HEADER_STYLE]: { fontSize: sizes.small, color: colours.muted },
      [FOOTER_STYLE]: { fontSize: sizes.small, color: colours.muted },
    },
  };
}
