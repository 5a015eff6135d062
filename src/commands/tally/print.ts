/** How tally shows a tally: as text on the terminal or as one JSON document. */
import { t, type Localized } from '../../core/diagnostics.js';
import { percentOfBase, type Tally } from '../../core/tally.js';
import type { WorkspaceIndex } from '../../core/records/index.js';
import { formatNumber, formatPercent } from '../../core/format/numbers.js';
import type { CountedThreshold } from '../../core/titles.js';
import type { CommandContext } from '../../shell/context.js';
import { inert, table } from '../../shell/terminal.js';
import type { Round } from '../../core/records/workspace.js';
import { unitHeading, unitWord } from '../../core/period.js';

export function tallyJson(tally: Tally, sealed: boolean, incomplete: string | null = null) {
  return {
    year: tally.year,
    members: tally.members,
    base: tally.base,
    threshold: {
      numerator: tally.threshold.numerator,
      denominator: tally.threshold.denominator,
      of: tally.threshold.of,
      required: tally.required,
    },
    quorum: tally.quorum,
    ballots: tally.ballots,
    incomplete,
    sealed,
    ...(tally.titles
      ? { titles: tally.titles.map((c) => ({ id: c.id, ...c.threshold, base: c.base, required: c.required })) }
      : {}),
    results: tally.results.map((r) => ({
      ...r,
      percent: percentOfBase(r.agree, tally.titles?.find((c) => c.id === r.award)?.base ?? tally.base),
    })),
  };
}

/** "80 % tổng số thành viên", "2/3 số phiếu hợp lệ": a title's threshold in words. */
export function thresholdWords(th: CountedThreshold): Localized {
  const share = th.percent !== undefined ? `${formatNumber(th.percent, 'vi')} %` : `${th.numerator}/${th.denominator}`;
  const shareEn =
    th.percent !== undefined ? `${formatNumber(th.percent, 'en')} %` : `${th.numerator}/${th.denominator}`;
  return th.of === 'members'
    ? t(`${share} tổng số thành viên`, `${shareEn} of all members`)
    : t(`${share} số phiếu hợp lệ`, `${shareEn} of the valid ballots`);
}

/** What a title requires, in words: "Lao động tiên tiến trong đợt", "70 % người của phòng đạt Lao động tiên tiến". */
export function requirementsText(idx: WorkspaceIndex, award: string): Localized {
  const name = (id: string) => idx.titles.get(id)?.name ?? id;
  const unit = unitWord(idx.agency);
  const parts = (idx.titles.get(award)?.requires ?? []).map((r) => {
    if ('same_round' in r) return t(`${name(r.title)} trong đợt`, `${name(r.title)} in the round`);
    if ('members_percent' in r)
      return t(
        `${formatNumber(r.members_percent, 'vi')} % người của ${unit.vi} đạt ${name(r.title)}`,
        `${formatNumber(r.members_percent, 'en')} % of the ${unit.en}'s people with ${name(r.title)}`,
      );
    if ('members_at_least' in r)
      return t(
        `ít nhất ${r.members_at_least} người của ${unit.vi} đạt ${name(r.title)}`,
        `at least ${r.members_at_least} of the ${unit.en}'s people with ${name(r.title)}`,
      );
    return t(`${name(r.title)} ${r.years} năm liền trước`, `${name(r.title)} in each of the ${r.years} years before`);
  });
  return t(parts.map((p) => p.vi).join('; '), parts.map((p) => p.en).join('; '));
}

export function printTally(
  ctx: CommandContext,
  idx: WorkspaceIndex,
  round: Round,
  tally: Tally,
  sealed: boolean,
): void {
  const { lang, style } = ctx;
  const th = tally.threshold;
  const baseText =
    th.of === 'members'
      ? t(`${tally.base} thành viên Hội đồng`, `${tally.base} council members`)
      : t(`${tally.base} phiếu hợp lệ`, `${tally.base} valid ballots`);
  const written = round.ballots.filter((b) => b.value.valid && b.value.written).length;
  ctx.out(
    style.bold(
      lang === 'vi'
        ? `Kết quả kiểm phiếu đợt ${tally.year}${sealed ? ` — đã niêm phong (${round.tallyFile})` : ' — chưa niêm phong'}`
        : `Ballot count, round ${tally.year}${sealed ? ` — sealed (${round.tallyFile})` : ' — not sealed'}`,
    ),
  );
  // A round whose nominations all name titles has no round-wide threshold to state: each title has its own.
  const onlyTitles =
    tally.titles !== undefined && tally.results.every((r) => r.award !== undefined && idx.titles.has(r.award));
  if (onlyTitles)
    ctx.say(
      t(
        `Hội đồng ${tally.members} thành viên; mỗi danh hiệu có ngưỡng riêng`,
        `Council of ${tally.members} members; each title has its own threshold`,
      ),
    );
  else
    ctx.say(
      tally.base === 0
        ? t(
            `Hội đồng ${tally.members} thành viên; cơ sở tính: ${baseText.vi}; ngưỡng ${th.numerator}/${th.denominator}: không có phiếu để tính, không đề nghị nào đạt`,
            `Council of ${tally.members} members; base: ${baseText.en}; threshold ${th.numerator}/${th.denominator}: nothing to count, no nomination passes`,
          )
        : t(
            `Hội đồng ${tally.members} thành viên; cơ sở tính: ${baseText.vi}; ngưỡng ${th.numerator}/${th.denominator}: cần ít nhất ${tally.required}/${tally.base} phiếu đồng ý`,
            `Council of ${tally.members} members; base: ${baseText.en}; threshold ${th.numerator}/${th.denominator}: at least ${tally.required} of ${tally.base} must agree`,
          ),
    );
  const b = tally.ballots;
  ctx.say(
    t(
      `Phiếu: phát ra ${b.issued}, thu về ${b.received}, hợp lệ ${b.valid}, không hợp lệ ${b.invalid}${written ? ` (trong đó ${written} phiếu ý kiến bằng văn bản của thành viên vắng mặt)` : ''}`,
      `Ballots: issued ${b.issued}, received ${b.received}, valid ${b.valid}, invalid ${b.invalid}${written ? ` (of which ${written} written vote(s) of absent members)` : ''}`,
    ),
  );
  const q = onlyTitles ? null : tally.quorum;
  if (q) {
    ctx.say(
      q.met
        ? t(
            `Số phiếu tối thiểu (${q.numerator}/${q.denominator} thành viên): ${q.required}; thu về ${q.received}: đủ`,
            `Quorum (${q.numerator}/${q.denominator} of the members): ${q.required}; received ${q.received}: met`,
          )
        : t(
            `Số phiếu tối thiểu (${q.numerator}/${q.denominator} thành viên): ${q.required}; mới thu về ${q.received}: chưa đủ, cuộc bỏ phiếu chưa có giá trị`,
            `Quorum (${q.numerator}/${q.denominator} of the members): ${q.required}; only ${q.received} received: not met, the vote does not count`,
          ),
    );
  }
  const unitColumn = unitHeading(unitWord(idx.agency), lang);
  const header = (first: string) =>
    lang === 'vi'
      ? [first, unitColumn, 'Đồng ý', 'Không đồng ý', 'Không ý kiến', '% cơ sở', 'Kết quả']
      : [first, unitColumn, 'Agree', 'Disagree', 'Abstain', '% of base', 'Result'];
  const align: Array<'left' | 'right'> = ['left', 'left', 'right', 'right', 'right', 'right', 'left'];
  const printRows = (
    rows: typeof tally.results,
    kind: 'collective' | 'individual',
    heading: string,
    base: number,
    required: number,
  ) => {
    if (rows.length === 0) return;
    ctx.out('');
    ctx.out(style.bold(heading));
    const body = rows.map((r) => {
      const name = r.person ? idx.personName(r.person) : idx.departmentName(r.department);
      const result = r.recognised
        ? style.green(
            r.tie_break === 'chair'
              ? lang === 'vi'
                ? 'Đạt (bằng phiếu; Chủ tịch Hội đồng quyết định)'
                : 'Passed (tied; the chair decided)'
              : r.tie_break === 'women'
                ? lang === 'vi'
                  ? 'Đạt (bằng phiếu; ưu tiên nữ)'
                  : 'Passed (tied; a woman at equal merit)'
                : lang === 'vi'
                  ? 'Đạt'
                  : 'Passed',
          )
        : r.reason === 'department-not-recognised'
          ? style.yellow(
              lang === 'vi'
                ? `Đạt số phiếu, không công nhận: tập thể ${idx.departmentName(r.department)} không được công nhận`
                : `Enough votes, not recognised: ${idx.departmentName(r.department)} is not recognised as a collective`,
            )
          : r.reason === 'prerequisite-not-recognised'
            ? style.yellow(
                lang === 'vi'
                  ? `Đạt số phiếu, không công nhận: chưa đủ điều kiện (${requirementsText(idx, r.award!).vi})`
                  : `Enough votes, not recognised: a requirement is not met (${requirementsText(idx, r.award!).en})`,
              )
            : r.reason === 'over-quota'
              ? style.yellow(
                  lang === 'vi'
                    ? `Đạt số phiếu, ngoài chỉ tiêu (${idx.titles.get(r.award!)?.quota ?? ''})`
                    : `Enough votes, beyond the quota (${idx.titles.get(r.award!)?.quota ?? ''})`,
                )
              : r.reason === 'tie-unresolved'
                ? style.yellow(
                    lang === 'vi'
                      ? `Bằng phiếu ở vị trí cuối của chỉ tiêu: Chủ tịch Hội đồng quyết định (thidua session ${tally.year} --chair-decides ${r.nomination})`
                      : `Tied for the quota's last place: the chair decides (thidua session ${tally.year} --chair-decides ${r.nomination})`,
                  )
                : r.reason === 'no-quorum'
                  ? style.red(lang === 'vi' ? 'Không đạt (chưa đủ số phiếu tối thiểu)' : 'Failed (no quorum)')
                  : style.red(lang === 'vi' ? `Không đạt (dưới ${required} phiếu)` : `Failed (below ${required})`);
      const cells = [
        inert(name),
        inert(idx.departmentName(r.department)),
        String(r.agree),
        String(r.disagree),
        String(r.abstain),
        formatPercent(percentOfBase(r.agree, base), lang),
        result,
      ];
      return kind === 'collective' ? cells.filter((_, i) => i !== 1) : cells;
    });
    const head = header(
      kind === 'collective' ? (lang === 'vi' ? 'Tập thể' : 'Collective') : lang === 'vi' ? 'Cá nhân' : 'Individual',
    );
    ctx.out(
      kind === 'collective'
        ? table(
            head.filter((_, i) => i !== 1),
            body,
            align.filter((_, i) => i !== 1),
            style,
            ctx.columns,
          )
        : table(head, body, align, style, ctx.columns),
    );
  };
  // The plan's pair of recognitions, under the round's threshold.
  const plain = tally.results.filter((r) => r.award === undefined || !idx.titles.has(r.award));
  printRows(
    plain.filter((r) => r.kind === 'collective'),
    'collective',
    lang === 'vi' ? 'I. Mô hình tiêu biểu (tập thể)' : 'I. Exemplary collectives',
    tally.base,
    tally.required,
  );
  printRows(
    plain.filter((r) => r.kind === 'individual'),
    'individual',
    lang === 'vi' ? 'II. Gương điển hình tiên tiến (cá nhân)' : 'II. Exemplary individuals',
    tally.base,
    tally.required,
  );
  // Each title under its own threshold, in the order titles.yaml declares them.
  for (const c of tally.titles ?? []) {
    const title = idx.titles.get(c.id)!;
    const rows = tally.results.filter((r) => r.award === c.id);
    const quota =
      title.quota !== undefined
        ? t(`; chỉ tiêu ${title.quota}, xếp theo số phiếu đồng ý`, `; quota ${title.quota}, ranked by agree votes`)
        : t('', '');
    const line = t(
      `${title.name}: cần ít nhất ${c.required}/${c.base} phiếu (${thresholdWords(c.threshold).vi})${quota.vi}`,
      `${title.name}: at least ${c.required} of ${c.base} votes (${thresholdWords(c.threshold).en})${quota.en}`,
    );
    printRows(rows, title.kind, line[lang], c.base, c.required);
  }
  const recognised = tally.results.filter((r) => r.recognised);
  // Titles decided above the agency: the vote is the council's proposal to that body.
  const upward = recognised.filter((r) => {
    const d = r.award !== undefined ? idx.titles.get(r.award)?.decided_by : undefined;
    return d !== undefined && d !== 'head';
  });
  const here = recognised.filter((r) => !upward.includes(r));
  ctx.out('');
  ctx.say(
    upward.length === 0
      ? t(
          `Được công nhận: ${here.filter((r) => r.kind === 'collective').length} tập thể, ${here.filter((r) => r.kind === 'individual').length} cá nhân (trên ${tally.results.length} đề nghị).`,
          `Recognised: ${here.filter((r) => r.kind === 'collective').length} collective(s), ${here.filter((r) => r.kind === 'individual').length} individual(s) (of ${tally.results.length} nominations).`,
        )
      : t(
          `Được công nhận: ${here.filter((r) => r.kind === 'collective').length} tập thể, ${here.filter((r) => r.kind === 'individual').length} cá nhân; đề nghị cấp trên: ${upward.length} (thidua render upward ${tally.year}) (trên ${tally.results.length} đề nghị).`,
          `Recognised: ${here.filter((r) => r.kind === 'collective').length} collective(s), ${here.filter((r) => r.kind === 'individual').length} individual(s); proposed upward: ${upward.length} (thidua render upward ${tally.year}) (of ${tally.results.length} nominations).`,
        ),
  );
  const incomplete = round.tally?.value.incomplete;
  if (incomplete)
    ctx.say(
      t(
        `Niêm phong khi chưa đủ phiếu, lý do: ${inert(incomplete)}`,
        `Sealed with ballots missing, because: ${inert(incomplete)}`,
      ),
    );
  if (!sealed)
    ctx.say(
      t(`Niêm phong kết quả: thidua tally ${tally.year} --seal`, `Seal the result: thidua tally ${tally.year} --seal`),
    );
}
