import type { ContainerDirective } from 'mdast-util-directive';
import type { Handler } from '../state.ts';
import { trimBottom } from '../util.ts';

/** `:::small`: smaller, muted text (references, notes). */
export const small: Handler = (node, state) => [
  { stack: trimBottom(state.all((node as ContainerDirective).children)), style: 'small', margin: [0, 0, 0, 6] },
];
