/**
 * Turns a zod issue into an editor's message: which key, what is wrong with its value,
 * what is allowed, and where to look (the key for unknown keys, the value otherwise).
 */
import { z } from 'zod';
import { closest } from '../validate/closest.ts';

export interface IssueText {
  message: string;
  hint?: string;
  path: PropertyKey[];
  what: 'key' | 'value';
}

/** `where` names the YAML the keys live in: a content file's frontmatter, or the theme. */
export function describeIssue(issue: z.core.$ZodIssue, schema: z.ZodType, input: unknown, where: 'frontmatter' | 'theme' = 'frontmatter'): IssueText {
  const path = [...issue.path];
  const name = path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') {
    const allowed = keysAt(schema, path);
    const key = issue.keys[0]!;
    const guess = closest(key, allowed);
    return {
      message: `unknown ${where} key \`${[...path, key].join('.')}\`; allowed keys: ${allowed.join(', ')}`,
      hint: guess ? `did you mean \`${guess}\`?` : 'remove the key or fix its spelling',
      path: [...path, key],
      what: 'key',
    };
  }
  const value = valueAt(input, path);
  if (value === undefined) {
    return {
      message: `missing required ${where} key \`${name}\``,
      hint: `add \`${String(path.at(-1))}:\` to the ${where}${path.length > 1 ? ` under \`${path.slice(0, -1).join('.')}:\`` : ''}`,
      path: path.slice(0, -1),
      what: 'value',
    };
  }
  // Custom checks (URLs) already quote the value; zod's built-in messages do not.
  const shown = issue.code === 'custom' ? '' : ` (got ${typeof value === 'string' ? `"${value}"` : JSON.stringify(value)})`;
  return { message: `\`${name}\`: ${lowerFirst(issue.message)}${shown}`, path, what: 'value' };
}

function keysAt(schema: z.ZodType, path: PropertyKey[]): string[] {
  let current: unknown = schema;
  for (const key of path) {
    const shape = shapeOf(current);
    current = shape?.[String(key)];
  }
  return Object.keys(shapeOf(current) ?? {});
}

function shapeOf(schema: unknown): Record<string, z.ZodType> | undefined {
  let s = schema as { shape?: Record<string, z.ZodType>; unwrap?: () => unknown } | undefined;
  while (s && !s.shape && typeof s.unwrap === 'function') s = s.unwrap() as typeof s;
  return s?.shape;
}

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  let v = input;
  for (const key of path) v = v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[key] : undefined;
  return v;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
