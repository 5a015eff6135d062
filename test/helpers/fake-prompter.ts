/** A prompter that answers from a script, recording the questions it was asked. */
import type { Prompter } from '../../src/flows/prompter.js';
import { PromptCancelled } from '../../src/flows/prompter.js';

/** A scripted answer: any value, `undefined` for the default, or CANCEL for Ctrl-C. */
export type Answer = unknown;
export const CANCEL = Symbol('ctrl-c');

export function scripted(answers: Answer[]): Prompter & { asked: string[]; notes: string[] } {
  const queue = [...answers];
  const asked: string[] = [];
  const notes: string[] = [];
  const answer = (
    kind: string,
    q: { message: string; default?: unknown; choices?: Array<{ value: unknown }> },
  ): unknown => {
    asked.push(`${kind}: ${q.message}`);
    if (queue.length === 0) throw new Error(`no scripted answer for “${q.message}”`);
    const a = queue.shift();
    if (a === CANCEL) throw new PromptCancelled();
    if (a === undefined) return q.default;
    if (q.choices && kind !== 'checkbox' && !q.choices.some((c) => c.value === a))
      throw new Error(`“${JSON.stringify(a)}” is not a choice of “${q.message}”`);
    return a;
  };
  // Like a real prompt, a question answers (or fails) asynchronously.
  const next = (kind: string, q: Parameters<typeof answer>[1]): Promise<unknown> => {
    try {
      return Promise.resolve(answer(kind, q));
    } catch (err) {
      return Promise.reject(err instanceof Error ? err : new Error(String(err)));
    }
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
