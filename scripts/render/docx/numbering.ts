/**
 * The two list definitions: bullets and numbers, nine levels each. Every Markdown list uses
 * one of them with an instance of its own (handlers/list.ts), so numbering restarts per list.
 */
import { AlignmentType, LevelFormat, type INumberingOptions, type NumberingDefinition } from 'docx';
import { LIST_INDENT } from './handlers/list-item.ts';

const BULLETS = ['•', '–', '•'];
const ORDERED = [LevelFormat.DECIMAL, LevelFormat.LOWER_LETTER, LevelFormat.LOWER_ROMAN];

const levels = (format: (level: number) => { format: (typeof LevelFormat)[keyof typeof LevelFormat]; text: string }) =>
  Array.from({ length: 9 }, (_, level) => ({
    level,
    ...format(level),
    alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: { left: LIST_INDENT * (level + 1), hanging: LIST_INDENT } } },
  }));

const ordered = (l: number) => ({ format: ORDERED[l % 3]!, text: `%${l + 1}.` });

export const numbering: INumberingOptions = {
  config: [
    { reference: 'bullet', levels: levels((l) => ({ format: LevelFormat.BULLET, text: BULLETS[l % 3]! })) },
    { reference: 'ordered', levels: levels(ordered) },
  ],
};

/**
 * Numbers from `start` at `level` ("3." for a Markdown list written from 3): Word takes a
 * list's first number from its definition, so such a list gets one of its own, added to
 * the document when the list is written.
 */
export function orderedFrom(start: number, level: number): NumberingDefinition {
  return {
    reference: `ordered-${level}-from-${start}`,
    levels: levels(ordered).map((l) => (l.level === level ? { ...l, start } : l)),
  };
}
