/**
 * Word styles from the theme: real Title, Subtitle, Heading 1–4 (with outline levels, so the
 * navigation pane and the TOC work), list, header/footer and TOC styles, the Hyperlink
 * character style, and two table styles (docx has no API for table styles, so they come in
 * as a small styles part that docx merges with its defaults).
 */
import { AlignmentType, BorderStyle, type IParagraphStyleOptions, type IStylesOptions } from 'docx';
import type { Theme } from '../theme.ts';
import { halfPoints, hex, twips } from './units.ts';

export function createStyles(theme: Theme, language: string): { styles: IStylesOptions; externalStyles: string } {
  const { sizes, colours } = theme;
  const primary = hex(colours.primary);
  const heading = (id: string, name: string, size: number, outlineLevel: number, before: number): IParagraphStyleOptions => ({
    id, name, basedOn: 'Normal', next: 'Normal', quickFormat: true,
    run: { size: halfPoints(size), bold: true, color: primary },
    paragraph: { outlineLevel, keepNext: true, keepLines: true, spacing: { before: twips(before), after: twips(6) } },
  });
  const paragraphStyles: IParagraphStyleOptions[] = [
    { id: 'Title', name: 'Title', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { size: halfPoints(sizes.title), bold: true, color: primary }, paragraph: { spacing: { after: twips(12) } } },
    { id: 'Subtitle', name: 'Subtitle', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { size: halfPoints(sizes.subtitle), color: primary }, paragraph: { spacing: { after: twips(18) } } },
    { id: 'CoverText', name: 'Cover Text', basedOn: 'Normal', run: { size: halfPoints(sizes.h3) }, paragraph: { spacing: { after: twips(6) } } },
    heading('Heading1', 'Heading 1', sizes.h1, 0, 18),
    heading('Heading2', 'Heading 2', sizes.h2, 1, 16),
    heading('Heading3', 'Heading 3', sizes.h3, 2, 12),
    heading('Heading4', 'Heading 4', sizes.h4, 3, 10),
    { ...heading('TOCHeading', 'TOC Heading', sizes.h1, 9, 0), paragraph: { keepNext: true, spacing: { after: twips(12) } } },
    { id: 'ListParagraph', name: 'List Paragraph', basedOn: 'Normal', quickFormat: true, paragraph: { spacing: { after: twips(3) } } },
    {
      id: 'Header', name: 'header', basedOn: 'Normal', run: { size: halfPoints(sizes.small), color: hex(colours.muted) },
      paragraph: { spacing: { after: 0 }, border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: hex(colours.rule), space: 4 } } },
    },
    {
      id: 'Footer', name: 'footer', basedOn: 'Normal', run: { size: halfPoints(sizes.small), color: hex(colours.muted) },
      paragraph: { spacing: { after: 0 }, alignment: AlignmentType.RIGHT },
    },
    { id: 'FootnoteText', name: 'footnote text', basedOn: 'Normal', run: { size: halfPoints(sizes.small) }, paragraph: { spacing: { after: 0 } } },
    { id: 'TOC1', name: 'toc 1', basedOn: 'Normal', next: 'Normal', run: { bold: true }, paragraph: { spacing: { before: twips(6), after: twips(2) } } },
    { id: 'TOC2', name: 'toc 2', basedOn: 'Normal', next: 'Normal', paragraph: { indent: { left: 220 }, spacing: { after: twips(2) } } },
    { id: 'TOC3', name: 'toc 3', basedOn: 'Normal', next: 'Normal', paragraph: { indent: { left: 440 }, spacing: { after: twips(2) } } },
  ];
  return {
    styles: {
      default: {
        document: {
          run: { font: theme.fonts.docx, size: halfPoints(sizes.body), color: hex(colours.text), language: { value: language } },
          paragraph: { spacing: { after: twips(6), line: Math.round(240 * theme.lineHeight) } },
        },
      },
      paragraphStyles,
      characterStyles: [{ id: 'Hyperlink', name: 'Hyperlink', basedOn: 'DefaultParagraphFont', run: { color: hex(colours.link), underline: {} } }],
    },
    externalStyles: tableStyles(hex(colours.rule)),
  };
}

function tableStyles(rule: string): string {
  const side = (name: string) => `<w:${name} w:val="single" w:sz="4" w:space="0" w:color="${rule}"/>`;
  const borders = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(side).join('');
  const margins = '<w:tblCellMar><w:top w:w="80" w:type="dxa"/><w:left w:w="115" w:type="dxa"/><w:bottom w:w="40" w:type="dxa"/><w:right w:w="115" w:type="dxa"/></w:tblCellMar>';
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`
    + `<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">`
    + `<w:style w:type="table" w:styleId="ReportTable"><w:name w:val="Report Table"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/><w:qFormat/>`
    + `<w:tblPr><w:tblBorders>${borders}</w:tblBorders>${margins}</w:tblPr></w:style>`
    + `<w:style w:type="table" w:styleId="BandTable"><w:name w:val="Band Table"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/>`
    + `<w:tblPr>${margins}</w:tblPr></w:style>`
    + `</w:styles>`;
}
