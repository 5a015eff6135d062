/** The types of the command table (see ../definitions.ts). */
import type { Localized } from '../../core/diagnostics.js';

/** year: 2016; years: 2016 2017…; text: one word; texts: several words (the last argument). */
export type ArgType = 'year' | 'years' | 'text' | 'texts';
/** flag: present or not; text; texts: repeatable; year, date (YYYY-MM-DD or dd/mm/yyyy), count (≥ 1). */
export type OptionType = 'flag' | 'text' | 'texts' | 'year' | 'date' | 'count';

export interface ArgDef {
  readonly name: string;
  readonly type: ArgType;
  readonly optional?: boolean;
}

export interface OptionDef {
  /** As typed: "--as-of", "-m, --message". */
  readonly flag: string;
  /** The value's placeholder in help ("<date>"), for options that take one. */
  readonly value?: string;
  readonly type: OptionType;
  readonly description: Localized;
}

export interface CommandDef {
  readonly description: Localized;
  readonly args: readonly ArgDef[];
  /** Keyed by the option's name in camelCase (`--as-of` → asOf). */
  readonly options: Readonly<Record<string, OptionDef>>;
}

type ArgValue<T extends ArgType> = T extends 'year'
  ? number
  : T extends 'years'
    ? number[]
    : T extends 'texts'
      ? string[]
      : string;
type OptionValue<T extends OptionType> = T extends 'flag'
  ? boolean
  : T extends 'texts'
    ? string[]
    : T extends 'year' | 'count'
      ? number
      : string;

/** The typed input of a command: its arguments by name, its options by key. */
export type InputOf<D extends CommandDef> = {
  args: {
    [A in D['args'][number] as A['name']]: A extends { type: 'years' }
      ? number[]
      : A extends { type: 'texts' }
        ? string[]
        : A extends { optional: true }
          ? ArgValue<A['type']> | undefined
          : ArgValue<A['type']>;
  };
  options: {
    [K in keyof D['options']]: D['options'][K]['type'] extends 'flag' | 'texts'
      ? OptionValue<D['options'][K]['type']>
      : OptionValue<D['options'][K]['type']> | undefined;
  };
};
