/**
 * The 2025 rule pack as a new provincial department meets it: `init --titles`, a staff sheet and
 * the CLI alone (11 people, a council of 7), every value of the law from the pack's data. This is
 * the "Must show", line by line, on a generated Sở (not the bundled example).
 */
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupTemp, runCli, tempDir } from '../helpers/workspace.js';
import { ENV } from '../helpers/round.js';

afterAll(cleanupTemp);

const STAFF = `STT,Họ và tên,Giới tính,Chức vụ,Phòng,Lãnh đạo
1,Nguyễn Văn Thành,Nam,Giám đốc,,x
2,Trần Thị Hạnh,Nữ,Chánh Văn phòng,Văn phòng,x
3,Lê Văn Khải,Nam,Chuyên viên,Văn phòng,
4,Phạm Thị Loan,Nữ,Chuyên viên,Văn phòng,
5,Hoàng Minh Tú,Nam,Văn thư,Văn phòng,
6,Vũ Đức Long,Nam,Trưởng phòng,Phòng Hành chính tư pháp,x
7,Đỗ Thị Nga,Nữ,Chuyên viên,Phòng Hành chính tư pháp,
8,Bùi Văn Hiếu,Nam,Chuyên viên,Phòng Hành chính tư pháp,
9,Ngô Thị Thu,Nữ,Chuyên viên,Phòng Hành chính tư pháp,
10,Dương Văn Quý,Nam,Chánh Thanh tra,Thanh tra Sở,x
11,Lý Thị Hoa,Nữ,Thanh tra viên,Thanh tra Sở,
`;

describe('the 2025 rule pack on a new provincial department (init --titles, a staff sheet, the CLI)', () => {
  it('rates, refuses, warns and counts as the Law says', { timeout: 180_000 }, async () => {
    const parent = tempDir();
    const root = join(parent, 'so-tu-phap');
    const cli = (...args: string[]) => runCli(['--root', root, ...args], { env: ENV });
    const ok = async (...args: string[]) => {
      const r = await cli(...args);
      if (r.code !== 0) throw new Error(`thidua ${args.join(' ')} exited ${r.code}\n${r.stdout}\n${r.stderr}`);
      return r;
    };
    const init = await runCli(
      ['init', 'so-tu-phap', '--titles', '--agency', 'Sở Tư pháp tỉnh Gia Lai', '--parent', 'UBND tỉnh Gia Lai'].concat(
        ['--symbol', 'STP', '--place', 'Gia Lai', '--head-name', 'Nguyễn Văn Thành', '--head-title', 'Giám đốc'],
      ),
      { cwd: parent, env: ENV },
    );
    expect(init.code, init.stderr).toBe(0);
    // A Sở does not decide Tập thể lao động xuất sắc (Law Điều 80 k1): init says where it goes.
    expect(init.stdout).toContain(
      'đề nghị cấp trên: Tập thể lao động xuất sắc, Chiến sĩ thi đua cấp tỉnh → Chủ tịch Ủy ban nhân dân tỉnh',
    );
    writeFileSync(join(parent, 'nhan-su.csv'), STAFF);
    await ok('import', 'people', join(parent, 'nhan-su.csv'));
    const people = parse(readFileSync(join(root, 'records/people.yaml'), 'utf8')) as Array<{
      id: string;
      name: string;
      department?: string;
    }>;
    const departments = parse(readFileSync(join(root, 'records/departments.yaml'), 'utf8')) as Array<{
      id: string;
      name: string;
    }>;
    const id = (name: string) => people.find((p) => p.name === name)!.id;
    const dept = (name: string) => departments.find((d) => d.name === name)!.id;
    const [vp, hc] = [dept('Văn phòng'), dept('Phòng Hành chính tư pháp')];
    const [hanh, khai, loan, tu] = ['Trần Thị Hạnh', 'Lê Văn Khải', 'Phạm Thị Loan', 'Hoàng Minh Tú'].map(id) as [
      string,
      string,
      string,
      string,
    ];
    const [long, nga, hieu, thu] = ['Vũ Đức Long', 'Đỗ Thị Nga', 'Bùi Văn Hiếu', 'Ngô Thị Thu'].map(id) as [
      string,
      string,
      string,
      string,
    ];
    const [thanh, quy, hoa] = ['Nguyễn Văn Thành', 'Dương Văn Quý', 'Lý Thị Hoa'].map(id) as [string, string, string];

    // A council of 7: the chair, the secretary and five members.
    await ok(
      'round',
      '2025',
      '--member',
      `${thanh}:chu-tich`,
      '--member',
      `${hoa}:thu-ky`,
      ...[hanh, long, quy, khai, nga].flatMap((p) => ['--member', p]),
    );

    const when = ['--met', 'all', '--submitted', '20/11/2025'];
    const nominate = (award: string, who: { person?: string; department: string }, rating: string, ...more: string[]) =>
      cli(
        'nominate',
        '2025',
        '--award',
        award,
        '--department',
        who.department,
        ...(who.person ? ['--person', who.person] : []),
        '--rating',
        rating,
        '--title',
        'Hoàn thành nhiệm vụ năm 2025',
        ...when,
        ...more,
      );
    const LDTT = 'lao-dong-tien-tien';
    const CSTDCS = 'chien-si-thi-dua-co-so';
    // Lao động tiên tiến: three of the four in Văn phòng, three of the four in the Phòng.
    for (const [p, d, r] of [
      [hanh, vp, 'xuat-sac'],
      [khai, vp, 'tot'],
      [loan, vp, 'tot'],
      [long, hc, 'xuat-sac'],
      [nga, hc, 'tot'],
      [hieu, hc, 'tot'],
    ] as const) {
      const res = await nominate(LDTT, { person: p, department: d }, r);
      expect(res.code, res.stderr).toBe(0);
    }

    // LĐTT rated "hoàn thành" is refused at its file (Law Điều 24 k1: "hoàn thành tốt nhiệm vụ trở lên").
    const low = await nominate(LDTT, { person: tu, department: vp }, 'hoan-thanh');
    expect(low.code).not.toBe(0);
    expect(low.stderr).toContain(`records/2025/nominations/${tu}-${LDTT}.yaml:`);
    expect(low.stderr).toContain(
      'error[award-rating]  “Lao động tiên tiến” cần xếp loại “Hoàn thành tốt nhiệm vụ” trở lên; xếp loại của đề nghị là “Hoàn thành nhiệm vụ”',
    );

    // A second nomination of one person for one title is an error, naming the first file.
    const twice = await nominate(LDTT, { person: khai, department: vp }, 'tot');
    expect(twice.code).not.toBe(0);
    expect(twice.stderr).toContain(
      `đã được đề nghị “Lao động tiên tiến” trong đợt 2025: records/2025/nominations/${khai}-${LDTT}.yaml`,
    );
    // …and validate says so at the second file when one is written by hand.
    writeFileSync(
      join(root, `records/2025/nominations/${khai}-${LDTT}-2.yaml`),
      readFileSync(join(root, `records/2025/nominations/${khai}-${LDTT}.yaml`), 'utf8').replace(
        `id: ${khai}-${LDTT}`,
        `id: ${khai}-${LDTT}-2`,
      ),
    );
    const dup = await cli('validate', '2025');
    expect(dup.code).not.toBe(0);
    expect(dup.stdout + dup.stderr).toContain(
      `records/2025/nominations/${khai}-${LDTT}-2.yaml:5:9  error[nomination-duplicate]  Lê Văn Khải (${khai}) đã được đề nghị “Lao động tiên tiến” trong đợt 2025 ở records/2025/nominations/${khai}-${LDTT}.yaml; mỗi người (tập thể) chỉ được đề nghị một lần cho một danh hiệu`,
    );
    rmSync(join(root, `records/2025/nominations/${khai}-${LDTT}-2.yaml`), { force: true });

    // CSTĐCS: rated "xuất sắc" without an initiative is accepted; rated "tốt" without one is refused (Law Điều 23).
    expect((await nominate(CSTDCS, { person: hanh, department: vp }, 'xuat-sac')).code).toBe(0);
    expect((await nominate(CSTDCS, { person: long, department: hc }, 'xuat-sac')).code).toBe(0);
    const noInitiative = await nominate(CSTDCS, { person: nga, department: hc }, 'tot');
    expect(noInitiative.code).not.toBe(0);
    expect(noInitiative.stderr).toContain(
      'error[initiative-missing]  danh hiệu “Chiến sĩ thi đua cơ sở” cần “initiative”: bản mô tả sáng kiến (hoặc xếp loại “Hoàn thành xuất sắc nhiệm vụ” (rating: xuat-sac), hoặc đề tài nghiên cứu đã nghiệm thu (research))',
    );

    // Every member of the Phòng completes their tasks (TTLĐXS: 100 %): the one not nominated is rated in ratings.yaml.
    writeFileSync(
      join(root, 'records/2025/ratings.yaml'),
      `- { person: ${thu}, rating: hoan-thanh }\n- { person: ${tu}, rating: hoan-thanh }\n`,
    );

    // The collective titles: TTLĐTT for both units, TTLĐXS for the Phòng too (a warning, not an error).
    for (const [award, d, r] of [
      ['tap-the-lao-dong-tien-tien', vp, 'tot'],
      ['tap-the-lao-dong-tien-tien', hc, 'tot'],
      ['tap-the-lao-dong-xuat-sac', hc, 'xuat-sac'],
    ] as const) {
      const res = await nominate(award, { department: d }, r);
      expect(res.code, res.stderr).toBe(0);
    }
    // A member under cảnh cáo blocks TTLĐTT (Law Điều 28); TTLĐXS has no discipline clause (Điều 27).
    writeFileSync(
      join(root, 'records/discipline.yaml'),
      `- { person: ${thu}, level: canh-cao, date: 2025-03-10, decision: 12/QĐ-STP }\n`,
    );
    const warned = await cli('validate', '2025');
    const out = warned.stdout + warned.stderr;
    expect(warned.code).not.toBe(0);
    expect(out).toContain(`records/2025/nominations/${hc}-tap-the-lao-dong-tien-tien.yaml`);
    expect(out.split('\n').filter((l) => l.includes('error[discipline-member]'))).toHaveLength(1);
    expect(out).not.toMatch(/tap-the-lao-dong-xuat-sac\.yaml:\d+:\d+ +error/);
    // …and one under khiển trách blocks neither.
    writeFileSync(
      join(root, 'records/discipline.yaml'),
      `- { person: ${thu}, level: khien-trach, date: 2025-03-10, decision: 12/QĐ-STP }\n`,
    );
    const clean = await cli('validate', '2025');
    expect(clean.code, clean.stdout + clean.stderr).toBe(0);
    // Both collective titles for one unit: a warning.
    expect(clean.stdout + clean.stderr).toContain(
      `records/2025/nominations/${hc}-tap-the-lao-dong-xuat-sac.yaml:5:8  warning[collective-both-titles]  Phòng Hành chính tư pháp đã được đề nghị “Tập thể lao động tiên tiến” trong đợt 2025 (records/2025/nominations/${hc}-tap-the-lao-dong-tien-tien.yaml); đề nghị cả “Tập thể lao động xuất sắc”: không bị cấm, nhưng chỉ được thưởng tiền theo danh hiệu cao hơn`,
    );

    // The vote: a council of 7. Văn phòng's Loan fails LĐTT (3 of 7 < 2/3): 2 of 4 LĐTT.
    // CSTĐCS needs 80 % of all 7 members: Hạnh 6 of 7 passes, Long 5 of 7 fails.
    await ok('session', '2025', '--date', '15/01/2026', '--time', '08:00', '--place', 'Phòng họp Sở', '--counter', quy);
    const ids = readdirSync(join(root, 'records/2025/nominations')).map((f) => f.replace(/\.yaml$/, ''));
    for (let i = 0; i < 7; i++) {
      const vote = (n: string) => {
        if (n === `${loan}-${LDTT}`) return i < 3 ? 'agree' : 'disagree';
        if (n === `${hanh}-${CSTDCS}`) return i < 6 ? 'agree' : 'disagree';
        if (n === `${long}-${CSTDCS}`) return i < 5 ? 'agree' : 'disagree';
        return 'agree';
      };
      await ok('ballot', '2025', ...ids.flatMap((n) => ['--vote', `${n}=${vote(n)}`]));
    }
    await ok('tally', '2025', '--seal');
    const tally = parse(readFileSync(join(root, 'records/2025/tally.yaml'), 'utf8')) as {
      results: Array<{
        nomination: string;
        recognised: boolean;
        passed: boolean;
        reason: string | null;
        agree: number;
      }>;
      basis: { pack?: { pack: string } };
    };
    const result = (n: string) => tally.results.find((r) => r.nomination === n)!;
    // TTLĐTT with 2 of 4 members LĐTT is not recognised (Law Điều 28: 70 %); with 3 of 4 it is.
    expect(result(`${vp}-tap-the-lao-dong-tien-tien`)).toMatchObject({
      passed: true,
      recognised: false,
      reason: 'prerequisite-not-recognised',
    });
    expect(result(`${hc}-tap-the-lao-dong-tien-tien`)).toMatchObject({ recognised: true });
    // CSTĐCS: 6 of 7 passes, 5 of 7 fails.
    expect(result(`${hanh}-${CSTDCS}`)).toMatchObject({ agree: 6, passed: true, recognised: true });
    expect(result(`${long}-${CSTDCS}`)).toMatchObject({
      agree: 5,
      passed: false,
      recognised: false,
      reason: 'below-threshold',
    });
    // TTLĐXS with a khiển trách member was not refused, and is not recognised without a CSTĐCS in the unit.
    expect(result(`${hc}-tap-the-lao-dong-xuat-sac`)).toMatchObject({
      passed: true,
      recognised: false,
      reason: 'prerequisite-not-recognised',
    });
    // The round records the pack it was judged under.
    expect(tally.basis.pack?.pack).toBe('vn-2025-07');
    // explain shows the source of a rule's values from the workspace's pack.
    const explain = await ok('explain', 'award-members');
    expect(explain.stdout).toContain(
      'Tập thể lao động tiên tiến: 70 % người của tập thể đạt “Lao động tiên tiến”: Luật Thi đua, khen thưởng số 06/2022/QH15, Điều 28 khoản 1',
    );
  });
});
