/**
 * thidua round YEAR [--from YEAR] [--member ID[:ROLE]]...: create a round. Its council is the
 * previous round's (or the members given), written to records/YEAR/council.yaml; the session (date,
 * place, chair, secretary, counters, ballots issued) is left to fill in once the meeting is set.
 */
import type { Input } from './definitions.js';
import { join } from 'node:path';
import { t } from '../core/diagnostics.js';
import { roundDir, roundFile } from '../core/records/paths.js';
import { COUNCIL_ROLES } from '../core/schemas/round.js';
import { closest } from '../core/text/closest.js';
import { meetingYear, periodOf, type Period } from '../core/period.js';
import { yamlScalar } from '../core/yaml/emit.js';
import { EXIT, findingsError, usageError } from '../errors.js';
import type { CommandContext } from '../shell/context.js';
import { loadAndValidate } from '../shell/load.js';
import { withLock } from '../shell/lock.js';
import { createFileExclusive, ensureDirInside, FileExistsError } from '../shell/safe-write.js';
import { listYears } from '../shell/read-snapshot.js';
import { inert } from '../shell/terminal.js';

type Role = (typeof COUNCIL_ROLES)[number];

function councilText(
  year: number,
  members: ReadonlyArray<{ person: string; role: Role }>,
  from: number | null,
  period: Period,
): string {
  return [
    '# yaml-language-server: $schema=../../schemas/council.schema.json',
    `# Hội đồng Thi đua - Khen thưởng đợt ${year}: ${members.length} thành viên${from !== null ? ` (chép từ đợt ${from}; sửa nếu Hội đồng thay đổi)` : ''}.`,
    'members:',
    ...members.map((m) => `  - { person: ${yamlScalar(m.person)}, role: ${m.role} }`),
    '# Khi đã định ngày họp xét, ghi phiên họp (bắt buộc trước khi nhập phiếu) bằng thidua session, hoặc tại đây:',
    '# session:',
    // An example inside the round's meeting season: January after a calendar year, May of a school year's end.
    `#   date: ${meetingYear(year, period)}-${period === 'school-year' ? '05-25' : '01-15'}`,
    '#   time: "08:00"',
    '#   place: Phòng họp',
    `#   chair: ${members.find((m) => m.role === 'chu-tich')?.person ?? 'ma-chu-tich'}`,
    `#   secretary: ${members.find((m) => m.role === 'thu-ky')?.person ?? 'ma-thu-ky'}`,
    '#   counters: [ ma-nguoi-kiem-phieu ]',
    `#   ballots_issued: ${members.length}`,
    '',
  ].join('\n');
}

export async function run(ctx: CommandContext, input: Input<'round'>): Promise<number> {
  const year = input.args.year;
  const o = input.options;
  const root = ctx.root();
  const years = listYears(root);
  if (years.includes(year)) {
    throw findingsError(
      t(
        `đợt ${year} đã có (${roundDir(year)}/); không tạo lại`,
        `round ${year} exists already (${roundDir(year)}/); nothing created`,
      ),
    );
  }
  const earlier = years.filter((y) => y < year);
  const from = o.from ?? (o.member.length ? null : (earlier.at(-1) ?? null));
  const loaded = await loadAndValidate(root, from !== null ? [from] : [], ctx);
  const people = loaded.index.people;
  let members: Array<{ person: string; role: Role }>;
  if (o.member.length) {
    members = o.member.map((spec) => {
      const [person = '', role = 'uy-vien'] = spec.split(':');
      if (!(COUNCIL_ROLES as readonly string[]).includes(role)) {
        throw usageError(
          t(
            `--member ${inert(spec)}: vai trò “${inert(role)}” không có; một trong: ${COUNCIL_ROLES.join(', ')}`,
            `--member ${inert(spec)}: no role “${inert(role)}”; one of: ${COUNCIL_ROLES.join(', ')}`,
          ),
        );
      }
      if (!people.has(person)) {
        const near = closest(person, [...people.keys()]);
        throw usageError(
          t(
            `--member ${inert(spec)}: không có người “${inert(person)}” trong records/people.yaml${near ? ` (có phải “${near}”?)` : ''}`,
            `--member ${inert(spec)}: no person “${inert(person)}” in records/people.yaml${near ? ` (did you mean “${near}”?)` : ''}`,
          ),
        );
      }
      return { person, role: role as Role };
    });
  } else {
    const source = from !== null ? loaded.workspace.rounds.find((r) => r.year === from) : undefined;
    if (!source?.council) {
      throw usageError(
        t(
          from === null
            ? `chưa có đợt nào trước ${year} để chép Hội đồng; cho biết thành viên: thidua round ${year} --member ma-nguoi:chu-tich --member ma-nguoi:thu-ky --member ma-nguoi …`
            : `đợt ${from} không có Hội đồng đọc được (${roundFile(from, 'council.yaml')}); cho biết thành viên bằng --member`,
          from === null
            ? `there is no round before ${year} to copy the council from; name the members: thidua round ${year} --member id:chu-tich --member id:thu-ky --member id …`
            : `round ${from} has no readable council (${roundFile(from, 'council.yaml')}); name the members with --member`,
        ),
      );
    }
    members = source.council.value.members.map((m) => ({ person: m.person, role: m.role }));
  }
  const rel = roundFile(year, 'council.yaml');
  const text = councilText(year, members, o.member.length ? null : from, periodOf(loaded.workspace.agency?.value));
  await withLock(root, ctx.warn, () => {
    ensureDirInside(root, join(root, 'records', String(year)));
    try {
      createFileExclusive(join(root, rel), text);
    } catch (err) {
      if (err instanceof FileExistsError)
        throw findingsError(
          t(
            `${rel} vừa được tạo bởi lệnh khác; không ghi đè`,
            `${rel} was just created by another command; not overwritten`,
          ),
        );
      throw err;
    }
  });
  if (o.json) {
    ctx.out(JSON.stringify({ year, file: rel, from: o.member.length ? null : from, members }, null, 2));
    return EXIT.ok;
  }
  ctx.say(
    t(
      `Đã tạo đợt ${year}: ${rel} (${members.length} thành viên Hội đồng${o.member.length ? '' : `, chép từ đợt ${String(from)}`}).`,
      `Created round ${year}: ${rel} (${members.length} council members${o.member.length ? '' : `, copied from ${String(from)}`}).`,
    ),
  );
  ctx.say(
    t(
      `Tiếp theo: thidua nominate ${year} (nhập đề nghị); khi định ngày họp: thidua session ${year} --date … --place … --counter …; rồi thidua ballot ${year}.`,
      `Next: thidua nominate ${year} (enter nominations); when the meeting is set: thidua session ${year} --date … --place … --counter …; then thidua ballot ${year}.`,
    ),
  );
  return EXIT.ok;
}
