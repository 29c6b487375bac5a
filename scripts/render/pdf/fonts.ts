/**
 * The fonts every PDF embeds: pdfmake's bundled Roboto. One folder, read only by pdfmake
 * (through its local access policy) and by the glyph check, which must see the same files.
 */
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/** node_modules/pdfmake/fonts/Roboto, resolved from pdfmake's own package. */
export const FONT_DIR = path.join(path.dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');

/** The family name documents use (`defaultStyle.font`). */
export const FONT_FAMILY = 'Roboto';

/** The four faces, as pdfmake's `fonts/Roboto.js` maps them. */
export const FONT_FILES = {
  normal: path.join(FONT_DIR, 'Roboto-Regular.ttf'),
  bold: path.join(FONT_DIR, 'Roboto-Medium.ttf'),
  italics: path.join(FONT_DIR, 'Roboto-Italic.ttf'),
  bolditalics: path.join(FONT_DIR, 'Roboto-MediumItalic.ttf'),
} as const;
