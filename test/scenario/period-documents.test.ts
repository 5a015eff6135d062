/**
 * Documents of a period on generated agencies: the reminders chase only the period's open deadlines
 * (never a round left years ago), as `overdue` does.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupTemp, git } from '../helpers/workspace.js';
import { generateAgency, writeRound } from '../helpers/agency.js';
import { run } from '../helpers/round.js';
import { docxText } from '../helpers/docx.js';

afterAll(cleanupTemp);

describe('reminders as of 20/12/2025', () => {
  it('name only the open deadlines of 2025, never a 2017 one; overdue agrees', async () => {
    const a = generateAgency({ seed: 35, year: 2017, departments: 3, councilSize: 5, noSession: true });
    writeRound(a.root, 2025, a, null);
    git(a.root, ['add', '-A']);
    git(a.root, ['commit', '-q', '-m', 'Đợt 2025']);
    const asOf = ['--as-of', '2025-12-20'];
    const rendered = await run(a, 'render', 'reminders', ...asOf, '--date', '2025-12-20');
    expect(rendered.code, rendered.stderr).toBe(0);
    const text = docxText(join(a.root, 'documents/cong-van-don-doc-2025-12-20.docx'));
    for (const d of a.departments) expect(text).toContain(`Kính gửi: ${d.name}`);
    expect(text).toContain('Kế hoạch nhân rộng (đợt 2025), hạn gửi trước ngày 15/12/2025, đã quá hạn 6 ngày');
    expect(text).not.toMatch(/2017|2928/u);

    // overdue lists the same deadlines, and says that 2017 still owes some.
    const json = JSON.parse((await run(a, 'overdue', ...asOf, '--json')).stdout) as {
      items: Array<{ year: number; deadline: string; status: string }>;
    };
    expect(new Set(json.items.map((i) => `${i.year} ${i.deadline} ${i.status}`))).toEqual(
      new Set(['2025 plan missing']),
    );
    const human = await run(a, 'overdue', ...asOf);
    expect(human.code).toBe(1);
    expect(human.stdout).not.toContain('Đợt 2017');
    expect(human.stdout).toContain('các đợt 2017 còn văn bản chưa nộp: thidua overdue --year NĂM.');
    // Asked by year, the old round is still there, in overdue and in a letter.
    const old = JSON.parse((await run(a, 'overdue', ...asOf, '--year', '2017', '--json')).stdout) as {
      items: Array<{ year: number; days_late: number }>;
    };
    expect(old.items.map((i) => [i.year, i.days_late])).toEqual(a.departments.map(() => [2017, 2928]));
  }, 60_000);
});
