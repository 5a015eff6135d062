/** thidua explain [CODE]: what a diagnostic code means, a record that raises it, and the fix. */
import { t } from '../core/diagnostics.js';
import { RULES } from '../core/rules/index.js';
import { TEMPLATE_RULES, type ExplainedCode } from '../core/documents/template-rules.js';
import { closest } from '../core/text/closest.js';
import { EXIT, usageError } from '../errors.js';
import type { CommandContext } from '../shell/context.js';
import { table } from '../shell/terminal.js';
import type { Input } from './definitions.js';
import { CERTAINTY_WORDS, instrumentName, ruleSources } from '../core/pack/sources.js';
import { packInForce } from '../shell/pack-file.js';

const ALL: readonly ExplainedCode[] = [...RULES, ...TEMPLATE_RULES];

export function run(ctx: CommandContext, input: Input<'explain'>): number {
  const { lang, style } = ctx;
  const severity = (s: string) => (lang === 'vi' ? (s === 'error' ? 'lỗi' : 'cảnh báo') : s);
  const code = input.args.code;
  if (code === undefined) {
    if (input.options.json) {
      ctx.out(
        JSON.stringify(
          ALL.map((r) => ({ code: r.code, severity: r.severity, description: r.description[lang] })),
          null,
          2,
        ),
      );
      return EXIT.ok;
    }
    ctx.out(
      table(
        lang === 'vi' ? ['Mã', 'Mức', 'Ý nghĩa'] : ['Code', 'Severity', 'Meaning'],
        ALL.map((r) => [r.code, severity(r.severity), r.description[lang]]),
        [],
        style,
        ctx.columns,
      ),
    );
    ctx.say(t('Chi tiết một mã: thidua explain MÃ', 'One code in detail: thidua explain CODE'));
    return EXIT.ok;
  }
  const rule = ALL.find((r) => r.code === code);
  if (!rule) {
    const guess = closest(
      code,
      ALL.map((r) => r.code),
    );
    throw usageError(
      t(
        `không có mã “${code}”${guess ? ` (có phải “${guess}”?)` : ''}; xem danh sách: thidua explain`,
        `no code “${code}”${guess ? ` (did you mean “${guess}”?)` : ''}; see the list: thidua explain`,
      ),
    );
  }
  if (input.options.json) {
    ctx.out(
      JSON.stringify(
        {
          code: rule.code,
          severity: rule.severity,
          description: rule.description[lang],
          example: rule.example,
          fix: rule.fix[lang],
        },
        null,
        2,
      ),
    );
    return EXIT.ok;
  }
  ctx.out(style.bold(`${rule.code} (${severity(rule.severity)})`));
  ctx.out(rule.description[lang]);
  ctx.out('');
  ctx.out(lang === 'vi' ? 'Ví dụ:' : 'Example:');
  for (const l of rule.example.replace(/\n$/, '').split('\n')) ctx.out(`  ${l}`);
  ctx.out('');
  ctx.out(`${lang === 'vi' ? 'Cách sửa' : 'Fix'}: ${rule.fix[lang]}`);
  const pack = packInForce(rootOrNull(ctx));
  const cited = ruleSources(rule.code, pack.meta, pack.titles);
  if (cited.length > 0) {
    ctx.out('');
    ctx.out(
      lang === 'vi'
        ? `Căn cứ (bộ quy tắc ${pack.meta!.pack}, ${pack.where}):`
        : `Sources (rule pack ${pack.meta!.pack}, ${pack.where}):`,
    );
    for (const c of cited) {
      const doc = c.instrument ? instrumentName(c.instrument) : c.source.instrument;
      const note = c.source.note ? ` — ${c.source.note}` : '';
      ctx.out(`  ${c.what[lang]}: ${doc}, ${c.source.article} (${CERTAINTY_WORDS[c.source.certainty][lang]})${note}`);
    }
  }
  return EXIT.ok;
}

function rootOrNull(ctx: CommandContext): string | null {
  try {
    return ctx.root();
  } catch {
    return null;
  }
}
