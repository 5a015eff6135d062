/**
 * What `import nominations` would write (pure): one nomination per row of a unit's list — a person's
 * when the row names one, the unit's own when it does not — its title found by name as printed,
 * matched to the round's nominations by person (or unit) and title so a second import adds nothing.
 */
import { criteriaFor, defaultId } from '../nomination.js';
import { renderNominationFile } from '../record-files.js';
import { parseRating } from '../ratings.js';
import type { WorkspaceIndex } from '../records/index.js';
import type { Criteria } from '../schemas/criteria.js';
import type { Nomination } from '../schemas/round.js';
import { closest } from '../text/closest.js';
import type { Field, Mapping } from './columns.js';
import type { RowProblem } from './plan.js';
import { DepartmentIndex, dataRows, dateValue, groupBy, nameKey, text, type DataRow } from './rows.js';
import type { Cell, Sheet } from './sheet.js';

export interface PlannedNomination {
  row: DataRow;
  nomination: Nomination;
  status: 'new' | 'changed' | 'same';
}

export interface NominationPlan {
  rows: PlannedNomination[];
  problems: RowProblem[];
}

export interface NominationContext {
  year: number;
  /** The records as the round sees them (people as at the round's end). */
  view: WorkspaceIndex;
  catalogue: Criteria;
  existing: readonly Nomination[];
  /** Ids in the round that could not be read: never given again. */
  brokenIds: readonly string[];
  /** The day a row without "Ngày nhận" was received. */
  submitted: string;
  /** The agency's unit word ("Tổ", "Phòng"), lower-case, for messages. */
  unit: { vi: string; en: string };
}

/** The key a nomination is matched by: whose it is (person, or the unit for its own) and the title. */
function keyOf(n: Pick<Nomination, 'kind' | 'department' | 'award'> & { person?: string }): string {
  return `${n.kind === 'individual' ? `p:${n.person ?? ''}` : `d:${n.department}`}|${n.award ?? ''}`;
}

export function planNominations(sheet: Sheet, mapping: Mapping, c: NominationContext): NominationPlan {
  const problems: RowProblem[] = [];
  const { view } = c;
  const problem = (cell: Cell, code: RowProblem['code'], vi: string, en: string) =>
    problems.push({ cell, code, message: { vi, en } });
  const byKey = new Map(c.existing.map((n) => [keyOf(n), n]));
  const taken = new Set([...c.existing.map((n) => n.id), ...c.brokenIds]);
  const seen = new Map<string, Cell>();
  const people = [...view.people.values()].map((p) => p.value);
  const departments = [...view.departments.values()].map((d) => d.value);
  const titles = [...view.titles.values()];
  const rows: PlannedNomination[] = [];
  // Looked up by map, once per row: an import is linear in its rows.
  const units = new DepartmentIndex(departments);
  const peopleById = groupBy(people, (p) => p.id);
  const peopleByName = groupBy(people, (p) => nameKey(p.name));

  for (const row of dataRows(sheet, mapping)) {
    const cell = (f: Field) => row.cells.get(f) ?? row.first;
    let ok = true;
    // The unit: as written, else the person's own.
    const unitText = text(row.cells, 'department');
    let department = unitText !== undefined ? units.find(unitText)?.id : undefined;
    if (unitText !== undefined && department === undefined) {
      ok = false;
      const g = closest(
        unitText,
        departments.map((d) => d.name),
      );
      problem(
        cell('department'),
        'unknown-reference',
        `không có ${c.unit.vi} “${unitText}” trong records/departments.yaml${g ? ` (có phải “${g}”?)` : ''}`,
        `no ${c.unit.en} “${unitText}” in records/departments.yaml${g ? ` (did you mean “${g}”?)` : ''}`,
      );
    }
    // The person: by id, else by name (within the unit when two share it); no name: the unit's own.
    const idText = text(row.cells, 'id');
    const nameText = text(row.cells, 'name');
    let person: string | undefined;
    if (idText !== undefined || nameText !== undefined) {
      const same = idText !== undefined ? (peopleById.get(idText) ?? []) : (peopleByName.get(nameKey(nameText!)) ?? []);
      const inUnit = same.filter((p) => department === undefined || p.department === department);
      const found = inUnit.length === 1 ? inUnit[0] : same.length === 1 ? same[0] : undefined;
      const shown = idText ?? nameText!;
      if (found) {
        person = found.id;
        department ??= found.department;
      } else if (same.length > 1) {
        ok = false;
        const ids = same.map((p) => p.id).join(', ');
        problem(
          cell(idText !== undefined ? 'id' : 'name'),
          'unknown-reference',
          `“${shown}” là tên của ${same.length} người (${ids}); ghi ${c.unit.vi} hoặc mã`,
          `“${shown}” is the name of ${same.length} people (${ids}); give the ${c.unit.en} or the id`,
        );
      } else {
        ok = false;
        const g = closest(shown, idText !== undefined ? view.people.keys() : people.map((p) => p.name));
        problem(
          cell(idText !== undefined ? 'id' : 'name'),
          'unknown-reference',
          `không có người “${shown}” trong records/people.yaml${g ? ` (có phải “${g}”?)` : ''}; nhập cán bộ trước: thidua import people`,
          `no person “${shown}” in records/people.yaml${g ? ` (did you mean “${g}”?)` : ''}; import the staff first: thidua import people`,
        );
      }
    }
    if (department === undefined && ok) {
      ok = false;
      problem(
        cell('department'),
        'unknown-reference',
        `hàng không ghi ${c.unit.vi} nào`,
        `the row names no ${c.unit.en}`,
      );
    }
    // The title, by its name as printed or its id.
    const awardText = text(row.cells, 'award');
    const award =
      awardText === undefined
        ? undefined
        : titles.find((x) => x.id === awardText || nameKey(x.name) === nameKey(awardText));
    if (awardText !== undefined && !award) {
      ok = false;
      const g = closest(
        awardText,
        titles.map((x) => x.name),
      );
      problem(
        cell('award'),
        'unknown-reference',
        titles.length === 0
          ? `“${awardText}”: chưa có records/titles.yaml khai báo danh hiệu`
          : `không có danh hiệu “${awardText}” trong records/titles.yaml${g ? ` (có phải “${g}”?)` : ''}`,
        titles.length === 0
          ? `“${awardText}”: no records/titles.yaml declares titles`
          : `no title “${awardText}” in records/titles.yaml${g ? ` (did you mean “${g}”?)` : ''}`,
      );
    }
    // The rating (xếp loại) as the sheet writes it: "Hoàn thành tốt nhiệm vụ", "HTXSNV", "Tốt".
    const ratingText = text(row.cells, 'rating');
    const rating = ratingText === undefined ? undefined : parseRating(ratingText);
    if (rating === null) {
      ok = false;
      problem(
        cell('rating'),
        'schema',
        `“${ratingText!}” không phải xếp loại (Hoàn thành xuất sắc nhiệm vụ, Hoàn thành tốt nhiệm vụ, Hoàn thành nhiệm vụ, Không hoàn thành nhiệm vụ)`,
        `“${ratingText!}” is not a rating (Hoàn thành xuất sắc nhiệm vụ, Hoàn thành tốt nhiệm vụ, Hoàn thành nhiệm vụ, Không hoàn thành nhiệm vụ)`,
      );
    }
    const submittedCell = row.cells.get('submitted');
    const submittedText = text(row.cells, 'submitted');
    const submitted = submittedText === undefined ? c.submitted : dateValue(submittedCell!.value);
    if (submitted === null) {
      ok = false;
      problem(
        submittedCell!,
        'schema',
        `“${submittedText!}” không phải ngày (dd/mm/yyyy)`,
        `“${submittedText!}” is not a date (dd/mm/yyyy)`,
      );
    }
    if (!ok || department === undefined || submitted === null) continue;
    const kind = person !== undefined ? 'individual' : 'collective';
    const key = keyOf({ kind, department, award: award?.id, ...(person !== undefined ? { person } : {}) });
    const earlier = seen.get(key);
    if (earlier) {
      problem(
        row.first,
        'duplicate-id',
        `hàng này và hàng ${earlier.row} là cùng một đề nghị; mỗi đề nghị một hàng`,
        `this row and row ${earlier.row} are the same nomination; one row per nomination`,
      );
      continue;
    }
    seen.set(key, row.first);
    const before = byKey.get(key);
    const id = before?.id ?? defaultId(kind, department, taken, award ? { id: award.id, person } : undefined);
    taken.add(id);
    const criteria =
      before?.criteria ??
      Object.fromEntries(criteriaFor(kind, person, view, c.catalogue, award?.id).map((x) => [x.id, true]));
    const initiative = text(row.cells, 'initiative');
    const base = {
      id,
      department,
      ...(award ? { award: award.id } : {}),
      title: text(row.cells, 'achievement') ?? before?.title ?? award?.name ?? '',
      ...(initiative !== undefined
        ? { initiative }
        : before?.initiative !== undefined
          ? { initiative: before.initiative }
          : {}),
      submitted: submittedText === undefined && before ? before.submitted : submitted,
      ...(rating ? { rating } : before?.rating !== undefined ? { rating: before.rating } : {}),
      ...(before?.new_factor ? { new_factor: true } : {}),
      ...(before?.accepted_late ? { accepted_late: before.accepted_late } : {}),
      ...(before?.note ? { note: before.note } : {}),
      criteria,
    };
    const nomination: Nomination =
      person !== undefined ? { ...base, kind: 'individual', person } : { ...base, kind: 'collective' };
    const status = !before
      ? 'new'
      : renderNominationFile(before) === renderNominationFile(nomination)
        ? 'same'
        : 'changed';
    rows.push({ row, nomination: status === 'same' ? before! : nomination, status });
  }
  return { rows, problems };
}
