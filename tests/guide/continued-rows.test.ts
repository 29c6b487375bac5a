/** Where a row label is set again on a page its row runs onto, from the positions pdfmake recorded. */
import type { ContentTable, ContentText } from 'pdfmake/interfaces.js';
import { describe, expect, it } from 'vitest';
import { continuedLabels, type LabelledRow } from '../../scripts/render/pdf/continued-rows.ts';

const at = (pageNumber: number, top: number, left = 62) => ({ pageNumber, top, left });

function row(label: string, labelLines: number[], lines: Array<ReturnType<typeof at>>): LabelledRow {
  const labelNode = { text: label, positions: labelLines.map((top) => at(lines[0]!.pageNumber, top)) } as unknown as ContentText;
  return { label, labelNode, table: { table: { body: [] }, positions: lines } as unknown as ContentTable };
}

describe('continued row labels', () => {
  const long = row('Context', [100], [at(5, 100), at(5, 112), at(6, 70), at(6, 82), at(6, 94), at(7, 70)]);

  it('go on each later page of the row, level with its first line there, where the label stood', () => {
    const six = continuedLabels([long], 6, 100, '(continued)');
    expect(six).toEqual([expect.objectContaining({ absolutePosition: { x: 62, y: 70 } })]);
    expect(JSON.stringify(six)).toContain('(continued)');
    expect(continuedLabels([long], 5, 100, '(continued)')).toEqual([]); // its own first page
    expect(continuedLabels([long], 8, 100, '(continued)')).toEqual([]); // past its end
  });

  it('move into the coordinates of the block they are laid out in', () => {
    expect(continuedLabels([long], 6, 100, '(continued)', -780)[0]).toMatchObject({ absolutePosition: { y: -710 } });
  });

  it('leave out the note, then the label, when the row has too few lines on the page for them', () => {
    expect(JSON.stringify(continuedLabels([long], 7, 100, '(continued)'))).not.toContain('(continued)'); // one line there
    const twoLineLabel = row('Key success factors', [100, 112], [at(5, 100), at(5, 112), at(6, 70)]);
    expect(continuedLabels([twoLineLabel], 6, 100, '(continued)')).toEqual([]);
  });
});
