/**
 * Links and link references: every URL is clickable. Each text leaf carries the link, since
 * pdfmake puts one annotation per leaf; the link colour meets the theme's contrast rule.
 */
import type { Link, LinkReference } from 'mdast';
import type { Handler, InlineStyle, State } from '../state.ts';
import { where } from '../../template/attributes.ts';

function linkStyle(state: State, style: InlineStyle, url: string): InlineStyle {
  return { ...style, link: url, color: state.theme.colours.link, decoration: 'underline' };
}

export const link: Handler = (node, state, style) => {
  const { url, children } = node as Link;
  return state.all(children, linkStyle(state, style, url));
};

export const linkReference: Handler = (node, state, style) => {
  const ref = node as LinkReference;
  const definition = state.definitions.get(ref.identifier);
  if (!definition) {
    throw new Error(`link reference [${ref.label ?? ref.identifier}] has no definition in the rendered document${where(node)}; resolve it in the model or the deliverable`);
  }
  return state.all(ref.children, linkStyle(state, style, definition.url));
};
