/**
 * The fonts every PDF embeds: pdfmake's bundled Roboto. One folder, read only by pdfmake
 * (through its local access policy) and by the glyph check, which must see the same files,
 * through the same fontkit.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { packageVersion } from '../../write/run-cache.ts';

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

/**
 * `require` as pdfkit (under pdfmake) resolves: the fontkit it embeds fonts with is that
 * one, not a copy of ours.
 */
export function requireFromPdfkit(): NodeJS.Require {
  return createRequire(createRequire(require.resolve('pdfmake/package.json')).resolve('pdfkit'));
}

/** `fontkit@<version>` of pdfkit's fontkit: part of the keys of what it computed (shapes, character maps). */
export function fontkitVersion(): string {
  const fromPdfkit = requireFromPdfkit();
  return packageVersion('fontkit', (name) => fromPdfkit.resolve(name));
}
