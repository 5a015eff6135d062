/** What a departments import would write (pure): each row matched by id or name, its head found among the people. */
import { departmentIdFromName } from '../ids.js';
import { personAsOf } from '../records/basis.js';
import type { Department, Person } from '../schemas/organisation.js';
import type { Mapping } from './columns.js';
import type { Cell, Sheet } from './sheet.js';
import type { FieldChangeSeen, ImportPlan, PlannedRow, RowProblem } from './plan.js';
import { dataRows, groupBy, nameKey, text, uniqueId } from './rows.js';

export function planDepartments(
  sheet: Sheet,
  mapping: Mapping,
  departments: readonly Department[],
  people: readonly Person[],
  asOf: string,
): ImportPlan {
  const problems: RowProblem[] = [];
  const taken = new Set(departments.map((d) => d.id));
  const seen = new Map<string, Cell>();
  // Looked up by map, once per row: an import is linear in its rows.
  const deptById = new Map(departments.map((d) => [d.id, d] as const).reverse());
  const deptByName = groupBy(departments, (d) => nameKey(d.name));
  const personById = new Map(people.map((p) => [p.id, p] as const).reverse());
  const personByName = groupBy(people, (p) => nameKey(personAsOf(p, asOf).name));
  const rows = dataRows(sheet, mapping).map(({ cells, first }): PlannedRow => {
    const name = text(cells, 'name') ?? '';
    const givenId = text(cells, 'id');
    const existing = givenId !== undefined ? deptById.get(givenId) : deptByName.get(nameKey(name))?.[0];
    let id: string;
    let generatedId = false;
    if (existing) id = existing.id;
    else if (givenId !== undefined) id = givenId;
    else {
      generatedId = true;
      id = uniqueId(departmentIdFromName(name), taken);
    }
    taken.add(id);
    const earlier = seen.get(id);
    if (earlier) {
      problems.push({
        cell: cells.get('id') ?? first,
        code: 'duplicate-id',
        message: {
          vi: `hàng này và hàng ${earlier.row} cùng là phòng “${id}”; mỗi phòng một hàng`,
          en: `this row and row ${earlier.row} are both the department “${id}”; one row per department`,
        },
      });
    }
    seen.set(id, first);
    let head: string | undefined;
    const headText = text(cells, 'head');
    if (headText !== undefined) {
      const byId = personById.get(headText);
      const byName = personByName.get(nameKey(headText)) ?? [];
      const found = byId ?? (byName.length === 1 ? byName[0] : undefined);
      if (found) head = found.id;
      else {
        problems.push({
          cell: cells.get('head')!,
          code: 'unknown-reference',
          message:
            byName.length > 1
              ? {
                  vi: `“${headText}” là tên của ${byName.length} người (${byName.map((p) => p.id).join(', ')}); hãy ghi mã`,
                  en: `“${headText}” is the name of ${byName.length} people (${byName.map((p) => p.id).join(', ')}); give the id`,
                }
              : {
                  vi: `không có người “${headText}” trong records/people.yaml (nhập cán bộ trước: thidua import people)`,
                  en: `no person “${headText}” in records/people.yaml (import the staff first: thidua import people)`,
                },
        });
      }
    }
    const wanted: Department = {
      id,
      name,
      ...(head !== undefined ? { head } : existing?.head !== undefined ? { head: existing.head } : {}),
    };
    if (!existing) return { cells, first, id, status: 'new', changes: [], record: wanted, generatedId };
    const changes: FieldChangeSeen[] = [];
    if (existing.name !== wanted.name) changes.push({ field: 'name', from: existing.name, to: wanted.name });
    if (existing.head !== wanted.head) changes.push({ field: 'head', from: existing.head, to: wanted.head });
    return {
      cells,
      first,
      id,
      status: changes.length ? 'changed' : 'same',
      changes,
      record: changes.length ? wanted : existing,
      generatedId,
    };
  });
  return { kind: 'departments', rows, newDepartments: [], problems, missing: [] };
}
