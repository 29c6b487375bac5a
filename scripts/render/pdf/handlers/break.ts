import type { Handler } from '../state.ts';

export const hardBreak: Handler = (_node, _state, style) => [{ text: '\n', ...style }];
