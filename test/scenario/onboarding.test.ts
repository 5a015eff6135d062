/** Onboarding without writing YAML: thidua round creates a round, thidua received records a document. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupTemp, cli } from '../helpers/workspace.js';
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

describe('thidua round', () => {
  it('creates the next round with the previous council, refuses an existing one; nominate asks for a round first', async () => {
    const a = generateAgency({ seed: 112, departments: 3, councilSize: 5 });
    const next = String(a.year + 1);
    const early = await run(a, 'nominate', next, '--kind', 'collective', '--department', a.departments[0]!.id, '--title', 'Mô hình', '--initiative', 'Mô tả', '--met', 'all');
    expect([early.code, early.stderr]).toEqual([1, `thidua: đợt ${next} chưa được tạo (chưa có records/${next}/council.yaml); tạo bằng: thidua round ${next}\n`]);
    const r = await ok(a, 'round', next);
    expect(r.stdout).toBe(`Đã tạo đợt ${next}: records/${next}/council.yaml (5 thành viên Hội đồng, chép từ đợt ${a.year}).\nTiếp theo: thidua nominate ${next} (nhập đề nghị); khi định ngày họp: thidua session ${next} --date … --place … --counter …; rồi thidua ballot ${next}.\n`);
    const council = readFileSync(join(a.root, `records/${next}/council.yaml`), 'utf8');
    expect(council).toContain(`  - { person: ${a.council[0]!}, role: chu-tich }\n`);
    expect(council).not.toMatch(/^session:/m);
    expect((await run(a, 'validate', next)).code).toBe(0);
    await ok(a, 'nominate', next, '--kind', 'collective', '--department', a.departments[0]!.id, '--title', 'Mô hình', '--initiative', 'Mô tả', '--met', 'all', '--submitted', `${next}-11-01`);
    const again = await run(a, 'round', next);
    expect([again.code, again.stderr]).toEqual([1, `thidua: đợt ${next} đã có (records/${next}/); không tạo lại\n`]);
  });

  it('a first round takes its members from --member, each checked against people.yaml', async () => {
    const a = generateAgency({ seed: 113, departments: 2, councilSize: 3 });
    const first = String(a.year - 3);
    const bad = await run(a, 'round', first, '--member', `${a.people[0]!.id}x:chu-tich`);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(`không có người “${a.people[0]!.id}x” trong records/people.yaml (có phải “${a.people[0]!.id}”?)`);
    const none = await run(a, 'round', first);
    expect(none.stderr).toContain(`chưa có đợt nào trước ${first} để chép Hội đồng`);
    await ok(a, 'round', first, '--member', `${a.people[0]!.id}:chu-tich`, '--member', `${a.people[1]!.id}:thu-ky`, '--member', a.people[2]!.id);
    expect(readFileSync(join(a.root, `records/${first}/council.yaml`), 'utf8')).toContain(`  - { person: ${a.people[2]!.id}, role: uy-vien }\n`);
  });
});

describe('through the built program, in English too', () => {
  it('round and received speak English with --lang en, and odd text in --ref is written so it loads back', () => {
    const a = generateAgency({ seed: 114, departments: 2, councilSize: 3, noSession: true });
    const next = String(a.year + 1);
    const r = cli(['--root', a.root, '--lang', 'en', 'round', next]);
    expect([r.code, r.stdout]).toEqual([0, `Created round ${next}: records/${next}/council.yaml (3 council members, copied from ${a.year}).\nNext: thidua nominate ${next} (enter nominations); when the meeting is set: thidua session ${next} --date … --place … --counter …; then thidua ballot ${next}.\n`]);
    const ref = 'Số 27: "KH" # NV2';
    const s = cli(['--root', a.root, '--lang', 'en', 'received', a.departments[0]!.id, 'plan', '--year', String(a.year), '--date', `${a.year}-12-20`, '--ref', ref]);
    expect(s.code, s.stderr).toBe(0);
    expect(s.stdout).toBe(`Recorded: ${a.departments[0]!.name} sent “Kế hoạch nhân rộng” (${ref}) on ${a.year}-12-20, late (due before ${a.year}-12-15).\n`);
    const v = JSON.parse(cli(['--root', a.root, 'overdue', '--as-of', `${a.year}-12-31`, '--year', String(a.year), '--json']).stdout) as { items: Array<{ department: string; deadline: string; reference: string | null }> };
    expect(v.items.find((x) => x.department === a.departments[0]!.id && x.deadline === 'plan')!.reference).toBe(ref);
  });
});
