/**
 * The walk-through: a UBND xã from `init --titles`, its staff sheet and the CLI only, its
 * decision signed KT. by a Phó Chủ tịch. What the văn thư would otherwise fix by hand: the authority,
 * the căn cứ, titles above the head's competence, plan wording, overdue plan deadlines, "Lưu" twice.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupTemp, runCli, tempDir } from '../helpers/workspace.js';
import { ENV } from '../helpers/round.js';
import { csvOf, staffList } from '../helpers/staff.js';
import { docxParagraphs } from '../helpers/docx.js';

afterAll(cleanupTemp);

describe('a new UBND xã, signed KT. by a Phó Chủ tịch', () => {
  it('prints what a văn thư signs as printed', async () => {
    const dir = tempDir();
    const root = join(dir, 'tan-phu');
    const cli = async (...args: string[]) => {
      const r = await runCli(['--root', root, ...args], { env: { ...ENV, THIDUA_TODAY: '2025-12-20' } });
      if (r.code !== 0) throw new Error(`thidua ${args.join(' ')}: ${r.stdout}${r.stderr}`);
      return r;
    };
    const init = await runCli(
      ['init', root, '--titles', '--agency', 'Ủy ban nhân dân xã Tân Phú', '--parent', 'Tỉnh Đồng Nai'].concat(
        ['--symbol', 'UBND', '--place', 'Tân Phú', '--head-name', 'Nguyễn Văn Hùng', '--head-title', 'Chủ tịch'],
        ['--competence', 'Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025', '--level', 'xa'],
      ),
      { env: ENV, cwd: dir },
    );
    expect(init.code, init.stderr).toBe(0);
    const departments = ['Văn phòng HĐND và UBND', 'Phòng Kinh tế', 'Phòng Văn hóa - Xã hội'];
    writeFileSync(join(dir, 'nhan-su.csv'), csvOf(staffList(11, 12, departments)));
    await cli('import', 'people', join(dir, 'nhan-su.csv'));
    const people = [
      ...readFileSync(join(root, 'records/people.yaml'), 'utf8').matchAll(/^[^#\n]*\bid: ([\w-]+)/gm),
    ].map((m) => m[1]!);
    const depts = [
      ...readFileSync(join(root, 'records/departments.yaml'), 'utf8').matchAll(/^[^#\n]*\bid: ([\w-]+)/gm),
    ].map((m) => m[1]!);
    const personDept = (id: string) => {
      const block = readFileSync(join(root, 'records/people.yaml'), 'utf8')
        .split('\n- ')
        .find((b) => b.includes(`id: ${id}`))!;
      return /department: ([\w-]+)/.exec(block)![1]!;
    };
    await cli(
      'round',
      '2025',
      ...people
        .slice(0, 5)
        .flatMap((p, i) => ['--member', `${p}:${i === 0 ? 'chu-tich' : i === 1 ? 'thu-ky' : 'uy-vien'}`]),
    );
    const d = depts[1]!;
    const inD = people.filter((p) => personDept(p) === d);
    const sub = ['--met', 'all', '--submitted', '20/11/2025', '--rating', 'xuat-sac'];
    for (const p of inD)
      await cli(
        'nominate',
        '2025',
        '--award',
        'lao-dong-tien-tien',
        '--department',
        d,
        '--person',
        p,
        '--title',
        'Hoàn thành tốt nhiệm vụ',
        ...sub,
      );
    await cli(
      'nominate',
      '2025',
      '--award',
      'tap-the-lao-dong-tien-tien',
      '--department',
      d,
      '--title',
      'Hoàn thành tốt nhiệm vụ',
      ...sub,
    );
    await cli(
      'nominate',
      '2025',
      '--award',
      'chien-si-thi-dua-co-so',
      '--department',
      d,
      '--person',
      inD[0]!,
      '--title',
      'Sáng kiến một cửa',
      '--initiative',
      'Mô tả.',
      ...sub,
    );
    await cli(
      'nominate',
      '2025',
      '--award',
      'tap-the-lao-dong-xuat-sac',
      '--department',
      d,
      '--title',
      'Hoàn thành xuất sắc',
      '--initiative',
      'Mô tả.',
      ...sub,
    );
    await cli(
      'session',
      '2025',
      '--date',
      '15/12/2025',
      '--time',
      '08:00',
      '--place',
      'Hội trường xã',
      '--counter',
      people[2]!,
    );
    const ids = readdirSync(join(root, 'records/2025/nominations')).map((f) => f.replace(/\.yaml$/, ''));
    for (let k = 0; k < 5; k++) await cli('ballot', '2025', ...ids.flatMap((id) => ['--vote', `${id}=agree`]));
    await cli('tally', '2025', '--seal');
    const decided = await cli(
      'decide',
      '2025',
      '--number',
      '7',
      '--date',
      '20/12/2025',
      '--signer',
      'Lê Thị Thu',
      '--signer-title',
      'Phó Chủ tịch',
      '--sign-as',
      'KT',
    );
    // The decision counts what it confers; the Tập thể lao động xuất sắc goes upward, said apart.
    expect(decided.stdout).toMatch(
      /\(\d+ tập thể, cá nhân được công nhận; 1 đề nghị cấp trên: thidua render upward 2025\)/,
    );
    await cli('render', 'all', '2025');
    await cli('render', 'ballots', '2025');
    const out = join(root, 'documents/2025');
    const docs = Object.fromEntries(
      readdirSync(out)
        .filter((f) => f.endsWith('.docx'))
        .map((f) => [f.replace(/-2025\.docx$/, ''), docxParagraphs(join(out, f))]),
    );
    // The addressee is the authority above the xã in its province, which init wrote from the pack.
    expect(readFileSync(join(root, 'records/agency.yaml'), 'utf8')).toContain(
      'proposes_to: Chủ tịch Ủy ban nhân dân tỉnh Đồng Nai',
    );
    expect(docs['cong-van-gui']).toContain('Kính gửi: Chủ tịch Ủy ban nhân dân tỉnh Đồng Nai');
    expect(docs['cong-van-gui']!.join('\n')).not.toContain('Ban Thi đua');
    const decision = docs['quyet-dinh']!;
    expect(decision).toContain('CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ TÂN PHÚ');
    expect(decision).toContain('Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;');
    expect(
      decision.some((p) => p.startsWith('Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ')),
    ).toBe(true);
    expect(
      decision.some((p) =>
        p.startsWith('Căn cứ Thông tư số 15/2025/TT-BNV ngày 04 tháng 8 năm 2025 của Bộ trưởng Bộ Nội vụ'),
      ),
    ).toBe(true);
    expect(decision[decision.indexOf('QUYẾT ĐỊNH:') - 1]).toBe('Theo đề nghị của Hội đồng Thi đua - Khen thưởng.');
    // Above a xã head's competence: in the Tờ trình upward, never in the decision or its certificates.
    for (const name of ['quyet-dinh', 'giay-cong-nhan', 'danh-sach'])
      expect(docs[name]!.join('\n'), name).not.toContain('Tập thể lao động xuất sắc');
    expect(docs['to-trinh-cap-tren']!.join('\n')).toContain('Tập thể lao động xuất sắc');
    // ND 152 Điều 50: a bằng chứng nhận for the Chiến sĩ thi đua cơ sở alone; none for LĐTT or TTLĐTT.
    const certificates = docs['giay-cong-nhan']!;
    expect(certificates.join('\n')).not.toMatch(/GIẤY CÔNG NHẬN|lao động tiên tiến/iu);
    expect(certificates.filter((p) => p === 'TẶNG DANH HIỆU')).toHaveLength(1);
    expect(certificates).toContain('CHIẾN SĨ THI ĐUA CƠ SỞ');
    for (const [name, paras] of Object.entries(docs)) {
      const text = paras.join('\n');
      expect(text, name).not.toMatch(/Phó Chủ tịch Ủy ban|của Phó Chủ tịch|Kính gửi: Phó/u);
      expect(paras.filter((p) => /^- Lưu\b/u.test(p)).length, name).toBeLessThanOrEqual(1);
      expect(text, name).not.toMatch(/Kế hoạch|mô hình/iu);
    }
    // A new agency has no plan deadline until it adds one: nothing overdue.
    expect(JSON.parse((await cli('overdue', '--json')).stdout)).toEqual({ as_of: '2025-12-20', items: [] });
  }, 180_000);
});
