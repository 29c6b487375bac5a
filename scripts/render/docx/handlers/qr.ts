/**
 * `::qr{url caption?}`: print has a QR code; a Word document is read on screen, so it shows
 * the caption and the link itself, clickable, with the URL as its text.
 */
import { Paragraph, TextRun } from 'docx';
import { paragraphOptions } from '../paragraph-options.ts';
import type { DirectiveHandler } from '../types.ts';
import { hyperlink } from './link.ts';
import { attribute } from '../../template/attributes.ts';

export const qr: DirectiveHandler = (node, state, ctx) => {
  const url = attribute(node, 'url', true);
  const caption = attribute(node, 'caption');
  const link = hyperlink(url, [{ type: 'text', value: url }], state, ctx.run);
  if (!caption) return [new Paragraph({ ...paragraphOptions(state, ctx), children: [link] })];
  return [
    new Paragraph({ ...paragraphOptions(state, ctx), keepNext: true, spacing: { after: 0 }, children: [new TextRun({ ...ctx.run, text: caption, bold: true })] }),
    new Paragraph({ ...paragraphOptions(state, ctx), children: [link] }),
  ];
};
