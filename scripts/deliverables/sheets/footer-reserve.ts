/**
 * How tall a sheet's page footer is, so the body can leave room for it. The footer is a
 * `:::qr-beside` block whose height is the QR code's whatever the URL, so every sheet and
 * every page of practice-sheets.pdf keeps the same bottom margin. It is laid out once per
 * process, from one practice's footer (the same one in every process, for identical bytes).
 * Note: it cannot be checked in each sheet's own layout, as pdfmake records no usable
 * positions for footer content.
 */
import type { Theme } from '../../render/theme.ts';
import type { TemplateSet } from '../../render/template/render-template.ts';
import { mdastToPdf } from '../../render/pdf/to-pdf.ts';
import { pdfDocument, type PdfMeta } from '../../render/pdf/document.ts';
import { positionsOf } from '../../render/pdf/page-of.ts';
import { layOutPdf } from '../../render/pdf/render-pdf.ts';
import { endMark } from './sheet-document.ts';

export const FOOTER_TEMPLATE = 'sheets/footer';

const reserves = new WeakMap<TemplateSet, Map<string, Promise<number>>>();

/** The footer height to reserve, in points, measured on the footer of `view`. */
export function footerReserve(templates: TemplateSet, theme: Theme, meta: PdfMeta, view: object): Promise<number> {
  let byTheme = reserves.get(templates);
  if (!byTheme) reserves.set(templates, (byTheme = new Map()));
  const key = JSON.stringify(theme);
  let reserve = byTheme.get(key);
  if (!reserve) {
    reserve = measure(templates, theme, meta, view);
    byTheme.set(key, reserve);
  }
  return reserve;
}

async function measure(templates: TemplateSet, theme: Theme, meta: PdfMeta, view: object): Promise<number> {
  const { content } = mdastToPdf(templates.render(FOOTER_TEMPLATE, view), { theme });
  const end = endMark();
  await layOutPdf(pdfDocument({ theme, meta, content: [...content, end] }));
  const at = positionsOf(end)[0];
  if (!at) throw new Error('the sheet footer could not be measured');
  return at.top - theme.page.margins[1];
}
