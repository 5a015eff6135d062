/**
 * The command line: global options, the command table, and the one place that turns errors into
 * output and exit codes. Command implementations are loaded only when their command runs.
 */
import { t, type Lang, type Localized } from './core/diagnostics.js';
import { EXIT, ThiduaError, usageError } from './errors.js';
import { createContext, processIo, terminalColumns, type CommandContext, type Io } from './shell/context.js';
import { LOADERS } from './cli/command-table.js';
import { packageVersion } from './shell/package-files.js';
import { DEFINITIONS, type CommandDef, type CommandName } from './commands/definitions.js';
import { toInput, usageOf } from './cli/input.js';
import { closest } from './core/text/closest.js';

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

/** argv without the global options and their values. */
function withoutGlobals(argv: readonly string[]): string[] {
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--root' || a === '--lang') i++;
    else if (!a.startsWith('--root=') && !a.startsWith('--lang=')) rest.push(a);
  }
  return rest;
}

/** The command named in argv (the first word that is one), for "did you mean" on its options. */
function commandIn(argv: readonly string[]): CommandName | undefined {
  return argv.find((a): a is CommandName => a in DEFINITIONS);
}

function commanderMessage(code: string, message: string, argv: readonly string[]): Localized {
  const quoted = /'([^']*)'/.exec(message)?.[1] ?? '';
  switch (code) {
    case 'commander.unknownCommand': {
      const guess = closest(quoted, Object.keys(DEFINITIONS));
      return guess
        ? t(
            `lệnh không có: “${quoted}” (có phải “${guess}”?)`,
            `unknown command: “${quoted}” (did you mean “${guess}”?)`,
          )
        : t(`lệnh không có: “${quoted}” (xem “thidua --help”)`, `unknown command: “${quoted}” (see “thidua --help”)`);
    }
    case 'commander.unknownOption': {
      const name = commandIn(argv);
      const flags = [
        '--root',
        '--lang',
        '--help',
        ...(name
          ? Object.values(DEFINITIONS[name].options as CommandDef['options']).map((o) => o.flag.split(/,\s*/).pop()!)
          : []),
      ];
      const guess = closest(quoted.split('=')[0]!, flags);
      return guess
        ? t(
            `tuỳ chọn không có: “${quoted}” (có phải “${guess}”?)`,
            `unknown option: “${quoted}” (did you mean “${guess}”?)`,
          )
        : t(`tuỳ chọn không có: “${quoted}” (xem --help)`, `unknown option: “${quoted}” (see --help)`);
    }
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

function reportError(err: unknown, lang: Lang, env: NodeJS.ProcessEnv, io: Io): number {
  if (err instanceof ThiduaError) {
    if (!err.silent && err.text[lang] !== '') {
      io.writeErr(`thidua: ${err.text[lang]}\n`);
    }
    if (env['THIDUA_DEBUG'] === '1' && !err.silent) io.writeErr(`${err.stack ?? ''}\n`);
    return err.exitCode;
  }
  const e = err as Error;
  io.writeErr(
    lang === 'vi'
      ? `thidua: lỗi không mong đợi: ${e?.message ?? String(err)} (chạy lại với THIDUA_DEBUG=1 để xem chi tiết)\n`
      : `thidua: unexpected error: ${e?.message ?? String(err)} (run again with THIDUA_DEBUG=1 for details)\n`,
  );
  if (env['THIDUA_DEBUG'] === '1') io.writeErr(`${e?.stack ?? ''}\n`);
  return EXIT.crash;
}

/** One run of the command line; `options` lets tests run it in-process with their own output, folder and terminal. */
export async function run(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
  options: { io?: Io; cwd?: string } = {},
): Promise<number> {
  const io = options.io ?? processIo();
  const { lang, bad } = detectLang(argv, env);
  if (bad !== null) {
    return reportError(
      usageError(t(`--lang phải là vi hoặc en, không phải “${bad}”`, `--lang must be vi or en, not “${bad}”`)),
      lang,
      env,
      io,
    );
  }
  const version = packageVersion();
  // Fast path: the version needs no command table.
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
    io.write(`${version}\n`);
    return EXIT.ok;
  }
  const { Command, CommanderError } = await import('commander');
  const program = new Command('thidua');
  let exitCode: number = EXIT.ok;
  program
    .description(
      lang === 'vi'
        ? 'Hồ sơ, kiểm phiếu và văn bản của Hội đồng Thi đua - Khen thưởng'
        : 'Records, ballot count and documents of an Emulation and Commendation Council',
    )
    .version(version, '-V, --version', lang === 'vi' ? 'in số phiên bản' : 'print the version')
    .helpOption('-h, --help', lang === 'vi' ? 'xem hướng dẫn' : 'show help')
    .option(
      '--root <dir>',
      lang === 'vi' ? 'thư mục không gian làm việc (hoặc THIDUA_ROOT)' : 'workspace folder (or THIDUA_ROOT)',
    )
    .option(
      '--lang <lang>',
      lang === 'vi'
        ? 'ngôn ngữ: vi (mặc định) hoặc en (hoặc THIDUA_LANG)'
        : 'language: vi (default) or en (or THIDUA_LANG)',
    )
    .helpCommand(false)
    .showSuggestionAfterError(false)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.write(translateHelp(s, lang)),
      writeErr: () => undefined,
    });

  program.configureHelp({
    // Commands listed by name and arguments only, so the list fits an 80-column terminal.
    subcommandTerm: (c) =>
      [
        c.name(),
        ...c.registeredArguments.map((a) => (a.required ? `<${a.name()}>` : `[${a.name()}${a.variadic ? '...' : ''}]`)),
      ].join(' '),
    helpWidth: Math.min(terminalColumns(io, env) ?? 80, 100),
  });
  const makeContext = (): CommandContext =>
    createContext({
      lang,
      rootOption: program.opts()['root'] as string | undefined,
      version,
      env,
      io,
      ...(options.cwd !== undefined ? { cwd: options.cwd } : {}),
    });
  for (const name of Object.keys(DEFINITIONS) as CommandName[])
    addCommand(program, name, lang, makeContext, (code) => (exitCode = code), io);

  // Bare `thidua` (perhaps with --root or --lang): the help, not silence.
  if (withoutGlobals(argv).length === 0) {
    program.outputHelp();
    return EXIT.ok;
  }
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help')
        return EXIT.ok;
      if (err.code === 'commander.executeSubCommandAsync') return EXIT.ok;
      return reportError(usageError(commanderMessage(err.code, err.message, argv)), lang, env, io);
    }
    return reportError(err, lang, env, io);
  }
}

function addCommand(
  program: import('commander').Command,
  name: CommandName,
  lang: Lang,
  makeContext: () => CommandContext,
  setExit: (code: number) => void,
  io: Io,
): void {
  const def: CommandDef = DEFINITIONS[name];
  const cmd = program.command(usageOf(name, def)).description(def.description[lang]);
  cmd.helpOption('-h, --help', lang === 'vi' ? 'xem hướng dẫn' : 'show help');
  for (const o of Object.values(def.options)) {
    const flags = o.value ? `${o.flag} ${o.value}` : o.flag;
    if (o.type === 'texts') cmd.option(flags, o.description[lang], (v: string, prev: string[] = []) => [...prev, v]);
    else cmd.option(flags, o.description[lang]);
  }
  cmd.exitOverride();
  cmd.configureOutput({ writeOut: (s) => io.write(translateHelp(s, lang)), writeErr: () => undefined });
  cmd.action(async (...received: unknown[]) => {
    const command = received[received.length - 1] as import('commander').Command;
    const input = toInput(def, received.slice(0, -2), command.opts());
    const mod = await LOADERS[name]();
    const code = await (mod.run as (ctx: CommandContext, input: unknown) => Promise<number> | number)(
      makeContext(),
      input,
    );
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
