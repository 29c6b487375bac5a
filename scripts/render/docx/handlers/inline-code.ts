import { TextRun } from 'docx';
import type { InlineHandler } from '../types.ts';

export const inlineCode: InlineHandler<'inlineCode'> = (node, _state, run) => [
  new TextRun({ ...run, font: 'Consolas', text: node.value }),
];
