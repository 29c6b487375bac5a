/**
 * Templates → mdast. A deliverable's template (Handlebars, in `templates/`) renders the
 * model into Markdown: the structure and fixed wording live there, not in code. Blocks that
 * Markdown cannot express are directives (`::toc`, `:::practice`, `::qr{url=…}`) that the
 * PDF and DOCX backends know. Rich text from the model is not re-serialised: `{{md x}}`
 * leaves a `::slot` placeholder that is replaced by the model's own mdast after parsing,
 * so nothing is lost or re-interpreted on the way.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Root, RootContent } from 'mdast';
import { markdownProcessor } from '../../load/markdown-processor.ts';
import { compileTemplate, createEnvironment } from './compile-template.ts';
import { checkDirectives } from './directives.ts';
import { registerHelpers } from './helpers.ts';
import { parseSkeleton } from './skeleton-cache.ts';

/** Change the id with the plugins: it keys the parsed skeletons kept on disk. */
const skeletonParser = {
  id: 'remark-parse+gfm+directive',
  parse: (markdown: string) => {
    const processor = markdownProcessor({ directives: true });
    return processor.runSync(processor.parse(markdown));
  },
};

export class TemplateError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    message: string,
  ) {
    super(message);
    this.name = 'TemplateError';
  }
}

export interface TemplateSet {
  /** Renders a template to mdast, with the model's rich text spliced in. */
  render(name: string, context: object): Root;
}

/**
 * Loads every `*.md.hbs` under `dir` once (`sources`: their text, when already read);
 * partials are referred to by their path without extension.
 */
export function loadTemplates(dir: string, files: readonly string[], sources?: readonly string[]): TemplateSet {
  const hb = createEnvironment();
  const slots: RootContent[][] = [];
  registerHelpers(hb, slots);
  const compiled = new Map<string, HandlebarsTemplateDelegate>();
  for (const [i, file] of files.entries()) {
    const name = file.replace(/\.md\.hbs$/, '');
    const source = sources?.[i] ?? readFileSync(path.join(dir, file), 'utf8');
    rejectUnescaped(path.join(dir, file), source);
    // The reports are the Word deliverable; every other template renders a PDF.
    const [problem] = checkDirectives(source, file.startsWith('reports/') ? 'docx' : 'pdf');
    if (problem) throw new TemplateError(path.join(dir, file), problem.line, problem.column, problem.message);
    let template: HandlebarsTemplateDelegate;
    try {
      template = compileTemplate(hb, source); // a syntax error surfaces now, with its line, not mid-build
    } catch (error) {
      throw toTemplateError(path.join(dir, file), error);
    }
    compiled.set(name, template);
    hb.registerPartial(name, template);
  }
  return {
    render(name, context) {
      const template = compiled.get(name);
      if (!template) throw new TemplateError(path.join(dir, `${name}.md.hbs`), 1, 1, `template "${name}" does not exist`);
      slots.length = 0;
      let markdown: string;
      try {
        markdown = template(context, {
          allowProtoPropertiesByDefault: false,
          allowProtoMethodsByDefault: false,
        });
      } catch (error) {
        throw toTemplateError(path.join(dir, `${name}.md.hbs`), error);
      }
      const tree = parseSkeleton(markdown, skeletonParser);
      spliceSlots(tree, slots);
      return tree;
    },
  };
}

/**
 * Triple-stash `{{{x}}}` and `{{& x}}` print a value unescaped: content could then inject
 * Markdown, directives or HTML into a deliverable. Model rich text goes through `{{md x}}`.
 */
function rejectUnescaped(file: string, source: string): void {
  const match = /\{\{\{|\{\{~?&/.exec(source);
  if (!match) return;
  const before = source.slice(0, match.index);
  const line = before.split('\n').length;
  const column = match.index - before.lastIndexOf('\n');
  throw new TemplateError(
    file,
    line,
    column,
    'unescaped output ({{{…}}} or {{&…}}) is not allowed in templates; use {{…}}, or {{md …}} for rich text',
  );
}

/** Replaces each `::slot{n=…}` leaf directive by the mdast it stands for. */
function spliceSlots(node: { children?: RootContent[] }, slots: RootContent[][]): void {
  if (!node.children) return;
  node.children = node.children.flatMap((child) => {
    if (child.type === 'leafDirective' && child.name === 'slot') {
      return slots[Number(child.attributes?.['n'])] ?? [];
    }
    spliceSlots(child as { children?: RootContent[] }, slots);
    return [child];
  });
}

function toTemplateError(file: string, error: unknown): TemplateError {
  const message = (error as Error).message ?? String(error);
  // Handlebars words locations as "… - 12:4" or "on line 12"; keep the first line of the message.
  const match = /(?:- (\d+):(\d+))|(?:line (\d+))/.exec(message);
  const line = Number(match?.[1] ?? match?.[3] ?? 1);
  const column = Number(match?.[2] ?? 0) + 1;
  return new TemplateError(file, line, column, message.split('\n')[0]!);
}
