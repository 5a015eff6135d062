/** Mutations of valid record files for fuzzing: drop, duplicate, retype or rename keys; flip bytes. */
import fc from 'fast-check';
import { parse, stringify } from 'yaml';

export type Mutation =
  | { op: 'drop'; pick: number }
  | { op: 'duplicate'; pick: number }
  | { op: 'retype'; pick: number; value: unknown }
  | { op: 'rename'; pick: number; name: string }
  | { op: 'flip'; at: number; bit: number }
  | { op: 'truncate'; at: number }
  | { op: 'insert'; at: number; text: string };

const weird = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.string({ maxLength: 12 }),
  fc.constant('__proto__'),
  fc.constant('2016-02-30'),
  fc.constant(''),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 3 }),
);

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('drop' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('duplicate' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('retype' as const), pick: fc.nat(), value: weird }),
  fc.record({
    op: fc.constant('rename' as const),
    pick: fc.nat(),
    name: fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom('__proto__', 'constructor', 'criteria', 'id', '<<')),
  }),
  fc.record({ op: fc.constant('flip' as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({
    op: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.constantFrom(
      '\t',
      ': ',
      '- ',
      '&a ',
      '*a',
      '!!binary ',
      '"',
      '{',
      '[',
      '\n---\n',
      '#',
      '\u0000',
      '\uFEFF',
    ),
  }),
);

const isPlainObject = (v: unknown): v is Record<string, unknown> => {
  if (!v || typeof v !== 'object') return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
};

/**
 * Every [container, key] pair of a plain value, depth first. Only plain lists and mappings are
 * containers: a `!!binary` value parses to a Uint8Array, whose bytes cannot be dropped or renamed
 * (seed 20261126 found it).
 */
export function slots(v: unknown, out: Array<[Record<string, unknown> | unknown[], string | number]> = []) {
  if (Array.isArray(v))
    v.forEach((x, i) => {
      out.push([v, i]);
      slots(x, out);
    });
  else if (isPlainObject(v))
    for (const k of Object.keys(v)) {
      out.push([v, k]);
      slots(v[k], out);
    }
  return out;
}

export function applyMutation(bytes: Uint8Array, m: Mutation): Uint8Array {
  const text = Buffer.from(bytes).toString('utf8');
  if (m.op === 'flip') {
    const out = Buffer.from(bytes);
    if (out.length) out[m.at % out.length] = out[m.at % out.length]! ^ (1 << m.bit);
    return out;
  }
  if (m.op === 'truncate') return Buffer.from(bytes).subarray(0, m.at % (bytes.length + 1));
  if (m.op === 'insert') {
    const at = m.at % (text.length + 1);
    return Buffer.from(text.slice(0, at) + m.text + text.slice(at));
  }
  let value: unknown;
  try {
    value = parse(text, { logLevel: 'silent' });
  } catch {
    return bytes;
  }
  const all = slots(value);
  if (all.length === 0) return bytes;
  const [container, key] = all[m.pick % all.length]!;
  if (Array.isArray(container)) {
    const i = key as number;
    if (m.op === 'drop') container.splice(i, 1);
    else if (m.op === 'duplicate') container.splice(i, 0, structuredClone(container[i]));
    else if (m.op === 'retype') container[i] = m.value;
  } else {
    const k = key as string;
    if (m.op === 'drop') delete container[k];
    else if (m.op === 'retype') container[k] = m.value;
    else if (m.op === 'rename' && m.name !== k) {
      Object.defineProperty(container, m.name, {
        value: container[k],
        enumerable: true,
        configurable: true,
        writable: true,
      });
      delete container[k];
    } else if (m.op === 'duplicate') {
      // A repeated key cannot live in an object: write it into the text instead.
      return Buffer.from(`${text.trimEnd()}\n${k}: ${JSON.stringify(container[k] ?? null)}\n`);
    }
  }
  return Buffer.from(stringify(value));
}
