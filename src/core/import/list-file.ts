/**
 * departments.yaml and people.yaml rewritten by an import: the file's comments and untouched items
 * kept, changed items replaced and new ones appended, one flow mapping per line (pure).
 */
import { isMap, isSeq, LineCounter, parseDocument, YAMLSeq, type Node } from 'yaml';

export function updateListText(original: string, items: ReadonlyMap<number, object>, total: number): string {
  const doc = parseDocument(original, { version: '1.2', uniqueKeys: true });
  let list: YAMLSeq;
  if (isSeq(doc.contents)) list = doc.contents;
  else {
    list = new YAMLSeq();
    const old = doc.contents as Node | null;
    if (old?.commentBefore) list.commentBefore = old.commentBefore;
    (doc as { contents: unknown }).contents = list;
  }
  // An empty flow list (`[]`, as init writes it) becomes a block list.
  list.flow = false;
  for (let i = 0; i < total; i++) {
    const value = items.get(i);
    if (value === undefined) continue;
    const node = doc.createNode(value);
    if (isMap(node)) node.flow = true;
    if (i < list.items.length) {
      const old = list.items[i] as Node | undefined;
      if (old && old.commentBefore) node.commentBefore = old.commentBefore ?? null;
      if (old && old.comment) node.comment = old.comment ?? null;
      list.items[i] = node;
    } else list.items.push(node);
  }
  return doc.toString({ lineWidth: 0, minContentWidth: 0, flowCollectionPadding: true });
}

/** The line span of each item of the list in a text (for placing findings back on the sheet). */
export function itemLines(text: string): Array<{
  start: number;
  end: number;
  fields: Array<{ key: string; line: number; column: number; endLine: number; endColumn: number }>;
}> {
  const lc = new LineCounter();
  const doc = parseDocument(text, { version: '1.2', lineCounter: lc });
  if (!isSeq(doc.contents)) return [];
  return doc.contents.items.map((item) => {
    const node = item as Node;
    const [a, , b] = node.range ?? [0, 0, 0];
    // Every key of the item, those nested in `changes` first (the innermost that holds a position wins).
    const fields: Array<{ key: string; line: number; column: number; endLine: number; endColumn: number }> = [];
    const visit = (n: Node) => {
      if (isSeq(n)) for (const x of n.items) visit(x as Node);
      if (!isMap(n)) return;
      for (const pair of n.items) {
        const k = pair.key as Node;
        const v = (pair.value ?? pair.key) as Node;
        if (isMap(v) || isSeq(v)) visit(v);
        const s = lc.linePos(k.range?.[0] ?? a);
        const e = lc.linePos(v.range?.[1] ?? b);
        fields.push({
          key: String((k as { value?: unknown }).value),
          line: s.line,
          column: s.col,
          endLine: e.line,
          endColumn: e.col,
        });
      }
    };
    visit(node);
    return { start: lc.linePos(a).line, end: lc.linePos(Math.max(a, b - 1)).line, fields };
  });
}
