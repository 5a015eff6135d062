/**
 * Every command as typed data: its arguments and options with their types and help text. The
 * command line is built from this table and turns what was typed into a typed input at the edge
 * (a bad year, date or number is a usage error there); each command receives `Input<'name'>`.
 */
import type { CommandContext } from '../shell/context.js';
import type { CommandDef, InputOf } from './definitions/types.js';
import { RECORD_COMMANDS } from './definitions/records.js';
import { ROUND_COMMANDS } from './definitions/rounds.js';
import { DOCUMENT_COMMANDS } from './definitions/documents.js';
import { NOMINATION_COMMANDS } from './definitions/nominations.js';
import { PUBLISHING_COMMANDS } from './definitions/publishing.js';

export type { ArgType, OptionType, ArgDef, OptionDef, CommandDef, InputOf } from './definitions/types.js';

export const DEFINITIONS = {
  ...RECORD_COMMANDS,
  ...ROUND_COMMANDS,
  ...DOCUMENT_COMMANDS,
  ...NOMINATION_COMMANDS,
  ...PUBLISHING_COMMANDS,
} as const satisfies Record<string, CommandDef>;

export type CommandName = keyof typeof DEFINITIONS;
export type Input<N extends CommandName> = InputOf<(typeof DEFINITIONS)[N]>;

/** What a command module exports. */
export interface CommandModule<N extends CommandName> {
  run(ctx: CommandContext, input: Input<N>): Promise<number> | number;
}
