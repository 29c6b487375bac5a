import type { DirectiveHandler } from '../types.ts';

// The next paragraph starts the page (pageBreakBefore), so no empty line opens the new page.
export const pagebreak: DirectiveHandler = (_node, state) => {
  state.requestPageBreak();
  return [];
};
