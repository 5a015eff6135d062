/** Every field name the record schemas know, for "did you mean" hints on unknown fields. */
import { RECORD_KINDS } from './index.js';

type Def = {
  type?: string;
  shape?: Record<string, unknown>;
  element?: unknown;
  innerType?: unknown;
  options?: unknown[];
  valueType?: unknown;
  in?: unknown;
  out?: unknown;
};

function collect(schema: unknown, into: Set<string>, seen: Set<unknown>): void {
  if (!schema || typeof schema !== 'object' || seen.has(schema)) return;
  seen.add(schema);
  const def = (schema as { _zod?: { def?: Def } })._zod?.def;
  if (!def) return;
  if (def.shape) {
    for (const [key, sub] of Object.entries(def.shape)) {
      into.add(key);
      collect(sub, into, seen);
    }
  }
  for (const sub of [def.element, def.innerType, def.valueType, def.in, def.out, ...(def.options ?? [])])
    collect(sub, into, seen);
}

function vocabulary(): string[] {
  const words = new Set<string>();
  const seen = new Set<unknown>();
  for (const kind of RECORD_KINDS) collect(kind.schema, words, seen);
  return [...words].sort();
}

export const FIELD_VOCABULARY: readonly string[] = vocabulary();
