/** `:page` and `:pages` (text directives, in running heads and feet): Word's PAGE and NUMPAGES fields. */
import { PageNumber, TextRun } from 'docx';
import type { TextDirectiveHandler } from '../types.ts';

export const page: TextDirectiveHandler = (_node, _state, run) => [new TextRun({ ...run, children: [PageNumber.CURRENT] })];
export const pages: TextDirectiveHandler = (_node, _state, run) => [new TextRun({ ...run, children: [PageNumber.TOTAL_PAGES] })];
