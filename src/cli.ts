/**
 * The command line: global options, the command table, and the one place that turns errors into
 * output and exit codes. Command implementations are loaded only when their command runs.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { t, type Lang, type Localized } from './core/diagnostics.js';
import { EXIT, ThiduaError, usageError } from './errors.js';
import { createContext, type CommandContext } from './shell/context.js';
import { COMMANDS, type CommandSpec } from './cli/command-table.js';

function readVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(fileURLToPath(new URL('../package.json', import.meta.url)), 'utf8')) as { version: string };
    return pkg.version;
  } catch {
    return '0.0.0';
  }
}

/** --lang from argv or THIDUA_LANG, before commander runs, so even its errors are localised. */
function detectLang(argv: readonly string[], env: NodeJS.ProcessEnv): { lang: Lang; bad: string | null } {
  let raw: string | undefined = env['THIDUA_LANG'];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    if (a === '--lang') raw = argv[i + 1];
    else if (a.startsWith('--lang=')) raw = a.slice(7);
  }
  if (raw === undefined || raw === '') return { lang: 'vi', bad: null };
  if (raw === 'vi' || raw === 'en') return { lang: raw, bad: null };
  return { lang: 'vi', bad: raw };
}

const HELP_TITLES: Array<[RegExp, Localized]> = [
  [/^Usage:/gm, t('Cách dùng:', 'Usage:')],
  [/^Options:/gm, t('Tuỳ chọn:', 'Options:')],
  [/^Commands:/gm, t('Lệnh:', 'Commands:')],
  [/^Arguments:/gm, t('Đối số:', 'Arguments:')],
  [/\[options\]/g, t('[tuỳ chọn]', '[options]')],
  [/\[command\]/g, t('[lệnh]', '[command]')],
];

function translateHelp(text: string, lang: Lang): string {
  let out = text;
  for (const [re, title] of HELP_TITLES) out = out.replace(re, title[lang]);
  return out;
}

function commanderMessage(code: string, message: string): Localized {
  const quoted = /'([^']*)'/.exec(message)?.[1] ?? '';
  switch (code) {
    case 'commander.unknownCommand':
      return t(`lệnh không có: “${quoted}” (xem “thidua --help”)`, `unknown command: “${quoted}” (see “thidua --help”)`);
    case 'commander.unknownOption':
      return t(`tuỳ chọn không có: “${quoted}” (xem --help)`, `unknown option: “${quoted}” (see --help)`);
    case 'commander.missingArgument':
      return t(`thiếu đối số “${quoted}” (xem --help)`, `missing argument “${quoted}” (see --help)`);
    case 'commander.optionMissingArgument':
      return t(`tuỳ chọn “${quoted}” cần một giá trị`, `the option “${quoted}” needs a value`);
    case 'commander.missingMandatoryOptionValue':
      return t(`thiếu tuỳ chọn bắt buộc “${quoted}”`, `the required option “${quoted}” is missing`);
    case 'commander.excessArguments':
      return t(`thừa đối số (xem --help)`, `too many arguments (see --help)`);
    case 'commander.invalidArgument':
      return t(`giá trị không hợp lệ: ${message.replace(/^error: /, '')}`, message.replace(/^error: /, ''));
    default:
      return t(message.replace(/^error: /, ''), message.replace(/^error: /, ''));
  }
}

function reportError(err: unknown, lang: Lang, env: NodeJS.ProcessEnv): number {
  if (err instanceof ThiduaError) {
    if (!err.silent && err.text[lang] !== '') {
      process.stderr.write(`thidua: ${err.text[lang]}\n`);
    }
    if (env['THIDUA_DEBUG'] === '1' && !err.silent) process.stderr.write(`${err.stack}\n`);
    return err.exitCode;
  }
  const e = err as Error;
  process.stderr.write(
    lang === 'vi'
      ? `thidua: lỗi không mong đợi: ${e?.message ?? String(err)} (chạy lại với THIDUA_DEBUG=1 để xem chi tiết)\n`
      : `thidua: unexpected error: ${e?.message ?? String(err)} (run again with THIDUA_DEBUG=1 for details)\n`,
  );
  if (env['THIDUA_DEBUG'] === '1') process.stderr.write(`${e?.stack ?? ''}\n`);
  return EXIT.findings;
}

export async function run(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const { lang, bad } = detectLang(argv, env);
  if (bad !== null) {
    return reportError(usageError(t(`--lang phải là vi hoặc en, không phải “${bad}”`, `--lang must be vi or en, not “${bad}”`)), lang, env);
  }
  const version = readVersion();
  // Fast path: the version needs no command table.
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
    process.stdout.write(`${version}\n`);
    return EXIT.ok;
  }
  const { Command, CommanderError } = await import('commander');
  const program = new Command('thidua');
  let exitCode: number = EXIT.ok;
  program
    .description(lang === 'vi'
      ? 'Hồ sơ, kiểm phiếu và văn bản của Hội đồng Thi đua - Khen thưởng'
      : 'Records, ballot count and documents of an Emulation and Commendation Council')
    .version(version, '-V, --version', lang === 'vi' ? 'in số phiên bản' : 'print the version')
    .helpOption('-h, --help', lang === 'vi' ? 'xem hướng dẫn' : 'show help')
    .option('--root <dir>', lang === 'vi' ? 'thư mục không gian làm việc (hoặc THIDUA_ROOT)' : 'workspace folder (or THIDUA_ROOT)')
    .option('--lang <lang>', lang === 'vi' ? 'ngôn ngữ: vi (mặc định) hoặc en (hoặc THIDUA_LANG)' : 'language: vi (default) or en (or THIDUA_LANG)')
    .helpCommand(false)
    .showSuggestionAfterError(false)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => process.stdout.write(translateHelp(s, lang)),
      writeErr: () => undefined,
    });

  const makeContext = (): CommandContext => createContext({ lang, rootOption: program.opts()['root'] as string | undefined, version, env });
  for (const spec of COMMANDS) addCommand(program, spec, lang, makeContext, (code) => (exitCode = code));

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return EXIT.ok;
      if (err.code === 'commander.executeSubCommandAsync') return EXIT.ok;
      return reportError(usageError(commanderMessage(err.code, err.message)), lang, env);
    }
    return reportError(err, lang, env);
  }
}

function addCommand(
  program: import('commander').Command,
  spec: CommandSpec,
  lang: Lang,
  makeContext: () => CommandContext,
  setExit: (code: number) => void,
): void {
  const cmd = program.command(spec.usage).description(spec.description[lang]);
  cmd.helpOption('-h, --help', lang === 'vi' ? 'xem hướng dẫn' : 'show help');
  for (const o of spec.options ?? []) {
    if (o.repeatable) cmd.option(o.flags, o.description[lang], (v: string, prev: string[] = []) => [...prev, v]);
    else cmd.option(o.flags, o.description[lang]);
  }
  cmd.exitOverride();
  cmd.configureOutput({ writeOut: (s) => process.stdout.write(translateHelp(s, lang)), writeErr: () => undefined });
  cmd.action(async (...received: unknown[]) => {
    const command = received[received.length - 1] as import('commander').Command;
    const args = received.slice(0, -2) as Array<string | string[] | undefined>;
    const opts = command.opts();
    const mod = await spec.load();
    const code = await mod.run(makeContext(), args, opts);
    setExit(code);
  });
}

export async function main(argv: readonly string[]): Promise<void> {
  // A reader that stops early (`thidua tally 2016 | head`) is not an error.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw err;
    });
  }
  const code = await run(argv);
  process.exitCode = code;
}
