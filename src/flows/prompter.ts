/**
 * What the guided commands ask through: an interface, so tests inject scripted answers and the
 * terminal gets @inquirer/prompts (loaded only when a command really prompts).
 */
import { fold } from '../core/text/fold.js';

export interface Choice<T> {
  name: string;
  value: T;
  description?: string;
}

export interface Prompter {
  select<T>(q: { message: string; choices: Choice<T>[]; default?: T }): Promise<T>;
  search<T>(q: { message: string; choices: Choice<T>[] }): Promise<T>;
  confirm(q: { message: string; default?: boolean }): Promise<boolean>;
  input(q: { message: string; default?: string; validate?: (v: string) => true | string }): Promise<string>;
  checkbox<T>(q: { message: string; choices: Array<Choice<T> & { checked?: boolean }> }): Promise<T[]>;
  editor(q: { message: string; default?: string }): Promise<string>;
  /** Print a line between questions. */
  note(text: string): void;
}

/** Thrown by a prompter when the user pressed Ctrl-C or input ended: nothing is written, exit 130. */
export class PromptCancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

const ACTIONS_VI: Record<string, string> = {
  navigate: 'di chuyển',
  select: 'chọn',
  all: 'chọn tất cả',
  invert: 'đảo',
  submit: 'xong',
  toggle: 'chọn/bỏ',
};

/** `edit` opens long text in the clerk's editor (found beforehand by the shell); without it, @inquirer's. */
export async function terminalPrompter(
  write: (s: string) => void,
  lang: 'vi' | 'en' = 'vi',
  edit?: (text: string) => string,
): Promise<Prompter> {
  const p = await import('@inquirer/prompts');
  const theme = {
    style: {
      keysHelpTip: (keys: [string, string][]) =>
        `\u001b[2m${keys.map(([k, a]) => `${k} ${lang === 'vi' ? (ACTIONS_VI[a] ?? a) : a}`).join(' • ')}\u001b[22m`,
    },
  };
  const yesNo = (v: boolean) => (lang === 'vi' ? (v ? 'Có' : 'Không') : v ? 'Yes' : 'No');
  const wrap = async <T>(fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (err) {
      const name = (err as Error)?.name ?? '';
      if (name === 'ExitPromptError' || name === 'AbortPromptError' || name === 'CancelPromptError')
        throw new PromptCancelled();
      throw err;
    }
  };
  return {
    select: (q) =>
      wrap(() =>
        p.select({ message: q.message, choices: q.choices, default: q.default, pageSize: 12, loop: false, theme }),
      ),
    search: <T>(q: { message: string; choices: Choice<T>[] }) =>
      wrap(() =>
        p.search<T>({
          message: q.message,
          pageSize: 12,
          theme,
          source: (term) => {
            const needle = fold(term ?? '');
            return q.choices.filter((c) => fold(`${c.name} ${c.description ?? ''}`).includes(needle));
          },
        }),
      ),
    confirm: (q) => wrap(() => p.confirm({ ...q, transformer: yesNo })),
    input: (q) => wrap(() => p.input({ message: q.message, default: q.default, validate: q.validate })),
    checkbox: (q) =>
      wrap(() => p.checkbox({ message: q.message, choices: q.choices, pageSize: 15, loop: false, theme })),
    editor: (q) =>
      edit
        ? Promise.resolve().then(() => edit(q.default ?? ''))
        : wrap(() => p.editor({ message: q.message, default: q.default, waitForUserInput: false })),
    note: (text) => write(text),
  };
}
