import { TextRun } from 'docx';
import type { InlineHandler } from '../types.ts';

// A line ending inside a Markdown paragraph is a space (a hard break is a `break` node).
export const text: InlineHandler<'text'> = (node, _state, run) => [
  new TextRun({ ...run, text: node.value.replace(/[ \t]*\r?\n[ \t]*/g, ' ') }),
];
