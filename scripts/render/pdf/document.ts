/**
 * A PDF document definition around mapped content: page size and margins from the theme,
 * styles, metadata (title shown in the window, `/Lang`, fixed dates for identical bytes),
 * running header and footer, and the keep-with-next rule for headings (keep-with-next.ts).
 */
import type { Content, DynamicContent, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { Theme } from '../theme.ts';
import { asFooter, asHeader, keepWithNext, type KeptNode } from './keep-with-next.ts';
import { pdfStyles } from './styles.ts';
import { pageSize } from '../theme.ts';

export interface PdfMeta {
  title: string;
  author: string;
  subject: string;
  keywords: readonly string[];
  /** BCP 47 tag, written as the document's `/Lang`. */
  language: string;
  /** Creation and modification date: the build date, so the same input gives the same bytes. */
  date: Date;
}

export interface PdfDocumentOptions {
  theme: Theme;
  meta: PdfMeta;
  content: Content[];
  header?: DynamicContent;
  footer?: DynamicContent;
  /** Nodes kept with what follows them, from `mdastToPdf`. */
  kept?: ReadonlyMap<number, KeptNode>;
}

export function pdfDocument({ theme, meta, content, header, footer, kept }: PdfDocumentOptions): TDocumentDefinitions {
  const { defaultStyle, styles } = pdfStyles(theme);
  const [width, height] = pageSize(theme);
  return {
    pageSize: { width, height },
    pageMargins: theme.page.margins,
    info: {
      title: meta.title,
      author: meta.author,
      subject: meta.subject,
      keywords: meta.keywords.join(', '),
      creator: 'netpes (pdfmake)',
      producer: 'pdfmake',
      creationDate: meta.date,
      modDate: meta.date,
    },
    language: meta.language,
    displayTitle: true,
    defaultStyle,
    styles,
    content,
    ...(header ? { header: asHeader(header) } : {}),
    footer: asFooter(footer),
    pageBreakBefore: keepWithNext(kept ?? new Map()),
  };
}
