/**
 * The template vocabulary (docs/directives.md): every block directive a template may write,
 * whether it is a leaf (`::name`) or a container (`:::name` … `:::`), and its attributes.
 * Both backends handle exactly these. Templates are checked against this table when they
 * are loaded, so a misspelt directive or a missing attribute is reported at its line in the
 * template, before anything renders, instead of failing mid-build in one backend only.
 */
import { closest } from '../../validate/closest.ts';

interface DirectiveSpec {
  kind: 'leaf' | 'container';
  required?: readonly string[];
  optional?: readonly string[];
  /** Drawn by the PDF backend only (sheets); a Word report cannot use it. */
  pdfOnly?: true;
  /** A leaf that only has a meaning directly inside this container. */
  inside?: string;
  /** A leaf this container must hold. */
  holds?: string;
}

export const DIRECTIVES: Readonly<Record<string, DirectiveSpec>> = {
  cover: { kind: 'container' },
  toc: { kind: 'leaf', required: ['title'] },
  pagebreak: { kind: 'leaf' },
  practice: { kind: 'container', optional: ['area'] },
  row: { kind: 'container', optional: ['label', 'note', 'area'] },
  'scenarios-tips': { kind: 'container', required: ['scenarios', 'tips'], optional: ['scenariosLabel', 'tipsLabel', 'area'], holds: 'tips' },
  /** Where the scenarios end and the tips begin. */
  tips: { kind: 'leaf', inside: 'scenarios-tips' },
  example: { kind: 'container', required: ['label'], optional: ['area'] },
  qr: { kind: 'leaf', required: ['url'], optional: ['caption'] },
  'qr-beside': { kind: 'container', required: ['url'], pdfOnly: true },
  band: { kind: 'container', required: ['area'] },
  small: { kind: 'container' },
  compact: { kind: 'container' },
  fit: { kind: 'leaf', required: ['top', 'cuts'], pdfOnly: true },
};

export interface DirectiveProblem {
  line: number;
  column: number;
  message: string;
}

/** A line that opens a block directive: `::name{…}` or `:::name{…}`. */
const OPENING = /^(\s*)(:{2,})([A-Za-z][\w-]*)(\{.*\})?\s*$/;
/** A bare fence: it closes the innermost open container that has no more colons. */
const CLOSING = /^\s*(:{3,})\s*$/;

interface OpenContainer {
  name: string;
  colons: number;
  at: { line: number; column: number };
  held: Set<string>;
}

/** The problems of a template's block directives, each at its line and column in the template. */
export function checkDirectives(source: string, backend: 'pdf' | 'docx'): DirectiveProblem[] {
  const problems: DirectiveProblem[] = [];
  const open: OpenContainer[] = [];
  const closeInnermost = () => {
    const container = open.pop()!;
    const holds = DIRECTIVES[container.name]?.holds;
    if (holds && !container.held.has(holds)) {
      problems.push({ ...container.at, message: `":::${container.name}" must hold a "::${holds}" line (see docs/directives.md)` });
    }
  };
  source.split('\n').forEach((text, index) => {
    const fence = CLOSING.exec(text);
    if (fence && open.length > 0 && fence[1]!.length >= open.at(-1)!.colons) closeInnermost();
    const match = OPENING.exec(text);
    if (!match) return;
    const [, indent = '', colons = '', name = '', braces = ''] = match;
    const at = { line: index + 1, column: indent.length + 1 };
    const spec = DIRECTIVES[name];
    if (!spec) {
      const guess = closest(name, Object.keys(DIRECTIVES));
      problems.push({ ...at, message: `unknown directive "${colons}${name}"${guess ? `; did you mean "${guess}"?` : ''} (known: ${Object.keys(DIRECTIVES).join(', ')}; see docs/directives.md)` });
      return;
    }
    if (spec.pdfOnly && backend === 'docx') problems.push({ ...at, message: `"${name}" is drawn in PDFs only; this template renders a Word document` });
    const kind = colons.length === 2 ? 'leaf' : 'container';
    if (kind === 'container') open.push({ name, colons: colons.length, at, held: new Set() });
    if (spec.inside) {
      if (open.at(-1)?.name === spec.inside) open.at(-1)!.held.add(name);
      else problems.push({ ...at, message: `"::${name}" belongs directly inside ":::${spec.inside}"` });
    }
    if (kind !== spec.kind) {
      problems.push({ ...at, message: `"${name}" is a ${spec.kind} directive: write it ${spec.kind === 'leaf' ? `"::${name}"` : `":::${name}" … ":::"`}` });
    }
    const unquoted = braces.replace(/"[^"]*"|'[^']*'/g, '""'); // values may hold "=" (URLs, Handlebars)
    const given = [...unquoted.matchAll(/([A-Za-z][\w-]*)\s*=/g)].map((m) => m[1]!);
    const allowed = [...(spec.required ?? []), ...(spec.optional ?? [])];
    for (const attribute of spec.required ?? []) {
      if (!given.includes(attribute)) problems.push({ ...at, message: `directive "${name}" needs the attribute ${attribute}="…"` });
    }
    for (const attribute of given.filter((a) => !allowed.includes(a))) {
      const guess = closest(attribute, allowed);
      problems.push({
        ...at,
        message: `directive "${name}" has no attribute "${attribute}"${guess ? `; did you mean "${guess}"?` : ''} (it takes: ${allowed.join(', ') || 'none'})`,
      });
    }
  });
  while (open.length > 0) closeInnermost(); // an unclosed container runs to the end, as in remark-directive
  return problems;
}
