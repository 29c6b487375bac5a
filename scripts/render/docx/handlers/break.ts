import { TextRun } from 'docx';
import type { InlineHandler } from '../types.ts';

export const breakHandler: InlineHandler<'break'> = (_node, _state, run) => [new TextRun({ ...run, break: 1 })];
