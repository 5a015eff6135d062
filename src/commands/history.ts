import type { Input } from './definitions.js';
import type { CommandContext } from '../shell/context.js';
export async function run(_ctx: CommandContext, _input: Input<'history'>): Promise<number> {
  return Promise.resolve(0);
}
