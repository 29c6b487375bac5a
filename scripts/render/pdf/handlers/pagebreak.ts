import type { Handler } from '../state.ts';
import { flushFootnotes } from './footnote.ts';

/** `::pagebreak`: what follows starts on a new page; notes still pending print before it. */
export const pagebreak: Handler = (_node, state) => [...flushFootnotes(state), state.pageBreak()];
