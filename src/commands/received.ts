/**
 * thidua received DEPARTMENT DEADLINE [--date D] [--ref "27/KH-NV2"] [--declined] [--year Y]:
 * record a department's document for a deadline in the round's submissions.yaml, or that it has
 * nothing to send. The line is added to the file as it is (comments and order kept), under the lock.
 */
import type { Input } from './definitions.js';
import { join } from 'node:path';
import { t } from '../core/diagnostics.js';
import { unitWord } from '../core/period.js';
import { shortDate } from '../core/dates.js';
import { roundDeadlines } from '../core/deadlines.js';
import { closest } from '../core/text/closest.js';
import { yamlScalar } from '../core/yaml/emit.js';
import { EXIT, findingsError, usageError } from '../errors.js';
import type { CommandContext } from '../shell/context.js';
import { loadAndValidate } from '../shell/load.js';
import { refuseIfErrors, roundOf } from '../shell/round.js';
import { withLock } from '../shell/lock.js';
import { assertInside, replaceFileChecked } from '../shell/safe-write.js';
import { listYears } from '../shell/read-snapshot.js';
import { inert } from '../shell/terminal.js';
import { checkDraft } from '../shell/draft-check.js';
import { formatDiagnostic } from '../shell/format-diagnostics.js';

const HEADER = (year: number) =>
  [
    '# yaml-language-server: $schema=../../schemas/submissions.schema.json',
    `# Văn bản các phòng gửi về, theo từng thời hạn của đợt ${year} (thidua received).`,
    '',
  ].join('\n');

export async function run(ctx: CommandContext, input: Input<'received'>): Promise<number> {
  const { department, deadline } = input.args;
  const o = input.options;
  const root = ctx.root();
  const year = o.year ?? listYears(root).at(-1);
  if (year === undefined)
    throw usageError(
      t('chưa có đợt nào trong records/; tạo đợt trước', 'there is no round in records/ yet; create one first'),
    );
  const loaded = await loadAndValidate(root, [year], ctx);
  const round = roundOf(loaded, year);
  refuseIfErrors(ctx, loaded, o.json, t(`không ghi văn bản nhận cho đợt ${year}`, `nothing recorded for ${year}`));
  const index = loaded.view(round);
  const departments = [...index.departments.keys()];
  if (!index.departments.has(department)) {
    const near = closest(department, departments);
    const unit = unitWord(index.agency);
    throw usageError(
      t(
        `không có ${unit.vi} “${inert(department)}”${near ? ` (có phải “${near}”?)` : ''}; các ${unit.vi}: ${departments.join(', ')}`,
        `no ${unit.en} “${inert(department)}”${near ? ` (did you mean “${near}”?)` : ''}; ${unit.en}s: ${departments.join(', ')}`,
      ),
    );
  }
  const deadlines = index.agency ? roundDeadlines(index.agency, year) : [];
  const dl = deadlines.find((d) => d.id === deadline);
  if (!dl) {
    const ids = deadlines.map((d) => d.id);
    const near = closest(deadline, ids);
    throw usageError(
      t(
        `đợt ${year} không có thời hạn “${inert(deadline)}”${near ? ` (có phải “${near}”?)` : ''}; các thời hạn: ${ids.join(', ')}`,
        `round ${year} has no deadline “${inert(deadline)}”${near ? ` (did you mean “${near}”?)` : ''}; deadlines: ${ids.join(', ')}`,
      ),
    );
  }
  const date = o.date ?? ctx.today();
  const already = round.submissions.find((s) => s.value.deadline === dl.id && s.value.department === department);
  if (already) {
    const v = already.value;
    throw findingsError(
      t(
        `${round.submissionsFile} đã ghi ${department} cho thời hạn ${dl.id} (nhận ${shortDate(v.received)}${v.reference ? `, ${inert(v.reference)}` : ''}${v.declined ? ', báo không có' : ''}); không ghi thêm — sửa dòng đó nếu cần`,
        `${round.submissionsFile} already records ${department} for the deadline ${dl.id} (received ${v.received}${v.reference ? `, ${inert(v.reference)}` : ''}${v.declined ? ', declined' : ''}); nothing added — edit that line if needed`,
      ),
    );
  }
  const fields = [
    `deadline: ${yamlScalar(dl.id)}`,
    `department: ${yamlScalar(department)}`,
    `received: ${date}`,
    ...(o.ref !== undefined ? [`reference: ${JSON.stringify(o.ref)}`] : []),
    ...(o.note !== undefined ? [`note: ${JSON.stringify(o.note)}`] : []),
    ...(o.declined ? ['declined: true'] : []),
  ];
  const line = `- { ${fields.join(', ')} }\n`;
  const path = join(root, round.submissionsFile);
  assertInside(root, path);
  const entry = loaded.snapshot.files.get(round.submissionsFile);
  const before = entry?.kind === 'file' ? Buffer.from(entry.bytes) : null;
  // An empty list written as "[]" becomes a block list with this line.
  const text =
    before === null
      ? HEADER(year) + line
      : before
          .toString('utf8')
          .replace(/^\[\]\s*$/m, '')
          .replace(/\n*$/, '\n') + line;
  // The file as it would be is validated first: a line that would not load is refused, nothing written.
  const findings = checkDraft(loaded, round.submissionsFile, text, year).filter((d) => d.severity === 'error');
  if (findings.length > 0) {
    for (const d of findings) ctx.err(formatDiagnostic(d, ctx.lang, ctx.style) + '\n');
    throw findingsError(t(`không ghi ${round.submissionsFile}`, `${round.submissionsFile} not written`));
  }
  await withLock(root, ctx.warn, () => replaceFileChecked(path, text, before, round.submissionsFile));
  if (o.json) {
    ctx.out(
      JSON.stringify(
        {
          year,
          file: round.submissionsFile,
          deadline: dl.id,
          department,
          received: date,
          reference: o.ref ?? null,
          declined: o.declined,
        },
        null,
        2,
      ),
    );
    return EXIT.ok;
  }
  const late = date >= dl.before;
  ctx.say(
    o.declined
      ? t(
          `Đã ghi: ${index.departmentName(department)} báo không có văn bản cho “${dl.title ?? dl.id}” (ngày ${shortDate(date)}); thidua overdue thôi nhắc.`,
          `Recorded: ${index.departmentName(department)} has nothing for “${dl.title ?? dl.id}” (${date}); thidua overdue no longer lists it.`,
        )
      : t(
          `Đã ghi: ${index.departmentName(department)} gửi “${dl.title ?? dl.id}”${o.ref ? ` (${o.ref})` : ''} ngày ${shortDate(date)}${late ? `, sau hạn (hạn: trước ngày ${shortDate(dl.before)})` : ', đúng hạn'}.`,
          `Recorded: ${index.departmentName(department)} sent “${dl.title ?? dl.id}”${o.ref ? ` (${o.ref})` : ''} on ${date}${late ? `, late (due before ${dl.before})` : ', on time'}.`,
        ),
  );
  return EXIT.ok;
}
