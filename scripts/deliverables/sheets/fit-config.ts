/**
 * How a sheet is shortened, as its template says it: the `::fit{top=… cuts=…}` line of
 * templates/sheets/sheet.md.hbs. The directive is read here and removed from every tree
 * before the PDF mapping, which has no handler for it (it prints nothing).
 */
import type { Root } from 'mdast';
import type { TemplateSet } from '../../render/template/render-template.ts';

/** The parts of a sheet that fitting may shorten, by the names the template gives them. */
export const PARTS = ['description', 'context', 'keySuccessFactors', 'results', 'recommendations'] as const;
export type Part = (typeof PARTS)[number];

export interface FitConfig {
  /** How many recommendations a sheet shows at most. */
  top: number;
  /** The parts to shorten, first to last. */
  cuts: Part[];
}

export const SHEET_TEMPLATE = 'sheets/sheet';

/** Reads and removes the `::fit` directive of a rendered sheet. */
export function takeFitConfig(tree: Root): FitConfig | undefined {
  const index = tree.children.findIndex((n) => n.type === 'leafDirective' && n.name === 'fit');
  if (index === -1) return undefined;
  const node = tree.children[index] as { attributes?: Record<string, string | null | undefined> | null };
  tree.children.splice(index, 1);
  const where = `templates/${SHEET_TEMPLATE}.md.hbs`;
  const top = Number(node.attributes?.['top'] ?? '');
  if (!Number.isInteger(top) || top < 1) throw new Error(`${where}: ::fit needs top="N" with N ≥ 1 (how many recommendations a sheet shows)`);
  const cuts = (node.attributes?.['cuts'] ?? '').split(/\s+/).filter(Boolean);
  for (const cut of cuts) {
    if (!(PARTS as readonly string[]).includes(cut)) throw new Error(`${where}: ::fit cuts names "${cut}"; expected some of: ${PARTS.join(', ')}`);
  }
  return { top, cuts: cuts as Part[] };
}

const configs = new WeakMap<TemplateSet, FitConfig>();

/** The template's fit config, read once per template set from a render with `view`. */
export function fitConfig(templates: TemplateSet, view: object): FitConfig {
  let config = configs.get(templates);
  if (!config) {
    config = takeFitConfig(templates.render(SHEET_TEMPLATE, view));
    if (!config) throw new Error(`templates/${SHEET_TEMPLATE}.md.hbs has no ::fit{top=… cuts=…} line; it says how a sheet is shortened`);
    configs.set(templates, config);
  }
  return config;
}
