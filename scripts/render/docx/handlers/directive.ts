/** Directives dispatch by name to the handlers the registry lists; an unknown name is a template mistake. */
import type { ContainerDirective, LeafDirective, TextDirective } from 'mdast-util-directive';
import { directiveHandlers, textDirectiveHandlers } from '../registry.ts';
import { DocxError, type BlockContext, type Block, type DocxState, type Inline, type RunFormat } from '../types.ts';

export function directive(node: ContainerDirective | LeafDirective, state: DocxState, ctx: BlockContext): Block[] {
  const handler = directiveHandlers[node.name];
  if (!handler) throw unknown(node);
  return handler(node, state, ctx);
}

export function textDirective(node: TextDirective, state: DocxState, run: RunFormat): Inline[] {
  const handler = textDirectiveHandlers[node.name];
  if (!handler) throw unknown(node);
  return handler(node, state, run);
}

function unknown(node: ContainerDirective | LeafDirective | TextDirective): DocxError {
  const mark = { containerDirective: ':::', leafDirective: '::', textDirective: ':' }[node.type];
  const known = Object.keys(node.type === 'textDirective' ? textDirectiveHandlers : directiveHandlers).join(', ');
  return new DocxError(`unknown directive "${mark}${node.name}"${node.position ? ` at line ${node.position.start.line} of the rendered template` : ''}; known: ${known}`);
}
