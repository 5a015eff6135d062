/** What a command receives from the shell: language, output, the workspace root, the clock. */
import { t, type Lang, type Localized } from '../core/diagnostics.js';
import { isIsoDate, isoFromDate } from '../core/dates.js';
import { findWorkspaceRoot } from './workspace-root.js';
import { usageError } from '../errors.js';
import { chooseStyle, type Style } from './terminal.js';

export interface CommandContext {
  lang: Lang;
  cwd: string;
  env: NodeJS.ProcessEnv;
  style: Style;
  stdinIsTTY: boolean;
  stdoutIsTTY: boolean;
  /** The terminal's width when known (a terminal, or COLUMNS); tables narrower than it are kept, wider ones fold. */
  columns: number | undefined;
  out: (text: string) => void;
  err: (text: string) => void;
  /** Localised line to stdout. */
  say: (text: Localized) => void;
  /** Localised line to stderr. */
  warn: (text: Localized) => void;
  /** The workspace root; throws an environment error (exit 3) when there is none. */
  root: () => string;
  rootOption: string | undefined;
  /** Today, as ISO; the one place the clock is read. */
  today: () => string;
  version: string;
}

/** Where a run's output goes and what its terminal is: the process's own, or a test's. */
export interface Io {
  write: (text: string) => void;
  writeErr: (text: string) => void;
  stdinIsTTY: boolean;
  stdoutIsTTY: boolean;
  columns?: number;
}

export function processIo(): Io {
  return {
    ...(process.stdout.isTTY && process.stdout.columns > 0 ? { columns: process.stdout.columns } : {}),
    write: (text) => process.stdout.write(text),
    writeErr: (text) => process.stderr.write(text),
    stdinIsTTY: Boolean(process.stdin.isTTY),
    stdoutIsTTY: Boolean(process.stdout.isTTY),
  };
}

/** The width output must fit: COLUMNS when set (scripts, tests), else the terminal's; none for a pipe. */
export function terminalColumns(io: Io, env: NodeJS.ProcessEnv): number | undefined {
  const fromEnv = Number(env['COLUMNS']);
  if (Number.isInteger(fromEnv) && fromEnv >= 20) return fromEnv;
  return io.columns;
}

export function createContext(options: {
  lang: Lang;
  rootOption: string | undefined;
  version: string;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  io?: Io;
}): CommandContext {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const io = options.io ?? processIo();
  let root: string | undefined;
  const ctx: CommandContext = {
    lang: options.lang,
    cwd,
    env,
    style: chooseStyle(env, io.stdoutIsTTY),
    stdinIsTTY: io.stdinIsTTY,
    stdoutIsTTY: io.stdoutIsTTY,
    columns: terminalColumns(io, env),
    out: (text) => io.write(text + '\n'),
    err: (text) => io.writeErr(text + '\n'),
    say: (text) => io.write(text[options.lang] + '\n'),
    warn: (text) => io.writeErr(text[options.lang] + '\n'),
    root() {
      root ??= findWorkspaceRoot(options.rootOption ?? env['THIDUA_ROOT'] ?? undefined, cwd);
      return root;
    },
    rootOption: options.rootOption,
    today() {
      // THIDUA_TODAY fixes "today" for scripts and tests; the clock is read nowhere else.
      const fixed = env['THIDUA_TODAY'];
      if (fixed === undefined || fixed === '') return isoFromDate(new Date());
      if (!isIsoDate(fixed))
        throw usageError(
          t(`THIDUA_TODAY “${fixed}” không phải ngày YYYY-MM-DD`, `THIDUA_TODAY “${fixed}” is not a date YYYY-MM-DD`),
        );
      return fixed;
    },
    version: options.version,
  };
  return ctx;
}
