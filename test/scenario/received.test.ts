/** thidua received: a department's document for a deadline, or that it has none, without editing YAML. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupTemp } from '../helpers/workspace.js';
import { generateAgency } from '../helpers/agency.js';
import { ok, run } from '../helpers/round.js';

afterAll(cleanupTemp);

describe('thidua received', () => {
  it('records a plan received, and one declined; overdue stops listing both; a second entry is refused', async () => {
    const a = generateAgency({ seed: 111, departments: 4, noSession: true });
    const overdue = async () => (JSON.parse((await run(a, 'overdue', '--as-of', `${a.year}-12-20`, '--json')).stdout) as { items: Array<{ deadline: string; department: string }> }).items;
    const plan = (list: Array<{ deadline: string; department: string }>) => list.filter((x) => x.deadline === 'plan').map((x) => x.department).sort();
    expect(plan(await overdue())).toEqual(a.departments.map((d) => d.id).sort());

    const r = await ok(a, 'received', 'hctp', 'plan', '--date', `${a.year}-12-10`, '--ref', '27/KH-HCTP');
    expect(r.stdout).toBe(`Đã ghi: Phòng Hành chính tư pháp gửi “Kế hoạch nhân rộng” (27/KH-HCTP) ngày 10/12/${a.year}, đúng hạn.\n`);
    const d = await ok(a, 'received', 'bttp', 'plan', '--date', `${a.year}-12-18`, '--declined');
    expect(d.stdout).toContain('báo không có văn bản cho “Kế hoạch nhân rộng”');
    const file = join(a.root, `records/${a.year}/submissions.yaml`);
    expect(readFileSync(file, 'utf8')).toContain(`- { deadline: plan, department: hctp, received: ${a.year}-12-10, reference: "27/KH-HCTP" }\n- { deadline: plan, department: bttp, received: ${a.year}-12-18, declined: true }\n`);
    expect(plan(await overdue())).toEqual(a.departments.map((x) => x.id).filter((x) => x !== 'hctp' && x !== 'bttp').sort());
    expect((await run(a, 'validate', String(a.year))).code).toBe(0);

    const bytes = readFileSync(file);
    const again = await run(a, 'received', 'hctp', 'plan', '--date', `${a.year}-12-12`);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`đã ghi hctp cho thời hạn plan (nhận 10/12/${a.year}, 27/KH-HCTP); không ghi thêm`);
    expect(readFileSync(file).equals(bytes)).toBe(true);

    const typo = await run(a, 'received', 'hctpp', 'plan');
    expect([typo.code, typo.stderr]).toEqual([2, `thidua: không có phòng “hctpp” (có phải “hctp”?); các phòng: ${a.departments.map((x) => x.id).join(', ')}\n`]);
    const noDeadline = await run(a, 'received', 'vp', 'plann');
    expect(noDeadline.stderr).toContain('đợt 2025 không có thời hạn “plann” (có phải “plan”?)');
  });
});
