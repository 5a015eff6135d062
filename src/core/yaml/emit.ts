/**
 * The one YAML emitter for files thidua writes: the `yaml` package's own stringify, so every
 * value is quoted where YAML would read it otherwise (`null`, `1e3`, `0x1f`, `: `, a leading space).
 */
import { stringify } from 'yaml';

export function yamlText(value: unknown): string {
  return stringify(value, { lineWidth: 0, minContentWidth: 0, aliasDuplicateObjects: false });
}

/** One value as a YAML scalar inside a line (`key: <here>` or a flow mapping): quoted when needed. */
export function yamlScalar(value: string): string {
  return stringify(value, {
    lineWidth: 0,
    minContentWidth: 0,
    defaultStringType: value.includes('\n') ? 'QUOTE_DOUBLE' : 'PLAIN',
  }).trimEnd();
}

/** Ids YAML 1.2 would read as null, a boolean or a number when written plain. */
const NOT_A_STRING = /^(?:null|true|false|~|[-+]?\d+|0o[0-7]+|0x[0-9a-f]+|[-+]?(?:\.\d+|\d+(?:\.\d*)?)(?:e[-+]?\d+)?)$/;

/** An id that reads back as itself even where someone writes it by hand, unquoted. */
export function isUnambiguousId(id: string): boolean {
  return !NOT_A_STRING.test(id);
}
