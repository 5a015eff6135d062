/**
 * thidua session YEAR --date D --place P --counter ID…: the council's review meeting written into
 * records/YEAR/council.yaml (chair, secretary and ballots issued default from the council).
 */
import { join } from 'node:path';
import type { Input } from './definitions.js';
import { t } from '../core/diagnostics.js';
import { shortDate } from '../core/dates.js';
import { closest } from '../core/text/closest.js';
import { yamlScalar } from '../core/yaml/emit.js';
import { EXIT, findingsError, usageError } from '../errors.js';
import type { CommandContext } from '../shell/context.js';
import { checkDraft } from '../shell/draft-check.js';
import { formatDiagnostic } from '../shell/format-diagnostics.js';
import { loadAndValidate } from '../shell/load.js';
import { withLock } from '../shell/lock.js';
import { roundOf } from '../shell/round.js';
import { assertInside, replaceFileChecked } from '../shell/safe-write.js';
import { inert } from '../shell/terminal.js';
import type { Loaded } from '../shell/load.js';
import type { Round } from '../core/records/workspace.js';
import { parseDocument, type Scalar } from 'yaml';

/** council.yaml without the commented session that `thidua round` leaves as a hint. */
export function withoutSessionHint(text: string): string {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.startsWith('# Khi đã định ngày họp xét'));
  if (start < 0) return text;
  let end = start + 1;
  while (end < lines.length && /^#( session:|\s{3})/.test(lines[end]!)) end++;
  return [...lines.slice(0, start), ...lines.slice(end)].join('\n');
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * session YEAR --ended HH:MM / --chair-decides ID on a recorded meeting: the end of the count, or
 * the chair's choice at a tie on a quota's last place, added to its session. The council is sealed
 * with the vote, so after the seal the record is refused, not rewritten.
 */
async function recordAddition(
  ctx: CommandContext,
  loaded: Loaded,
  round: Round,
  ended: string | undefined,
  decides: string[],
  said: Array<{ nomination?: string; text: string }>,
  json: boolean,
): Promise<number> {
  const year = round.year;
  if (round.tallyPresent)
    throw findingsError(
      t(
        `đợt ${year} đã niêm phong kết quả; ${round.councilFile} không được sửa (ghi trước khi niêm phong, hoặc sau thidua unseal)`,
        `round ${year} is sealed; ${round.councilFile} may not change (record it before the seal, or after thidua unseal)`,
      ),
    );
  const entry = loaded.snapshot.files.get(round.councilFile);
  if (entry?.kind !== 'file')
    throw findingsError(t(`không đọc được ${round.councilFile}`, `cannot read ${round.councilFile}`));
  const before = Buffer.from(entry.bytes);
  const doc = parseDocument(before.toString('utf8'), { version: '1.2', uniqueKeys: true });
  if (ended !== undefined) {
    doc.setIn(['session', 'ended'], doc.createNode(ended, { flow: false }));
    (doc.getIn(['session', 'ended'], true) as Scalar).type = 'QUOTE_DOUBLE';
  }
  if (decides.length > 0) {
    const list = doc.createNode(decides, { flow: true });
    doc.setIn(['session', 'chair_decides'], list);
  }
  if (said.length > 0) {
    const before = (doc.getIn(['session', 'discussion']) as { toJSON(): unknown } | undefined)?.toJSON() ?? [];
    doc.setIn(['session', 'discussion'], doc.createNode([...(before as unknown[]), ...said]));
  }
  const text = doc.toString({ lineWidth: 0 });
  const findings = checkDraft(loaded, round.councilFile, text, year).filter((d) => d.severity === 'error');
  if (findings.length > 0) {
    for (const d of findings) ctx.err(formatDiagnostic(d, ctx.lang, ctx.style) + '\n');
    throw findingsError(t(`không ghi ${round.councilFile}`, `${round.councilFile} not written`));
  }
  const abs = join(loaded.root, round.councilFile);
  assertInside(loaded.root, abs);
  await withLock(loaded.root, ctx.warn, () => replaceFileChecked(abs, text, before, round.councilFile));
  if (json)
    ctx.out(
      JSON.stringify(
        { year, file: round.councilFile, ended: ended ?? null, chair_decides: decides, discussion: said },
        null,
        2,
      ),
    );
  else {
    if (ended !== undefined)
      ctx.say(
        t(
          `Đã ghi giờ kết thúc ${ended} của phiên họp đợt ${year} vào ${round.councilFile}.`,
          `Recorded the end of the ${year} meeting, ${ended}, in ${round.councilFile}.`,
        ),
      );
    if (decides.length > 0)
      ctx.say(
        t(
          `Đã ghi lựa chọn của Chủ tịch Hội đồng khi bằng phiếu: ${decides.join(', ')} (${round.councilFile}).`,
          `Recorded the chair's choice at the tie: ${decides.join(', ')} (${round.councilFile}).`,
        ),
      );
    if (said.length > 0)
      ctx.say(
        t(
          `Đã ghi ${said.length} ý kiến thảo luận vào ${round.councilFile}; biên bản họp in các ý kiến này.`,
          `Recorded ${said.length} opinion(s) in ${round.councilFile}; the meeting minutes print them.`,
        ),
      );
  }
  return EXIT.ok;
}

export async function run(ctx: CommandContext, input: Input<'session'>): Promise<number> {
  const year = input.args.year;
  const o = input.options;
  const root = ctx.root();
  const loaded = await loadAndValidate(root, [year], ctx);
  const round = roundOf(loaded, year);
  const council = round.council?.value;
  if (!council)
    throw findingsError(
      t(
        `đợt ${year} chưa có Hội đồng đọc được (thidua round ${year}; thidua validate ${year})`,
        `round ${year} has no readable council (thidua round ${year}; thidua validate ${year})`,
      ),
    );
  if (o.ended !== undefined && !TIME.test(o.ended))
    throw usageError(
      t(
        `--ended “${inert(o.ended)}” cần dạng HH:MM, ví dụ 10:30`,
        `--ended “${inert(o.ended)}” must be HH:MM, e.g. 10:30`,
      ),
    );
  const defining =
    o.date !== undefined ||
    o.time !== undefined ||
    o.place !== undefined ||
    o.chair !== undefined ||
    o.secretary !== undefined ||
    o.counter.length > 0 ||
    o.issued !== undefined ||
    o.absent.length > 0;
  const decides = o.chairDecides
    .flatMap((c) => c.split(','))
    .map((c) => c.trim())
    .filter(Boolean);
  for (const id of decides) {
    if (!round.nominations.some((n) => n.value.id === id)) {
      const near = closest(
        id,
        round.nominations.map((n) => n.value.id),
      );
      throw usageError(
        t(
          `--chair-decides: đợt ${year} không có đề nghị “${inert(id)}”${near ? ` (có phải “${near}”?)` : ''}`,
          `--chair-decides: round ${year} has no nomination “${inert(id)}”${near ? ` (did you mean “${near}”?)` : ''}`,
        ),
      );
    }
  }
  // "ID: opinion" on a nomination of the round; anything else is a general opinion.
  const said = o.discussion.map((d) => {
    const m = /^([\p{Ll}\p{N}-]+)\s*:\s*(\S[\s\S]*)$/u.exec(d.trim());
    return m && round.nominations.some((n) => n.value.id === m[1])
      ? { nomination: m[1]!, text: m[2]!.trim() }
      : { text: d.trim() };
  });
  if (council.session && (o.ended !== undefined || decides.length > 0 || said.length > 0) && !defining)
    return recordAddition(ctx, loaded, round, o.ended, decides, said, o.json);
  if (council.session)
    throw findingsError(
      t(
        `${round.councilFile} đã ghi phiên họp ngày ${shortDate(council.session.date)}; không ghi đè`,
        `${round.councilFile} already records the meeting of ${council.session.date}; not overwritten`,
      ),
    );
  if (o.date === undefined || o.place === undefined || o.counter.length === 0) {
    const missing = [
      o.date === undefined ? '--date' : '',
      o.place === undefined ? '--place' : '',
      o.counter.length === 0 ? '--counter' : '',
    ].filter(Boolean);
    throw usageError(
      t(
        `thiếu ${missing.join(', ')}: thidua session ${year} --date dd/mm/yyyy --time 08:00 --place "Phòng họp" --counter MÃ`,
        `missing ${missing.join(', ')}: thidua session ${year} --date dd/mm/yyyy --time 08:00 --place "Meeting room" --counter ID`,
      ),
    );
  }
  if (o.time !== undefined && !TIME.test(o.time))
    throw usageError(
      t(`--time “${inert(o.time)}” cần dạng HH:MM, ví dụ 08:00`, `--time “${inert(o.time)}” must be HH:MM, e.g. 08:00`),
    );
  const memberIds = council.members.map((m) => m.person);
  const person = (flag: string, id: string) => {
    if (!loaded.index.people.has(id)) {
      const near = closest(id, memberIds) ?? closest(id, loaded.index.people.keys());
      throw usageError(
        t(
          `${flag}: không có người “${inert(id)}”${near ? ` (có phải “${near}”?)` : ''}`,
          `${flag}: no person “${inert(id)}”${near ? ` (did you mean “${near}”?)` : ''}`,
        ),
      );
    }
    return id;
  };
  const chair = person('--chair', o.chair ?? council.members.find((m) => m.role === 'chu-tich')?.person ?? '');
  const secretary = person(
    '--secretary',
    o.secretary ?? council.members.find((m) => m.role === 'thu-ky')?.person ?? '',
  );
  const counters = o.counter.flatMap((c) => c.split(',')).map((c) => person('--counter', c.trim()));
  const absent = o.absent.flatMap((c) => c.split(',')).map((c) => person('--absent', c.trim()));
  const issued = o.issued ?? council.members.length;
  const block = [
    'session:',
    `  date: ${o.date}`,
    ...(o.time !== undefined ? [`  time: "${o.time}"`] : []),
    ...(o.ended !== undefined ? [`  ended: "${o.ended}"`] : []),
    `  place: ${yamlScalar(o.place)}`,
    `  chair: ${chair}`,
    `  secretary: ${secretary}`,
    `  counters: [ ${counters.join(', ')} ]`,
    `  ballots_issued: ${issued}`,
    ...(absent.length ? [`  absent: [ ${absent.join(', ')} ]`] : []),
    ...(decides.length ? [`  chair_decides: [ ${decides.join(', ')} ]`] : []),
    '',
  ].join('\n');
  const entry = loaded.snapshot.files.get(round.councilFile);
  const before = entry?.kind === 'file' ? Buffer.from(entry.bytes) : null;
  if (before === null)
    throw findingsError(t(`không đọc được ${round.councilFile}`, `cannot read ${round.councilFile}`));
  const text = withoutSessionHint(before.toString('utf8')).replace(/\n*$/, '\n') + block;
  const findings = checkDraft(loaded, round.councilFile, text, year).filter((d) => d.severity === 'error');
  if (findings.length > 0) {
    for (const d of findings) ctx.err(formatDiagnostic(d, ctx.lang, ctx.style) + '\n');
    throw findingsError(t(`không ghi ${round.councilFile}`, `${round.councilFile} not written`));
  }
  const abs = join(root, round.councilFile);
  assertInside(root, abs);
  await withLock(root, ctx.warn, () => replaceFileChecked(abs, text, before, round.councilFile));
  if (o.json) {
    ctx.out(
      JSON.stringify(
        {
          year,
          file: round.councilFile,
          session: {
            date: o.date,
            time: o.time ?? null,
            place: o.place,
            chair,
            secretary,
            counters,
            ballots_issued: issued,
            absent,
          },
        },
        null,
        2,
      ),
    );
    return EXIT.ok;
  }
  ctx.say(
    t(
      `Đã ghi phiên họp đợt ${year} vào ${round.councilFile}: ngày ${shortDate(o.date)}${o.time ? ` lúc ${o.time}` : ''} tại ${inert(o.place)}, ${issued} phiếu phát ra.`,
      `Recorded the ${year} meeting in ${round.councilFile}: ${o.date}${o.time ? ` at ${o.time}` : ''} in ${inert(o.place)}, ${issued} ballots issued.`,
    ),
  );
  ctx.say(
    t(
      `Tiếp theo: thidua render ballots ${year} (in phiếu bầu); sau khi kiểm: thidua ballot ${year}.`,
      `Next: thidua render ballots ${year} (print the ballot papers); after the count: thidua ballot ${year}.`,
    ),
  );
  return EXIT.ok;
}
