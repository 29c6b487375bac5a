import type { DirectiveHandler } from '../types.ts';
import { halfPoints, hex } from '../units.ts';

// `:::small`: references and notes, in the small size and the muted colour.
export const small: DirectiveHandler = (node, state, ctx) =>
  state.blocks(node.children, {
    ...ctx,
    run: { ...ctx.run, size: halfPoints(state.theme.sizes.small), color: hex(state.theme.colours.muted) },
  });
