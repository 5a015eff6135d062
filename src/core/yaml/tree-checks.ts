/** Checks over the syntax tree: no aliases or anchors, core-schema tags only, no repeated key. */
import { isAlias, isMap, isNode, isPair, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import { t, type Diagnostic } from '../diagnostics.js';
import { posAt } from './positions.js';
import { diag } from './syntax-errors.js';
import { MAX_DEPTH, TOO_DEEP } from './nesting.js';

const ALLOWED_TAGS = new Set(
  ['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((n) => `tag:yaml.org,2002:${n}`),
);

/**
 * One walk over the tree, with an explicit stack (no recursion limit): aliases and anchors, tags
 * outside the core schema, and keys repeated in a mapping (a set per mapping, so linear).
 */
export function treeDiagnostics(
  path: string,
  text: string,
  doc: Document.Parsed,
  lineCounter: LineCounter,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const stack: unknown[] = [doc.contents];
  // The nesting depth of each entry on the stack (a pair's key and value are one level below its map).
  const depths: number[] = [1];
  let tooDeep = false;
  while (stack.length) {
    const node = stack.pop();
    const depth = depths.pop()!;
    if (!isNode(node) && !isPair(node)) continue;
    if (isPair(node)) {
      stack.push(node.value, node.key);
      depths.push(depth, depth);
      continue;
    }
    if ((isMap(node) || isSeq(node)) && depth > MAX_DEPTH) {
      if (!tooDeep) out.push(diag(path, text, posAt(lineCounter, node.range?.[0] ?? 0), 'yaml-too-deep', TOO_DEEP));
      tooDeep = true;
      continue;
    }
    if (isAlias(node)) {
      out.push(
        diag(
          path,
          text,
          posAt(lineCounter, node.range?.[0] ?? 0),
          'yaml-alias',
          t(
            `không được dùng alias (*${node.source}); hãy viết lại giá trị`,
            `aliases are not allowed (*${node.source}); write the value out`,
          ),
        ),
      );
      continue;
    }
    const n = node as Node;
    if (n.anchor) {
      out.push(
        diag(
          path,
          text,
          posAt(lineCounter, n.range?.[0] ?? 0),
          'yaml-alias',
          t(`không được dùng anchor (&${n.anchor})`, `anchors are not allowed (&${n.anchor})`),
        ),
      );
    }
    if (n.tag && !ALLOWED_TAGS.has(n.tag)) {
      out.push(
        diag(
          path,
          text,
          posAt(lineCounter, n.range?.[0] ?? 0),
          'yaml-syntax',
          t(`không được dùng thẻ (tag) ${n.tag}`, `the tag ${n.tag} is not allowed`),
        ),
      );
    }
    if (isMap(n)) {
      const seen = new Set<string>();
      for (const item of n.items) {
        if (isScalar(item.key)) {
          const key = String(item.key.value);
          if (seen.has(key)) {
            out.push(
              diag(
                path,
                text,
                posAt(lineCounter, item.key.range?.[0] ?? 0),
                'duplicate-key',
                t(`khoá “${key}” bị lặp lại trong cùng một ánh xạ`, `the key “${key}” repeats in the same mapping`),
              ),
            );
          }
          seen.add(key);
        }
      }
      for (let i = n.items.length - 1; i >= 0; i--) {
        stack.push(n.items[i]);
        depths.push(depth + 1);
      }
    } else if (isSeq(n)) {
      for (let i = n.items.length - 1; i >= 0; i--) {
        stack.push(n.items[i]);
        depths.push(depth + 1);
      }
    }
  }
  return out;
}
