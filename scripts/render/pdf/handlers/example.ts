/**
 * `:::example{label=…}`: text attributed to a partner. The partner's name is set off in
 * bold, in the area's accent colour, and kept with the text below it.
 */
import type { ContainerDirective } from 'mdast-util-directive';
import type { ContentText } from 'pdfmake/interfaces.js';
import type { Handler } from '../state.ts';
import { trimBottom } from '../util.ts';
import { attribute } from '../../template/attributes.ts';

export const example: Handler = (node, state) => {
  const label = attribute(node, 'label', true);
  const content = trimBottom(state.all((node as ContainerDirective).children));
  const head: ContentText = { text: label, bold: true, color: state.colours().accent, margin: [0, 0, 0, 2] };
  state.keep(head);
  return [{ stack: [head, ...content], margin: [0, 0, 0, 8] }];
};
