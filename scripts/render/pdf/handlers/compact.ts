import type { ContainerDirective } from 'mdast-util-directive';
import type { Handler } from '../state.ts';

/**
 * `:::compact`: paragraphs set closer together (a glossary, a list of entries), so a page
 * of short entries is not spilled onto a new page by paragraph spacing alone.
 */
export const compact: Handler = (node, state) =>
  state
    .all((node as ContainerDirective).children)
    .map((block) => (typeof block === 'object' && block !== null ? { ...block, margin: [0, 0, 0, 3] } : block));
