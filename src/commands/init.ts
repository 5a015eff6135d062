/** thidua init [DIR]: a new workspace with the criteria catalogue, templates, .gitignore and a first commit. */
import { dirname, join, resolve } from 'node:path';
import { t } from '../core/diagnostics.js';
import { EXIT, ThiduaError, environmentError, findingsError, usageError } from '../errors.js';
import { LEVELS, type Level } from '../core/schemas/pack.js';
import { splitByCompetence } from '../core/pack/competence.js';
import { unitWord } from '../core/period.js';
import { PromptCancelled, terminalPrompter, type Prompter } from '../flows/prompter.js';
import type { CommandContext } from '../shell/context.js';
import type { Input } from './definitions.js';
import { ensureDir, writeFileAtomic } from '../shell/safe-write.js';
import { STATUTORY_PACK } from '../core/init/titles-file.js';
import { gitKnowsWhoCommits, gitOk } from '../shell/git.js';
import {
  copyPackagedTemplates,
  hasGitFolder,
  isWorkspace,
  packagedFile,
  writeUnlessPresent,
} from '../shell/new-workspace.js';
import { proposesToOf, renderAgencyYaml, INIT_FIELDS, type InitAnswers } from '../core/init/agency-file.js';
import { packInForce } from '../shell/pack-file.js';
import { validateSnapshot } from '../core/validate.js';
import { readSnapshot } from '../shell/read-snapshot.js';
import { RECORD_KINDS } from '../core/schemas/index.js';
import { jsonSchemaText } from '../core/schemas/json-schema.js';

export const GITATTRIBUTES = ['records/** -text', 'documents/** binary', ''].join('\n');
export const GITIGNORE = [
  '# thidua',
  '.thidua.lock',
  '*.tmp',
  'node_modules/',
  '# Word and LibreOffice lock files of an open document',
  '~$*',
  '.~lock.*#',
  '',
].join('\n');

/** The kinds of agency the prompt offers: each its level; a school also its school year. */
const AGENCY_KINDS: ReadonlyArray<{ level: Level; name: { vi: string; en: string } }> = [
  {
    level: 'so',
    name: t('Sở, cơ quan chuyên môn thuộc UBND tỉnh (năm dương lịch)', 'A department of the province (calendar year)'),
  },
  {
    level: 'truong',
    name: t('Trường công lập (năm học 01/9 – 31/8, các Tổ)', 'A public school (school year 1 Sept – 31 Aug, its Tổ)'),
  },
  { level: 'xa', name: t('UBND xã, phường', 'A commune or ward') },
  { level: 'tinh', name: t('UBND tỉnh', 'The province') },
];

const INIT_QUESTIONS: Record<keyof InitAnswers, { vi: string; en: string }> = {
  agency: t(
    'Tên cơ quan, viết như trong câu (văn bản tự in hoa ở tiêu đề), ví dụ Thanh tra tỉnh Bình Phước',
    'Issuing body, written as in a sentence (documents print it in capitals in headings), e.g. Thanh tra tỉnh Bình Phước',
  ),
  parent: t(
    'Cơ quan chủ quản (để trống nếu không có), ví dụ UBND TỈNH BÌNH PHƯỚC',
    'Parent body (empty if none), e.g. UBND TỈNH BÌNH PHƯỚC',
  ),
  symbol: t('Ký hiệu trong số văn bản, ví dụ TTr', 'Symbol in document numbers, e.g. TTr'),
  place: t('Địa danh ở dòng ngày tháng, ví dụ Bình Phước', 'Place name on the date line, e.g. Bình Phước'),
  headName: t('Họ tên người ký', 'Name of the signer'),
  headTitle: t(
    'Chức danh người ký, viết như trong câu, ví dụ Chánh Thanh tra',
    'Title of the signer, as in a sentence, e.g. Chánh Thanh tra',
  ),
  competence: t(
    'Văn bản quy định thẩm quyền của cơ quan (căn cứ đầu tiên của quyết định; để trống nếu chưa có), ví dụ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025',
    'The act that gives the agency its competence (the decision’s first căn cứ; empty if none yet), e.g. Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025',
  ),
};

export async function run(ctx: CommandContext, input: Input<'init'>, prompter?: Prompter): Promise<number> {
  const opts = input.options;
  const dir = resolve(ctx.cwd, input.args.dir ?? '.');
  if (isWorkspace(dir)) {
    throw findingsError(
      t(
        `${dir} đã là một không gian làm việc (có records/agency.yaml); không ghi đè`,
        `${dir} is already a workspace (it has records/agency.yaml); nothing overwritten`,
      ),
    );
  }
  for (let up = dirname(dir); up !== dirname(up); up = dirname(up)) {
    if (isWorkspace(up))
      throw findingsError(
        t(
          `${dir} nằm trong không gian làm việc ${up}; không tạo không gian lồng nhau`,
          `${dir} is inside the workspace ${up}; no workspace is made inside another`,
        ),
      );
  }
  // The first commit needs to know who makes it, as thidua commit does: asked before anything is written.
  if (!gitKnowsWhoCommits(dir)) {
    throw environmentError(
      t(
        'git chưa biết người commit: chạy git config --global user.name "Họ Tên" và git config --global user.email "email@co-quan", rồi thidua init lại; chưa tạo gì',
        'git does not know who commits: run git config --global user.name "Your Name" and git config --global user.email "you@example.org", then thidua init again; nothing created',
      ),
    );
  }
  const answers: Partial<InitAnswers> = {};
  for (const f of INIT_FIELDS) {
    const v = opts[f.key]?.trim();
    if (v !== undefined && v !== '') answers[f.key] = v;
  }
  let titles = opts.titles;
  const levelText = opts.level?.trim();
  if (levelText !== undefined && !(LEVELS as readonly string[]).includes(levelText))
    throw usageError(
      t(
        `--level “${levelText}”: phải là so (cơ quan chuyên môn thuộc UBND tỉnh), xa (UBND xã), truong (trường công lập) hoặc tinh`,
        `--level “${levelText}”: must be so (a department of the province), xa (a commune), truong (a public school) or tinh (the province)`,
      ),
    );
  const periodText = opts.period?.trim();
  if (periodText !== undefined && periodText !== 'calendar' && periodText !== 'school-year')
    throw usageError(
      t(
        `--period phải là calendar hoặc school-year, không phải “${periodText}”`,
        `--period must be calendar or school-year, not “${periodText}”`,
      ),
    );
  let period: 'calendar' | 'school-year' | undefined = periodText;
  // A school year is a school's: its level is truong unless --level says otherwise.
  let level = (levelText ?? (period === 'school-year' ? 'truong' : 'so')) as Level;
  const levelFromPeriod = levelText === undefined && period === 'school-year';
  if (INIT_FIELDS.some((f) => answers[f.key] === undefined) && (prompter || (ctx.stdinIsTTY && ctx.stdoutIsTTY))) {
    const p = prompter ?? (await terminalPrompter(ctx.out, ctx.lang));
    try {
      for (const f of INIT_FIELDS) {
        if (answers[f.key] !== undefined) continue;
        const v = (
          await p.input({ message: INIT_QUESTIONS[f.key][ctx.lang], default: f.required ? undefined : '' })
        ).trim();
        // An optional field left empty (the parent body) means there is none.
        if (v !== '' || !f.required) answers[f.key] = v;
      }
      // The plan's pair always; the statutory titles of the year-end round when the agency runs them.
      if (!titles) {
        titles = await p.confirm({
          message:
            ctx.lang === 'vi'
              ? 'Xét cả danh hiệu thi đua hằng năm (Lao động tiên tiến, Chiến sĩ thi đua cơ sở, Tập thể lao động tiên tiến, xuất sắc), ngoài mô hình tiêu biểu, gương điển hình?'
              : 'Run the year-end titles too (Lao động tiên tiến, Chiến sĩ thi đua cơ sở, Tập thể lao động tiên tiến / xuất sắc), beside the plan’s models and examples?',
          default: true,
        });
      }
      // Who decides which title depends on the kind of agency, and a school counts the school year.
      if (titles && levelText === undefined && period === undefined) {
        const kind = await p.select<Level>({
          message: ctx.lang === 'vi' ? 'Loại cơ quan' : 'Kind of agency',
          default: 'so',
          choices: AGENCY_KINDS.map((k) => ({ name: k.name[ctx.lang], value: k.level })),
        });
        level = kind;
        if (kind === 'truong') period = 'school-year';
      }
    } catch (err) {
      if (err instanceof PromptCancelled)
        throw new ThiduaError(EXIT.interrupted, t('đã huỷ; không tạo gì', 'cancelled; nothing created'));
      throw err;
    }
  }
  const missing = INIT_FIELDS.filter((f) => answers[f.key] === undefined && f.required);
  const unit = opts.unit?.trim() || (period === 'school-year' ? 'Tổ' : undefined);
  // Whom its letters go to: the pack's authority for its level, in its province (never a guess).
  const proposesTo = proposesToOf(packInForce(null).meta?.competence?.[level]?.proposes_to, answers.parent);
  const { text, placeholders } = renderAgencyYaml(answers, level, {
    ...(period !== undefined ? { period } : {}),
    ...(unit !== undefined ? { unit } : {}),
    proposesTo,
  });

  ensureDir(join(dir, 'records'));
  ensureDir(join(dir, 'templates'));
  writeFileAtomic(join(dir, 'records', 'agency.yaml'), text);
  writeFileAtomic(join(dir, 'records', 'criteria.yaml'), packagedFile('records', 'criteria.yaml'));
  const schemaLine = (kind: string) => `# yaml-language-server: $schema=../schemas/${kind}.schema.json\n`;
  writeFileAtomic(
    join(dir, 'records', 'departments.yaml'),
    `${schemaLine('departments')}# Các phòng: - { id: nv1, name: Phòng Nghiệp vụ 1, head: ma-nguoi }\n[]\n`,
  );
  writeFileAtomic(
    join(dir, 'records', 'people.yaml'),
    `${schemaLine('people')}# Cán bộ: - { id: ma-nguoi, name: Họ Tên, gender: nam, position: Chức vụ, department: nv1, leader: false }\n[]\n`,
  );
  writeFileAtomic(
    join(dir, 'records', 'discipline.yaml'),
    `${schemaLine('discipline')}# Kỷ luật: - { person: ma-nguoi, level: canh-cao, date: YYYY-MM-DD, decision: số/QĐ-... }\n[]\n`,
  );
  // The statutory titles of the year-end round, beside the plan's pair (which needs no file).
  if (titles) writeFileAtomic(join(dir, 'records', 'titles.yaml'), packagedFile(...STATUTORY_PACK));
  copyPackagedTemplates(dir);
  ensureDir(join(dir, 'schemas'));
  for (const kind of RECORD_KINDS)
    writeFileAtomic(join(dir, 'schemas', `${kind.name}.schema.json`), jsonSchemaText(kind));
  writeUnlessPresent(join(dir, '.gitignore'), GITIGNORE);
  // Record files are sealed byte for byte: git must never rewrite their line endings.
  writeUnlessPresent(join(dir, '.gitattributes'), GITATTRIBUTES);

  // The new workspace must validate clean before it is committed.
  const v = validateSnapshot(readSnapshot(dir));
  if (v.errors > 0) {
    throw findingsError(
      t(
        'không gian làm việc mới không hợp lệ; hãy chạy “thidua validate” ở đó',
        'the new workspace does not validate; run “thidua validate” there',
      ),
    );
  }

  if (!hasGitFolder(dir)) gitOk(dir, ['init', '--quiet']);
  gitOk(dir, ['add', '--', 'records', 'templates', 'schemas', '.gitignore', '.gitattributes']);
  gitOk(dir, ['commit', '--quiet', '-m', 'thidua: khởi tạo không gian làm việc', '-m', 'Thidua-Action: init']);

  ctx.say(
    t(
      `Đã tạo không gian làm việc tại ${dir} và commit đầu tiên.`,
      `Created a workspace in ${dir} with a first commit.`,
    ),
  );
  if (proposesTo === null)
    ctx.say(
      t(
        'Chưa biết cấp trên nhận công văn gửi quyết định: ghi proposes_to (hoặc report_to) trong records/agency.yaml.',
        'The body the decisions are sent to is not known: set proposes_to (or report_to) in records/agency.yaml.',
      ),
    );
  if (placeholders.length > 0 || missing.length > 0) {
    ctx.say(
      t(
        `Cần điền trong records/agency.yaml: ${placeholders.join(', ')} (hoặc chạy lại với ${INIT_FIELDS.map((f) => `--${f.flag}`).join(' ')}).`,
        `Fill in records/agency.yaml: ${placeholders.join(', ')} (or run again with ${INIT_FIELDS.map((f) => `--${f.flag}`).join(' ')}).`,
      ),
    );
  }
  if (titles) {
    const names = (ids: string[]) => [...new Set(ids.map((id) => v.index.titles.get(id)!.name))].join(', ');
    const { decides, upward } = splitByCompetence(v.index.pack, v.index.agency, [...v.index.titles.values()]);
    const bodies = [...new Set(upward.map((u) => u.to))];
    const up = bodies.map((b) => `${names(upward.filter((u) => u.to === b).map((u) => u.title))} → ${b}`).join('; ');
    ctx.say(
      t(
        `Danh hiệu thi đua hằng năm: records/titles.yaml (bộ quy tắc ${v.index.pack?.pack ?? ''}); đề nghị ghi --award và --rating. Cấp cơ quan: ${level}${levelFromPeriod ? ' (trường công lập, vì --period school-year; cấp khác: --level)' : ''}; Thủ trưởng quyết định: ${names(decides)}; đề nghị cấp trên: ${up || 'không'}.`,
        `The year-end titles: records/titles.yaml (rule pack ${v.index.pack?.pack ?? ''}); nominate with --award and --rating. Level: ${level}${levelFromPeriod ? ' (a public school, for --period school-year; another level: --level)' : ''}; the head decides: ${names(decides)}; proposed upward: ${up || 'none'}.`,
      ),
    );
  } else
    ctx.say(
      t(
        'Chỉ xét mô hình tiêu biểu, gương điển hình; để xét cả danh hiệu thi đua hằng năm: thidua init --titles (hoặc viết records/titles.yaml).',
        'The plan’s pair only (models and examples); for the year-end titles too: thidua init --titles (or write records/titles.yaml).',
      ),
    );
  ctx.say(
    t(
      `Tiếp theo: thidua import people DANH-SACH.xlsx (cán bộ và các ${unitWord({ unit }).vi} từ bảng tính), rồi thidua round NĂM --member MÃ:chu-tich …`,
      `Next: thidua import people STAFF.xlsx (staff and ${unitWord({ unit }).en}s from a spreadsheet), then thidua round YEAR --member ID:chu-tich …`,
    ),
  );
  return EXIT.ok;
}
