/** `::qr{url=… caption=…}`: a vector QR code of the URL, with the caption and the clickable URL beside it. */
import type { Handler } from '../state.ts';
import { attribute } from '../../template/attributes.ts';

export const qr: Handler = (node, state) => {
  const url = attribute(node, 'url', true);
  const caption = attribute(node, 'caption');
  const link = { text: url, link: url, color: state.theme.colours.link, decoration: 'underline' as const, fontSize: state.theme.sizes.small };
  return [
    {
      columns: [
        { qr: url, fit: state.theme.pdf.qrSize, foreground: state.theme.colours.text, width: state.theme.pdf.qrSize },
        { stack: caption ? [{ text: caption, color: state.theme.colours.muted, margin: [0, 0, 0, 4] }, link] : [link], width: '*', margin: [0, 8, 0, 0] },
      ],
      columnGap: 16,
      margin: [0, 2, 0, 12],
      unbreakable: true,
    },
  ];
};
