/**
 * The guide as Markdown in reading order, on stdout: the text the guide prints (template
 * wording, derived numbers, partner labels, directive labels as paragraphs), without page
 * layout. For measuring how much of the source guide the pipeline reproduces, where
 * `pdftotext` interleaves side-by-side columns:
 *   npx tsx scripts/bench/reading-order.ts > /tmp/guide.md
 *   ../shared/tools/coverage ../shared/seed/000_095988f62e9f225f.txt /tmp/guide.md
 */
import type { Nodes, Root } from 'mdast';
import { directiveToMarkdown } from 'mdast-util-directive';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown } from 'mdast-util-to-markdown';
import { guideView } from '../deliverables/guide/view-model.ts';
import { loadTemplateSet } from '../render/template/load-template-set.ts';
import { loadGuide } from '../validate/load-guide.ts';

const { guide, diagnostics } = await loadGuide(process.argv[2] ?? 'content');
if (!guide) throw new Error(`the content does not validate (${diagnostics.errorCount} errors): run netpes check`);
const tree = loadTemplateSet('templates').render('guide/guide', guideView(guide));
process.stdout.write(toMarkdown(unwrapDirectives(tree), { extensions: [gfmToMarkdown(), directiveToMarkdown()] }));

/** Directives → their content, with a `label` attribute (rows, examples) as a paragraph before it. */
function unwrapDirectives(node: Root): Root {
  const unwrap = (children: Nodes[]): Nodes[] =>
    children.flatMap((child) => {
      const inner = 'children' in child ? unwrap(child.children as Nodes[]) : [];
      if (child.type === 'containerDirective' || child.type === 'leafDirective') {
        const label = child.attributes?.['label'];
        return [...(label ? [{ type: 'paragraph', children: [{ type: 'text', value: label }] } as Nodes] : []), ...inner];
      }
      return 'children' in child ? [{ ...child, children: inner } as Nodes] : [child];
    });
  return { ...node, children: unwrap(node.children) as Root['children'] };
}
