/** What commander parsed, turned into a command's typed input (a bad value is a usage error). */
import { parseDate, parsePositiveInt, parseYear } from '../core/args.js';
import type { CommandDef, OptionDef } from '../commands/definitions.js';

/** What commander holds for an option or argument: a string, strings, true, or nothing. */
const str = (raw: unknown): string => (typeof raw === 'string' ? raw : '');

function optionValue(def: OptionDef, raw: unknown): unknown {
  const name = def.flag.split(/,\s*/).pop()!;
  switch (def.type) {
    case 'flag':
      return raw === true;
    case 'texts':
      return Array.isArray(raw) ? raw.map(str) : [];
    case 'year':
      return raw === undefined ? undefined : parseYear(str(raw));
    case 'date':
      return raw === undefined ? undefined : parseDate(str(raw), name);
    case 'count':
      return raw === undefined ? undefined : parsePositiveInt(str(raw), name);
    case 'text':
      return raw === undefined ? undefined : str(raw);
  }
}

export function toInput(
  def: CommandDef,
  positional: ReadonlyArray<unknown>,
  opts: Record<string, unknown>,
): { args: Record<string, unknown>; options: Record<string, unknown> } {
  const args: Record<string, unknown> = {};
  def.args.forEach((a, i) => {
    const raw = positional[i];
    if (a.type === 'years') args[a.name] = (Array.isArray(raw) ? raw.map(str) : []).map((y) => parseYear(y));
    else if (a.type === 'texts') args[a.name] = Array.isArray(raw) ? raw.map(str) : [];
    else if (raw === undefined) args[a.name] = undefined;
    else args[a.name] = a.type === 'year' ? parseYear(str(raw)) : str(raw);
  });
  const options: Record<string, unknown> = {};
  for (const [key, o] of Object.entries(def.options)) {
    // commander keeps a "--no-x" flag as x: false when it is given.
    const negated = /^--no-([a-z-]+)$/.exec(o.flag.split(/,\s*/).pop()!);
    if (negated && o.type === 'flag')
      options[key] = opts[negated[1]!.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())] === false;
    else options[key] = optionValue(o, opts[key]);
  }
  return { args, options };
}

/** The usage line of a command: "tally <year>", "verify [years...]". */
export function usageOf(name: string, def: CommandDef): string {
  const parts = def.args.map((a) =>
    a.type === 'years' || a.type === 'texts' ? `[${a.name}...]` : a.optional ? `[${a.name}]` : `<${a.name}>`,
  );
  return [name, ...parts].join(' ');
}
