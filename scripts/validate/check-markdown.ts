/**
 * Markdown rules beyond the sections: links lead somewhere a reader can follow (absolute
 * http(s) or mailto URLs only), the more-info sentence has its URL and the URL its sentence,
 * no raw HTML, headings do not skip levels.
 */
import type { Nodes, Root } from 'mdast';
import type { Entries } from '../load/load-content.ts';
import { checkUrl } from '../model/frontmatter-schemas.ts';
import type { Diagnostics } from './diagnostics.ts';

export function checkMarkdown(entries: Entries, d: Diagnostics): void {
  for (const list of Object.values(entries)) {
    for (const entry of list) {
      const file = entry.file.path;
      let moreInfoUsed = false;
      let depth = 1; // the title (from frontmatter) is level 1
      visit(entry.body, (node) => {
        if (node.type === 'heading') {
          if (node.depth > depth + 1) {
            d.error(
              file,
              node.position ? { line: node.position.start.line, column: node.position.start.column } : undefined,
              `heading level ${node.depth} follows level ${depth}; levels may not be skipped`,
              `use ${'#'.repeat(depth + 1)} here, or add the missing level above`,
            );
          }
          depth = node.depth;
        }
        const at = node.position ? { line: node.position.start.line, column: node.position.start.column } : undefined;
        if (node.type === 'link' && node.data?.reference === 'more-info') {
          moreInfoUsed = true; // its URL is `moreInfoUrl`, already checked in the frontmatter
        } else if (node.type === 'link') {
          const problem = checkUrl(node.url);
          if (problem) d.error(file, at, problem, 'links must be absolute http, https or mailto URLs');
        } else if (node.type === 'image' || node.type === 'imageReference') {
          d.error(file, at, 'images are not supported in content', 'describe the image in words, or link to it: [caption](https://…)');
        } else if (node.type === 'text' && node.value.includes('][more-info]')) {
          d.error(
            file,
            at,
            'the more-info link "[…][more-info]" has no URL',
            'add `moreInfoUrl:` to the frontmatter, or remove the sentence',
          );
        } else if (node.type === 'html') {
          d.error(file, at, 'raw HTML is not allowed in content', 'write it in Markdown; HTML never reaches the PDF or Word outputs');
        }
      });
      if (entry.file.kind === 'practice' && typeof entry.raw['moreInfoUrl'] === 'string' && !moreInfoUsed) {
        d.warning(
          file,
          entry.locate(['moreInfoUrl']),
          '`moreInfoUrl` is set but no sentence links to it',
          'write the sentence as `[You can find additional information here.][more-info]`',
        );
      }
    }
  }
}

function visit(node: Nodes | Root, fn: (node: Nodes) => void): void {
  fn(node);
  if ('children' in node) for (const child of node.children) visit(child, fn);
}
