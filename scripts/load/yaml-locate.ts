/**
 * Where the value (or key) at a path sits in a parsed YAML document, as an offset into the
 * YAML text: frontmatter and theme errors point at the offending value, not at the file's top.
 * When the path stops existing, the deepest node found is returned (the key's map, for a
 * missing key).
 */
import { isMap, isScalar, isSeq, type Document, type Node as YamlNode } from 'yaml';

export function offsetOfPath(doc: Document | undefined, path: readonly PropertyKey[], what: 'key' | 'value' = 'value'): number | undefined {
  let node: unknown = doc?.contents;
  let found = node as YamlNode | undefined;
  for (const [i, key] of path.entries()) {
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && p.key.value === key);
      if (!pair) break;
      found = (last && what === 'key' ? pair.key : (pair.value ?? pair.key)) as YamlNode;
      node = pair.value;
    } else if (isSeq(node)) {
      const item = node.items[Number(key)];
      if (!item) break;
      found = item as YamlNode;
      node = item;
    } else break;
  }
  return found?.range?.[0];
}
