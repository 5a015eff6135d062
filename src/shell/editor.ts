/**
 * The clerk's text editor ($VISUAL, else $EDITOR) for long answers: found before any question is
 * asked, so a missing program is a one-line error (exit 3), never a crash in the middle of entry.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, isAbsolute, join } from 'node:path';
import { t } from '../core/diagnostics.js';
import { environmentError } from '../errors.js';

export interface Editor {
  bin: string;
  args: string[];
  /** The variable it came from, for messages. */
  variable: 'VISUAL' | 'EDITOR';
}

function executable(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The editor the environment names, `null` when it names none; a program that is not there is an error. */
export function findEditor(env: NodeJS.ProcessEnv, cwd: string): Editor | null {
  const variable = env['VISUAL']?.trim() ? 'VISUAL' : env['EDITOR']?.trim() ? 'EDITOR' : null;
  if (variable === null) return null;
  const raw = env[variable]!.trim();
  // A program whose path holds spaces, written as it is: "/opt/Trình soạn/ed".
  const whole = isAbsolute(raw) ? raw : join(cwd, raw);
  if (raw.includes('/') && executable(whole)) return { bin: whole, args: [], variable };
  const [bin, ...args] = raw.split(/\s+/) as [string, ...string[]];
  const found = bin.includes('/')
    ? executable(isAbsolute(bin) ? bin : join(cwd, bin))
      ? isAbsolute(bin)
        ? bin
        : join(cwd, bin)
      : null
    : ((env['PATH'] ?? '')
        .split(delimiter)
        .filter(Boolean)
        .map((dir) => join(dir, bin))
        .find(executable) ?? null);
  if (found === null) {
    throw environmentError(
      t(
        `không tìm thấy trình soạn thảo “${raw}” (biến ${variable}); sửa ${variable} thành một chương trình có trên máy, hoặc bỏ nó để nhập thẳng trong cửa sổ lệnh`,
        `the editor “${raw}” (variable ${variable}) is not found; set ${variable} to a program on this machine, or unset it to type in the terminal`,
      ),
    );
  }
  return { bin: found, args, variable };
}

/** Open `text` in the editor and return what the clerk saved. */
export function editText(editor: Editor, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'thidua-'));
  const file = join(dir, 'noi-dung.txt');
  try {
    writeFileSync(file, text, { mode: 0o600 });
    const res = spawnSync(editor.bin, [...editor.args, file], { stdio: 'inherit' });
    if (res.error) {
      throw environmentError(
        t(
          `không mở được trình soạn thảo ${editor.bin}: ${res.error.message}`,
          `cannot open the editor ${editor.bin}: ${res.error.message}`,
        ),
      );
    }
    if (res.status !== 0) {
      throw environmentError(
        t(
          `trình soạn thảo ${editor.bin} kết thúc với mã ${res.status ?? res.signal ?? '?'}; không ghi gì`,
          `the editor ${editor.bin} ended with code ${res.status ?? res.signal ?? '?'}; nothing written`,
        ),
      );
    }
    return readFileSync(file, 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
