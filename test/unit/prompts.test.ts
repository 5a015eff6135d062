/** Guided entry through an injected prompter: the answers become files; Ctrl-C writes nothing. */
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createContext } from '../../src/shell/context.js';
import { run as ballot } from '../../src/commands/ballot.js';
import { run as nominate } from '../../src/commands/nominate.js';
import { run as init } from '../../src/commands/init.js';
import { ThiduaError } from '../../src/errors.js';
import { validateSnapshot } from '../../src/core/validate.js';
import { readSnapshot } from '../../src/shell/read-snapshot.js';
import { CANCEL, scripted } from '../helpers/fake-prompter.js';
import { cleanupTemp, input, tempDir, workspace, write } from '../helpers/workspace.js';

afterAll(cleanupTemp);

function ctxFor(root: string) {
  const lines: string[] = [];
  const ctx = createContext({
    lang: 'vi',
    rootOption: root,
    version: 'test',
    env: { THIDUA_TODAY: '2016-11-25' },
    cwd: root,
  });
  ctx.out = (s) => lines.push(s);
  ctx.err = (s) => lines.push(s);
  ctx.say = (s) => lines.push(s.vi);
  ctx.warn = (s) => lines.push(s.vi);
  return { ctx, lines };
}

/** The base fixture with its ballots removed, ready for entry. */
function openRound(): string {
  const root = workspace();
  rmSync(join(root, 'records/2016/ballots'), { recursive: true });
  return root;
}

describe('ballot by prompts', () => {
  it('asks valid, written, then each nomination (collectives first), and writes the ballot', async () => {
    const root = openRound();
    const p = scripted([true, false, 'agree', 'disagree', true, false]);
    const { ctx } = ctxFor(root);
    expect(await ballot(ctx, input('ballot', ['2016']), p)).toBe(0);
    expect(p.asked).toEqual([
      'confirm: Phiếu số 1: phiếu hợp lệ?',
      'confirm: Phiếu ghi ý kiến bằng văn bản của thành viên vắng mặt?',
      'select: Tập thể Phòng Nghiệp vụ 1',
      'select: Trần Văn An (Phòng Nghiệp vụ 1)',
      'confirm: Ghi phiếu này?',
      'confirm: Nhập phiếu tiếp theo (1/3)?',
    ]);
    expect(readFileSync(join(root, 'records/2016/ballots/001.yaml'), 'utf8')).toContain('nv1-ca-nhan: disagree');
    expect(validateSnapshot(readSnapshot(root)).errors).toBe(0);
  });

  it('a long paper: “all agree, except …” ticks the exceptions, marks each, and every other nomination is agree', async () => {
    const root = workspace({ from: 'example' });
    const p = scripted([true, false, 'except', ['nv3-ca-nhan', 'gskt-mo-hinh'], 'disagree', 'abstain', true, false]);
    expect(await ballot(ctxFor(root).ctx, input('ballot', ['2017']), p)).toBe(0);
    expect(p.asked.slice(0, 6)).toEqual([
      'confirm: Phiếu số 1: phiếu hợp lệ?',
      'confirm: Phiếu ghi ý kiến bằng văn bản của thành viên vắng mặt?',
      'select: Nhập ý kiến:',
      'checkbox: Các đề nghị không được “đồng ý” (Space chọn, Enter xong):',
      'select: Tập thể Phòng Giám sát, kiểm tra và xử lý sau thanh tra',
      'select: Chu Thị Nga (Phòng Nghiệp vụ 3)',
    ]);
    const text = readFileSync(join(root, 'records/2017/ballots/001.yaml'), 'utf8');
    expect(text).toContain('gskt-mo-hinh: disagree');
    expect(text).toContain('nv3-ca-nhan: abstain');
    expect(text.match(/: agree$/gm)).toHaveLength(9);
  });

  it('agree is the quick default, and entry stops when the ballots issued are in', async () => {
    const root = openRound();
    const answers = [];
    for (let i = 0; i < 3; i++)
      answers.push(undefined, undefined, undefined, undefined, undefined, ...(i < 2 ? [undefined] : []));
    const { ctx, lines } = ctxFor(root);
    expect(await ballot(ctx, input('ballot', ['2016']), scripted(answers))).toBe(0);
    expect(readdirSync(join(root, 'records/2016/ballots')).sort()).toEqual(['001.yaml', '002.yaml', '003.yaml']);
    expect(readFileSync(join(root, 'records/2016/ballots/003.yaml'), 'utf8')).toContain('nv1-mo-hinh: agree');
    expect(lines.join('\n')).toContain('Đã đủ 3/3 phiếu');
  });

  it('an invalid ballot asks no votes, only why it is invalid (written for the minutes)', async () => {
    const root = openRound();
    const p = scripted([false, '  bỏ trống toàn bộ  ', true, false]);
    expect(await ballot(ctxFor(root).ctx, input('ballot', ['2016']), p)).toBe(0);
    const text = readFileSync(join(root, 'records/2016/ballots/001.yaml'), 'utf8');
    expect(text).toContain('valid: false');
    expect(text).toContain('reason: bỏ trống toàn bộ');
    expect(text).toContain('votes: {}');
  });

  it('an invalid ballot without a reason given records none', async () => {
    const root = openRound();
    const p = scripted([false, '', true, false]);
    expect(await ballot(ctxFor(root).ctx, input('ballot', ['2016']), p)).toBe(0);
    expect(readFileSync(join(root, 'records/2016/ballots/001.yaml'), 'utf8')).not.toContain('reason');
  });

  it('Ctrl-C mid-way writes nothing and exits 130', async () => {
    const root = openRound();
    const p = scripted([true, false, 'agree', CANCEL]);
    await expect(ballot(ctxFor(root).ctx, input('ballot', ['2016']), p)).rejects.toMatchObject({ exitCode: 130 });
    expect(existsSync(join(root, 'records/2016/ballots'))).toBe(false);
  });

  it('a sealed round and a full round are refused before the first question', async () => {
    const root = workspace();
    const p = scripted([]);
    await expect(ballot(ctxFor(root).ctx, input('ballot', ['2016']), p)).rejects.toBeInstanceOf(ThiduaError);
    expect(p.asked).toEqual([]);
  });
});

describe('nominate by prompts', () => {
  const base = () => {
    const root = workspace();
    write(root, 'records/2016/nominations/nv1-ca-nhan.yaml', '');
    rmSync(join(root, 'records/2016/nominations/nv1-ca-nhan.yaml'));
    rmSync(join(root, 'records/2016/ballots'), { recursive: true });
    return root;
  };

  it('a leader’s individual nomination asks the leader criteria too, and is written', async () => {
    const root = base();
    const p = scripted([
      'individual',
      'nv1',
      'an',
      'Trưởng phòng tiêu biểu',
      '2016-11-20',
      ['trach-nhiem', 'nguoi-dung-dau'],
      'write',
    ]);
    expect(await nominate(ctxFor(root).ctx, input('nominate', ['2016']), p)).toBe(0);
    const text = readFileSync(join(root, 'records/2016/nominations/nv1-ca-nhan.yaml'), 'utf8');
    expect(text).toContain('person: an');
    expect(text).toContain('nguoi-dung-dau: true');
    expect(validateSnapshot(readSnapshot(root)).errors).toBe(0);
  });

  it('shows the findings of the rules and lets the clerk go back and fix', async () => {
    const root = base();
    const p = scripted([
      'individual',
      'nv1',
      'an',
      'Trưởng phòng tiêu biểu',
      '2016-11-20',
      ['trach-nhiem'],
      'edit',
      'individual',
      'nv1',
      'an',
      'Trưởng phòng tiêu biểu',
      '2016-11-20',
      ['trach-nhiem', 'nguoi-dung-dau'],
      'write',
    ]);
    expect(await nominate(ctxFor(root).ctx, input('nominate', ['2016']), p)).toBe(0);
    expect(p.notes.join('\n')).toContain('criteria-unmet');
    expect(p.asked).toContain('select: Có 1 lỗi. Làm gì tiếp?');
  });

  it('cancel writes nothing; Ctrl-C exits 130 and writes nothing', async () => {
    const root = base();
    expect(
      await nominate(
        ctxFor(root).ctx,
        input('nominate', ['2016']),
        scripted(['collective', 'nv2', 'Mô hình', 'Mô tả', '2016-11-20', ['xuat-sac', 'sang-kien'], 'cancel']),
      ),
    ).toBe(0);
    await expect(
      nominate(ctxFor(root).ctx, input('nominate', ['2016']), scripted(['collective', CANCEL])),
    ).rejects.toMatchObject({ exitCode: 130 });
    expect(existsSync(join(root, 'records/2016/nominations/nv2-mo-hinh.yaml'))).toBe(false);
  });
});

describe('init by prompts', () => {
  it('asks for the fields not given as flags', async () => {
    const dir = tempDir();
    const { ctx } = ctxFor(dir);
    ctx.cwd = dir;
    const p = scripted(['THANH TRA TỈNH MẪU', '', 'TTr', 'Tỉnh Mẫu', 'Nguyễn Văn A', '', false]);
    expect(await init(ctx, input('init', [dir], { headTitle: 'CHÁNH THANH TRA' }), p)).toBe(0);
    const agency = readFileSync(join(dir, 'records/agency.yaml'), 'utf8');
    expect(agency).toContain('name: THANH TRA TỈNH MẪU\n');
    expect(agency).toContain('head: { title: CHÁNH THANH TRA, name: Nguyễn Văn A }');
    expect(agency).not.toContain('parent:');
    // No competence act given: none invented; and no deadline until the agency adds one.
    expect(agency).toContain('legal_basis:\n  - "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;"\n');
    expect(agency).toContain('deadlines: []\n');
    // The plan's pair only: no titles file.
    expect(existsSync(join(dir, 'records/titles.yaml'))).toBe(false);
  });

  it('offers the year-end titles, and writes them when taken: the workspace validates', async () => {
    const dir = tempDir();
    const { ctx } = ctxFor(dir);
    ctx.cwd = dir;
    const p = scripted([
      'Sở Tư pháp tỉnh Mẫu',
      '',
      'STP',
      'Tỉnh Mẫu',
      'Nguyễn Văn A',
      'Quyết định số 12/2025/QĐ-UBND ngày 01 tháng 7 năm 2025 của Ủy ban nhân dân tỉnh Mẫu quy định chức năng, nhiệm vụ của Sở Tư pháp',
      true,
      // The kind of agency: a Sở, as offered.
      undefined,
    ]);
    expect(await init(ctx, input('init', [dir], { headTitle: 'Giám đốc' }), p)).toBe(0);
    expect(readFileSync(join(dir, 'records/agency.yaml'), 'utf8')).toContain(
      'legal_basis:\n  - "Căn cứ Quyết định số 12/2025/QĐ-UBND ngày 01 tháng 7 năm 2025 của Ủy ban nhân dân tỉnh Mẫu quy định chức năng, nhiệm vụ của Sở Tư pháp;"\n',
    );
    const titles = readFileSync(join(dir, 'records/titles.yaml'), 'utf8');
    expect(titles).toContain('name: Chiến sĩ thi đua cơ sở');
    expect(titles).toContain('pack: vn-2025-07');
    const v = validateSnapshot(readSnapshot(dir));
    expect(v.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect([...v.index.titles.keys()]).toEqual([
      'lao-dong-tien-tien',
      'chien-si-thi-dua-co-so',
      'tap-the-lao-dong-tien-tien',
      'tap-the-lao-dong-xuat-sac',
      'chien-si-thi-dua-tinh',
      'giay-khen',
      'giay-khen-tap-the',
    ]);
    // The law's values, as the pack gives them: 70 % of a unit's members for TTLĐTT (Law Điều 28), 80 % of the council for CSTĐCS.
    expect(v.index.titles.get('tap-the-lao-dong-tien-tien')!.requires).toEqual([
      expect.objectContaining({ title: 'lao-dong-tien-tien', members_percent: 70 }),
    ]);
    expect(v.index.titles.get('chien-si-thi-dua-co-so')!.threshold).toMatchObject({ percent: 80, of: 'members' });
    // A Sở (the default level) does not decide Tập thể lao động xuất sắc: it goes to the province.
    expect(v.index.agency!.level).toBe('so');
    expect(v.index.titles.get('tap-the-lao-dong-xuat-sac')!.decided_by).toEqual({
      body: 'Chủ tịch Ủy ban nhân dân tỉnh',
    });
    expect(v.index.titles.get('tap-the-lao-dong-tien-tien')!.decided_by).toBe('head');
  });
});
