/**
 * What `thidua export … --xlsx` puts in a sheet, as plain data (pure): the same facts as the
 * commands' --json, with Vietnamese headers, numbers as numbers and dates as dates.
 */
import type { AwardEntry } from './awards.js';
import { periodOf, roundLabel } from './period.js';
import type { Report } from './report.js';
import type { Tally } from './tally.js';
import { percentOfBase } from './tally.js';
import type { WorkspaceIndex } from './records/index.js';
import type { Round } from './records/workspace.js';
import type { TallyResult } from './schemas/sealed.js';

export type ColumnKind = 'text' | 'int' | 'percent' | 'date';

export interface SheetColumn {
  header: string;
  kind: ColumnKind;
  /** Width in characters. */
  width: number;
}

/** A cell: text, a whole number, a fraction (0.889 for 88.9 %), or an ISO date; null is empty. */
export type SheetCell = string | number | null;

export interface SheetData {
  name: string;
  columns: SheetColumn[];
  rows: SheetCell[][];
}

const col = (header: string, kind: ColumnKind, width: number): SheetColumn => ({ header, kind, width });

function subjectName(index: WorkspaceIndex, r: { kind: string; department: string; person: string | null }): string {
  return r.kind === 'collective' ? `Tập thể ${index.departmentName(r.department)}` : index.personName(r.person ?? '');
}

const REASON: Record<string, string> = {
  'below-threshold': 'không đủ số phiếu',
  'department-not-recognised': 'tập thể phòng không được công nhận',
  'no-quorum': 'không đủ số thành viên dự họp',
};

/** The column of the unit: agency.yaml's `unit` ("Tổ"), else "Đơn vị". */
function unitColumn(index: WorkspaceIndex): string {
  return index.agency?.unit ?? 'Đơn vị';
}

/** The tally with counts and percentages of the base, one row per nomination. */
export function tallySheet(tally: Tally, index: WorkspaceIndex, round: Round): SheetData {
  const title = (id: string) => round.nominations.find((n) => n.value.id === id)?.value.title ?? '';
  return {
    name: `Kiểm phiếu ${tally.year}`,
    columns: [
      col('Mã đề nghị', 'text', 18),
      col('Loại', 'text', 9),
      col('Tên tập thể, cá nhân', 'text', 32),
      col(unitColumn(index), 'text', 28),
      col('Thành tích', 'text', 48),
      col('Đồng ý', 'int', 9),
      col('Không đồng ý', 'int', 13),
      col('Không ý kiến', 'int', 13),
      col('Tỷ lệ đồng ý', 'percent', 13),
      col('Kết quả', 'text', 16),
      col('Lý do', 'text', 30),
    ],
    rows: tally.results.map((r: TallyResult) => [
      r.nomination,
      r.kind === 'collective' ? 'Tập thể' : 'Cá nhân',
      subjectName(index, r),
      index.departmentName(r.department),
      title(r.nomination),
      r.agree,
      r.disagree,
      r.abstain,
      percentOfBase(r.agree, tally.base) / 100,
      r.recognised ? 'Được công nhận' : 'Không công nhận',
      r.reason ? (REASON[r.reason] ?? r.reason) : null,
    ]),
  };
}

/** The list for the province: the recognised collectives, then individuals. */
export function listSheet(tally: Tally, index: WorkspaceIndex, round: Round): SheetData {
  const recognised = tally.results.filter((r) => r.recognised);
  const nomination = (id: string) => round.nominations.find((n) => n.value.id === id)?.value;
  let c = 0;
  let i = 0;
  return {
    name: `Danh sách ${tally.year}`,
    columns: [
      col('STT', 'int', 6),
      col('Loại', 'text', 9),
      col('Tên tập thể, cá nhân', 'text', 32),
      col('Chức vụ', 'text', 22),
      col(unitColumn(index), 'text', 28),
      col('Thành tích', 'text', 56),
      col('Số phiếu đồng ý', 'int', 15),
      col('Tỷ lệ đồng ý', 'percent', 13),
      col('Ghi chú', 'text', 14),
    ],
    rows: recognised.map((r) => [
      r.kind === 'collective' ? ++c : ++i,
      r.kind === 'collective' ? 'Tập thể' : 'Cá nhân',
      subjectName(index, r),
      r.person ? (index.people.get(r.person)?.value.position ?? null) : null,
      index.departmentName(r.department),
      nomination(r.nomination)?.title ?? '',
      r.agree,
      percentOfBase(r.agree, tally.base) / 100,
      nomination(r.nomination)?.new_factor ? 'Nhân tố mới' : null,
    ]),
  };
}

/** A person's or department's nominations and recognitions across rounds. */
export function awardsSheet(
  name: string,
  entries: readonly AwardEntry[],
  index: WorkspaceIndex,
  symbol: string,
): SheetData {
  const status = (e: AwardEntry) =>
    e.status === 'recognised'
      ? 'Được công nhận'
      : e.status === 'pending'
        ? 'Chưa bỏ phiếu'
        : `Không công nhận${e.reason ? `: ${REASON[e.reason] ?? e.reason}` : ''}`;
  // A school's rounds are school years: "2024-2025" under "Năm học".
  const period = periodOf(index.agency);
  return {
    name: name.slice(0, 31),
    columns: [
      period === 'school-year' ? col('Năm học', 'text', 10) : col('Năm', 'int', 7),
      col('Loại', 'text', 9),
      col('Tên', 'text', 30),
      col('Thành tích', 'text', 56),
      col('Kết quả', 'text', 30),
      col('Số quyết định', 'text', 16),
      col('Ngày quyết định', 'date', 15),
    ],
    rows: entries.map((e) => [
      period === 'school-year' ? roundLabel(e.year, period) : e.year,
      e.kind === 'collective' ? 'Tập thể' : 'Cá nhân',
      e.person ? index.personName(e.person) : index.departmentName(e.department),
      e.title,
      status(e),
      e.decision ? `${String(e.decision.number).padStart(2, '0')}/QĐ-${symbol}` : null,
      e.decision?.date ?? null,
    ]),
  };
}

/** The period report: one row per round. */
export function reportSheet(report: Report): SheetData {
  return {
    name: `Tổng kết ${report.from}-${report.to}`,
    columns: [
      col('Đợt', 'int', 7),
      col('Đã niêm phong', 'text', 14),
      col('Đề nghị tập thể', 'int', 15),
      col('Đề nghị cá nhân', 'int', 15),
      col('Công nhận tập thể', 'int', 17),
      col('Công nhận cá nhân', 'int', 17),
      col('Tỷ lệ công nhận', 'percent', 15),
      col('Nộp đúng hạn', 'int', 13),
      col('Nộp trễ', 'int', 9),
      col('Chưa nộp', 'int', 10),
    ],
    rows: report.rounds.map((r) => [
      r.year,
      r.sealed ? 'có' : 'chưa',
      r.nominations.collective,
      r.nominations.individual,
      r.sealed ? r.recognised.collective : null,
      r.sealed ? r.recognised.individual : null,
      r.pass_rate === null ? null : r.pass_rate / 100,
      r.deadlines.on_time,
      r.deadlines.late,
      r.deadlines.missing,
    ]),
  };
}
