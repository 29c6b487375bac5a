/**
 * Running header and footer. The header names the chapter, or the benchlearning area, the
 * page belongs to (in the area's accent colour); the footer reads "page x of y". Both
 * are templates (wording lives in templates/guide/page-*.md.hbs), rendered once per
 * document: pdfmake asks for them on every page of every layout pass. The cover has
 * neither, the contents pages no header. The footer also sets again the label of a
 * practice-table row that runs onto the page (continued-rows.ts).
 */
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Content, DynamicContent } from 'pdfmake/interfaces.js';
import type { RenderContext } from '../deliverable.ts';
import { pageOf } from '../../render/pdf/page-of.ts';
import { continuedLabels, type LabelledRow } from '../../render/pdf/continued-rows.ts';
import type { HeadingRecord } from '../../render/pdf/state.ts';
import { GRID_PADDING } from '../../render/pdf/table-layouts.ts';
import { mdastToPdf } from '../../render/pdf/to-pdf.ts';

/** Stand-ins for the page numbers, filled in per page (private-use characters). */
const PAGE = '\uE000';
const PAGES = '\uE001';

/**
 * The chapter or area a page belongs to: the first chapter or area heading laid out on
 * the page itself, else the last one before it.
 */
export function sectionOfPage(headings: readonly HeadingRecord[], page: number): HeadingRecord | undefined {
  let before: HeadingRecord | undefined;
  for (const h of headings) {
    if (h.depth !== 1 && h.area === undefined) continue;
    const at = pageOf(h.node);
    if (at === page) return h;
    if (at !== undefined && at < page) before = h;
  }
  return before;
}

export function pageHeader(ctx: RenderContext, headings: readonly HeadingRecord[]): DynamicContent {
  const [left, , right] = ctx.theme.page.margins;
  const trees = new Map<string, Root>();
  return (page) => {
    const section = sectionOfPage(headings, page);
    if (!section || page === 1) return null;
    let tree = trees.get(section.id);
    if (!tree) {
      // The heading text goes in as mdast, so "3. Video pills" stays text, not a list.
      const text: Root = { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value: section.text }] }] };
      tree = ctx.templates.render('guide/page-header', { section: text });
      trees.set(section.id, tree);
    }
    const color = section.area ? ctx.theme.areas[section.area]!.accent : ctx.theme.colours.muted;
    return box(ctx, tree, { alignment: 'right', color, margin: [left, 30, right, 0] });
  };
}

export function pageFooter(ctx: RenderContext, rows: readonly LabelledRow[]): DynamicContent {
  const [left, , right, bottom] = ctx.theme.page.margins;
  const tree = ctx.templates.render('guide/page-footer', { page: PAGE, pages: PAGES });
  const continued = toString(ctx.templates.render('guide/row-continued', {})).trim();
  const labelWidth = ctx.theme.pdf.labelColumn - 2 * GRID_PADDING[0];
  return (page, pages, size) => {
    if (page === 1) return null;
    const footer = box(ctx, fill(tree, { [PAGE]: String(page), [PAGES]: String(pages) }), { alignment: 'center', margin: [left, 20, right, 0] });
    // The footer is laid out from the top of the bottom margin: the labels go above it.
    const labels = continuedLabels(rows, page, labelWidth, continued, -(size.height - bottom));
    return labels.length === 0 ? footer : { stack: [...labels, footer] };
  };
}

function box(ctx: RenderContext, tree: Root, style: Record<string, unknown>): Content {
  const { content } = mdastToPdf(tree, { theme: ctx.theme });
  return { stack: content, style: 'pageFurniture', ...style } as Content;
}

/** A copy of the tree with the stand-ins in its text replaced. */
function fill(tree: Root, values: Record<string, string>): Root {
  return JSON.parse(JSON.stringify(tree), (key, value: unknown) =>
    key === 'value' && typeof value === 'string' ? value.replace(/[\uE000\uE001]/g, (c) => values[c] ?? c) : value,
  ) as Root;
}
