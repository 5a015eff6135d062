/** A prompter that answers from a script, recording the questions it was asked. */
import type { Prompter } from '../../src/flows/prompter.js';
import { PromptCancelled } from '../../src/flows/prompter.js';

export type Answer = unknown | typeof CANCEL;
export const CANCEL = Symbol('ctrl-c');

export function scripted(answers: Answer[]): Prompter & { asked: string[]; notes: string[] } {
  const queue = [...answers];
  const asked: string[] = [];
  const notes: string[] = [];
  const next = async (kind: string, q: { message: string; default?: unknown; choices?: Array<{ value: unknown }> }) => {
    asked.push(`${kind}: ${q.message}`);
    if (queue.length === 0) throw new Error(`no scripted answer for “${q.message}”`);
    const a = queue.shift();
    if (a === CANCEL) throw new PromptCancelled();
    if (a === undefined) return q.default;
    if (q.choices && kind !== 'checkbox' && !q.choices.some((c) => c.value === a)) throw new Error(`“${String(a)}” is not a choice of “${q.message}”`);
    return a;
  };
  return {
    asked,
    notes,
    select: (q) => next('select', q) as never,
    search: (q) => next('search', q) as never,
    confirm: (q) => next('confirm', q) as never,
    input: async (q) => {
      const v = (await next('input', q)) as string;
      const ok = q.validate?.(v) ?? true;
      if (ok !== true) throw new Error(`invalid answer “${v}” to “${q.message}”: ${ok}`);
      return v;
    },
    checkbox: (q) => next('checkbox', q) as never,
    editor: (q) => next('editor', q) as never,
    note: (text) => notes.push(text),
  };
}
