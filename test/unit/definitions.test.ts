import { describe, expect, it } from 'vitest';
import { DEFINITIONS, type CommandDef } from '../../src/commands/definitions.js';
import { toInput } from '../../src/cli/input.js';

// commander hands an option over under the camelCase of its long flag (`--as-of` → asOf,
// `--no-history` → history: false); an option keyed otherwise would be read as never given.
const camel = (flag: string) => flag.replace(/^--/, '').replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
const options = Object.entries(DEFINITIONS as Record<string, CommandDef>).flatMap(([command, def]) =>
  Object.entries(def.options).map(([key, o]) => ({ command, key, flag: o.flag.split(/,\s*/).pop()!, def })),
);

describe('the command table', () => {
  it('has options to check', () => {
    expect(options.length).toBeGreaterThan(50);
  });

  it.each(options)('$command $flag is keyed $key', ({ key, flag }) => {
    expect(flag).toMatch(/^--[a-z][a-z0-9-]*$/);
    expect(key).toBe(camel(flag));
  });

  it.each(options)('$command $flag given on the command line reaches the command', ({ key, flag, def }) => {
    const negated = /^--no-(.+)$/.exec(flag);
    // What commander parsed when the flag is typed.
    const parsed = negated ? { [camel(`--${negated[1]!}`)]: false } : { [key]: sample(def.options[key]!.type) };
    const input = toInput(def, [], parsed);
    expect(input.options[key], `${flag} was typed`).not.toEqual(toInput(def, [], {}).options[key]);
  });

  it('no command has one flag twice', () => {
    for (const [command, def] of Object.entries(DEFINITIONS as Record<string, CommandDef>)) {
      const flags = Object.values(def.options).map((o) => o.flag.split(/,\s*/).pop());
      expect(new Set(flags).size, command).toBe(flags.length);
    }
  });
});

function sample(type: CommandDef['options'][string]['type']): unknown {
  switch (type) {
    case 'flag':
      return true;
    case 'texts':
      return ['a'];
    case 'year':
      return '2031';
    case 'date':
      return '2031-05-06';
    case 'count':
      return '3';
    case 'text':
      return 'a';
  }
}
