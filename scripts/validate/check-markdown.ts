/**
 * Markdown rules beyond the sections: links lead somewhere a reader can follow (absolute
 * http(s) or mailto URLs only), the more-info sentence has its URL and the URL its sentence,
 * no raw HTML or images, headings do not skip levels, every footnote has its note and every
 * note is referenced. Markdown in frontmatter (a sheet summary) follows the same rules,
 * reported at the frontmatter value.
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
        } else if (node.type === 'text' && node.value.includes('][more-info]')) {
          d.error(
            file,
            at,
            'the more-info link "[…][more-info]" has no URL',
            'add `moreInfoUrl:` to the frontmatter, or remove the sentence',
          );
        } else if (node.type === 'footnoteReference' && !node.data?.note) {
          d.error(file, at, ...noNote(node.label ?? node.identifier, ' (a note cannot refer to itself)'));
        } else if (node.type === 'text' && /\[\^[^\]\s]+\]/.test(node.value)) {
          // Without its note, `[^label]` is not parsed as a footnote at all: it would print as is.
          for (const match of node.value.matchAll(/\[\^([^\]\s]+)\]/g)) {
            d.error(file, at && offsetIn(node.value, match.index, at), ...noNote(match[1]!, ''));
          }
        } else {
          const problem = inlineProblem(node);
          if (problem) d.error(file, at, problem.message, problem.hint);
        }
      });
      for (const note of entry.body.data?.unusedNotes ?? []) {
        d.warning(
          file,
          note.position ? { line: note.position.start.line, column: note.position.start.column } : undefined,
          `footnote [^${note.label ?? note.identifier}] is never referenced, so its note is not printed`,
          `refer to it with \`[^${note.label ?? note.identifier}]\` after the words it explains, or delete the note`,
        );
      }
      for (const { path, tree } of entry.frontmatterMarkdown) {
        visit(tree, (node) => {
          const problem =
            node.type === 'footnoteReference'
              ? { message: `footnote [^${node.label ?? node.identifier}] in a frontmatter value`, hint: 'a frontmatter value cannot carry a note: remove the reference, or put the note in the body' }
              : inlineProblem(node);
          if (problem) d.error(file, entry.locate(path), `\`${path.join('.')}\`: ${problem.message}`, problem.hint);
        });
      }
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

function noNote(label: string, why: string): [string, string] {
  return [`footnote [^${label}] has no note`, `add its note on a line of its own anywhere in this file: \`[^${label}]: The note's text.\`${why}`];
}

/** Where the character at `index` of a text node's value stands, from the node's start. */
function offsetIn(value: string, index: number, start: { line: number; column: number }): { line: number; column: number } {
  const lines = value.slice(0, index).split('\n');
  return lines.length === 1 ? { line: start.line, column: start.column + index } : { line: start.line + lines.length - 1, column: lines.at(-1)!.length + 1 };
}

/** What may not appear in content Markdown: links a reader cannot follow, images, raw HTML. */
function inlineProblem(node: Nodes): { message: string; hint: string } | undefined {
  if (node.type === 'link') {
    const problem = checkUrl(node.url);
    return problem ? { message: problem, hint: 'links must be absolute http, https or mailto URLs' } : undefined;
  }
  if (node.type === 'image' || node.type === 'imageReference') {
    return { message: 'images are not supported in content', hint: 'describe the image in words, or link to it: [caption](https://…)' };
  }
  if (node.type === 'html') {
    return { message: 'raw HTML is not allowed in content', hint: 'write it in Markdown; HTML never reaches the PDF or Word outputs (comments `<!-- … -->` are fine: they are not printed)' };
  }
  return undefined;
}

/** Every node of the tree, and of the notes its footnote references carry (each note once). */
function visit(node: Nodes | Root, fn: (node: Nodes) => void, seen = new Set<Nodes>()): void {
  fn(node);
  if (node.type === 'footnoteReference' && node.data?.note && !seen.has(node.data.note)) {
    seen.add(node.data.note);
    visit(node.data.note, fn, seen);
  }
  if ('children' in node) for (const child of node.children) visit(child, fn, seen);
}
