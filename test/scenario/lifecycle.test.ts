/**
 * A real agency's whole lifecycle, on generated agencies (not the example): zero and missing
 * votes, concurrent entry, the second year, issued documents, unsealing, an honest verify, late
 * changes to a voted round, and the council itself. One block per numbered point of the issue.
 */
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { cleanupTemp, cli, git, input, write } from '../helpers/workspace.js';
import { generateAgency, writeRound } from '../helpers/agency.js';
import { createContext } from '../../src/shell/context.js';
import { run as ballotCommand } from '../../src/commands/ballot.js';
import { scripted } from '../helpers/fake-prompter.js';
import { ENV, all, ballots, decidedAgency, ok, run } from '../helpers/round.js';

afterAll(cleanupTemp);

function docxText(path: string): string {
  const files = unzipSync(new Uint8Array(readFileSync(path)));
  const xml = strFromU8(files['word/document.xml']!);
  return xml
    .replace(/<w:tab\/>/g, '\t')
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"');
}

describe('1. zero votes never pass; a quorum', () => {
  it('no valid ballot recognises nobody (of: ballots)', async () => {
    const a = generateAgency({ councilSize: 7, threshold: { numerator: 2, denominator: 3, of: 'ballots' } });
    await ballots(a, a.year, Array(7).fill('invalid'));
    const r = await ok(a, 'tally', String(a.year), '--json');
    const tally = JSON.parse(r.stdout);
    expect(tally.base).toBe(0);
    expect(tally.results.every((x: { passed: boolean; recognised: boolean }) => !x.passed && !x.recognised)).toBe(true);
    const human = (await ok(a, 'tally', String(a.year))).stdout;
    expect(human).not.toContain('0/0');
    expect(human).toContain('Được công nhận: 0 tập thể, 0 cá nhân');
  });

  it('one valid ballot of seven is below the default quorum of 2/3: shown, and the seal is refused', async () => {
    const a = generateAgency({ councilSize: 7, threshold: { numerator: 2, denominator: 3, of: 'ballots' } });
    await ballots(a, a.year, [all(a.nominations)]);
    const json = JSON.parse((await ok(a, 'tally', String(a.year), '--json')).stdout);
    expect(json.quorum).toEqual({ numerator: 2, denominator: 3, required: 5, received: 1, met: false });
    expect(json.results.every((x: { recognised: boolean }) => !x.recognised)).toBe(true);
    const sealed = await run(a, 'tally', String(a.year), '--seal');
    expect(sealed.code).toBe(1);
    expect(sealed.stderr).toContain(
      'thidua: không niêm phong đợt 2025: mới thu về 1 phiếu, chưa đủ số tối thiểu 5/7 thành viên Hội đồng (2/3)',
    );
    expect(existsSync(join(a.root, 'records/2025/tally.yaml'))).toBe(false);
    // Even --incomplete does not seal a vote without its quorum.
    expect((await run(a, 'tally', String(a.year), '--seal', '--incomplete', 'vắng nhiều')).code).toBe(1);
  });
});

describe('2. sealing with ballots missing', () => {
  it('is refused unless the clerk says why; the reason is stored and printed in the minutes', async () => {
    const a = generateAgency({
      councilSize: 7,
      threshold: { numerator: 1, denominator: 2, of: 'ballots', quorum: { numerator: 1, denominator: 3 } },
    });
    await ballots(a, a.year, [all(a.nominations), all(a.nominations), all(a.nominations)]);
    const refused = await run(a, 'tally', String(a.year), '--seal');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('mới nhập 3/7 phiếu phát ra');
    expect(refused.stderr).toContain('--incomplete');
    expect(existsSync(join(a.root, 'records/2025/tally.yaml'))).toBe(false);
    await ok(
      a,
      'tally',
      String(a.year),
      '--seal',
      '--incomplete',
      '4 phiếu bị thất lạc, Hội đồng thống nhất kiểm 3 phiếu',
    );
    expect(readFileSync(join(a.root, 'records/2025/tally.yaml'), 'utf8')).toContain(
      'incomplete: 4 phiếu bị thất lạc, Hội đồng thống nhất kiểm 3 phiếu',
    );
    expect((await ok(a, 'validate')).code).toBe(0);
    await ok(a, 'render', 'minutes', String(a.year));
    expect(docxText(join(a.root, 'documents/2025/bien-ban-kiem-phieu-2025.docx'))).toContain(
      '4 phiếu bị thất lạc, Hội đồng thống nhất kiểm 3 phiếu',
    );
  });
});

describe('3. no ballot is ever overwritten', () => {
  it('an interactive entry and a scripted one at the same time keep both papers', async () => {
    const a = generateAgency({ councilSize: 5 });
    const ctx = createContext({
      lang: 'vi',
      rootOption: a.root,
      version: 'test',
      env: { THIDUA_TODAY: '2026-01-15' },
      cwd: a.root,
    });
    const lines: string[] = [];
    ctx.out = (s) => lines.push(s);
    ctx.err = (s) => lines.push(s);
    ctx.say = (s) => lines.push(s.vi);
    ctx.warn = (s) => lines.push(s.vi);
    // Paper 1 is proposed; before it is written, another clerk's command writes 001.yaml.
    // A paper of more than two nominations asks first: all agree except…, or one by one.
    const answers: unknown[] = [true, false, 'each', ...a.nominations.map(() => 'disagree')];
    const p = scripted([...answers, true, false]);
    const confirm = p.confirm.bind(p);
    p.confirm = (q) => {
      // Another clerk's command, in its own process, writes paper 1 meanwhile.
      if (q.message === 'Ghi phiếu này?')
        expect(
          cli(
            ['--root', a.root, 'ballot', String(a.year), ...a.nominations.flatMap((id) => ['--vote', `${id}=agree`])],
            { env: ENV },
          ).code,
        ).toBe(0);
      return confirm(q);
    };
    expect(await ballotCommand(ctx, input('ballot', [String(a.year)]), p)).toBe(0);
    const dir = join(a.root, 'records/2025/ballots');
    expect(
      readdirSync(dir)
        .filter((f) => f.endsWith('.yaml'))
        .sort(),
    ).toEqual(['001.yaml', '002.yaml']);
    expect(readFileSync(join(dir, '001.yaml'), 'utf8')).toContain(': agree');
    expect(readFileSync(join(dir, '002.yaml'), 'utf8')).toContain(': disagree');
    expect(readFileSync(join(dir, '002.yaml'), 'utf8')).toContain('serial: 2');
    expect(lines.join('\n')).toContain('Phiếu số 1 vừa được một lệnh khác ghi; phiếu này được ghi thành phiếu số 2.');
  });

  it('an explicit --serial that exists is refused and nothing is written', async () => {
    const a = generateAgency({ councilSize: 5 });
    await ok(a, 'ballot', String(a.year), '--vote', `${a.nominations[0]!}=agree`);
    const before = readFileSync(join(a.root, 'records/2025/ballots/001.yaml'), 'utf8');
    const r = await run(a, 'ballot', String(a.year), '--serial', '1', '--vote', `${a.nominations[0]!}=disagree`);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('phiếu số 1 đã có');
    expect(readFileSync(join(a.root, 'records/2025/ballots/001.yaml'), 'utf8')).toBe(before);
  });
});

describe('4. the second year does not change the first', () => {
  it('criteria, people, discipline, threshold and templates edited for 2026: 2025 is judged, tallied, verified and rendered as it was', async () => {
    const a = await decidedAgency({ seed: 3, councilSize: 7, departments: 5 });
    const y = String(a.year);
    const before = {
      validate: (await ok(a, 'validate')).stdout,
      validate2025: (await ok(a, 'validate', y)).stdout,
      verify: (await ok(a, 'verify', y)).stdout,
      tally: (await ok(a, 'tally', y)).stdout,
      tallyJson: (await ok(a, 'tally', y, '--json')).stdout,
      docs: Object.fromEntries(
        readdirSync(join(a.root, 'documents', y))
          .filter((f) => f.endsWith('.docx'))
          .map((f) => [f, readFileSync(join(a.root, 'documents', y, f))]),
      ),
    };
    // The coming year: a new criterion, a promotion to a leader post, a measure dated in 2025, a new threshold, new template wording.
    const crit = readFileSync(join(a.root, 'records/criteria.yaml'), 'utf8').replace(
      'individual:\n',
      'individual:\n  - { id: chuyen-doi-so, text: "Tích cực chuyển đổi số" }\n',
    );
    writeFileSync(join(a.root, 'records/criteria.yaml'), crit);
    const nominee = readFileSync(join(a.root, 'records/2025/nominations/hctp-ca-nhan.yaml'), 'utf8').match(
      /person: (\S+)/,
    )![1]!;
    const people = readFileSync(join(a.root, 'records/people.yaml'), 'utf8')
      .split('\n')
      .map((l) =>
        l.includes(`id: ${nominee},`)
          ? l.replace('leader: false', 'leader: true').replace('Chuyên viên', 'Phó Trưởng phòng')
          : l,
      )
      .map((l) =>
        l.replace(
          /name: "([^"]+)", gender: (\w+), position: "Trưởng phòng", department: vp/,
          'name: "$1 (đã nghỉ hưu)", gender: $2, position: "Trưởng phòng", department: vp',
        ),
      )
      .join('\n');
    writeFileSync(join(a.root, 'records/people.yaml'), people);
    const staff = a.people.find((p) => p.department === 'bttp' && !p.leader)!.id;
    writeFileSync(
      join(a.root, 'records/discipline.yaml'),
      `- { person: ${staff}, level: canh-cao, date: 2025-06-01, decision: 3/QĐ-STP }\n`,
    );
    const agency = readFileSync(join(a.root, 'records/agency.yaml'), 'utf8')
      .replace(
        'threshold: { numerator: 2, denominator: 3, of: members }',
        'threshold: { numerator: 4, denominator: 5, of: members }',
      )
      .replace(/head: \{ title: Giám đốc, name: [^}]+\}/, 'head: { title: Giám đốc, name: Trịnh Văn Mới }')
      .replace('name: Sở Tư pháp tỉnh Lâm Đồng', 'name: Sở Tư pháp tỉnh Lâm Đồng mới');
    writeFileSync(join(a.root, 'records/agency.yaml'), agency);
    write(
      a.root,
      'templates/quyet-dinh.txt',
      readFileSync(join(__dirname, '../../templates/quyet-dinh.txt'), 'utf8').replace(
        '[subject]\n',
        '[subject]\nMẪU MỚI 2026 ',
      ),
    );

    expect((await run(a, 'validate')).stdout).toBe(before.validate);
    expect((await run(a, 'validate', y)).stdout).toBe(before.validate2025);
    expect((await run(a, 'verify', y)).stdout).toBe(before.verify);
    expect((await run(a, 'tally', y)).stdout).toBe(before.tally);
    expect((await run(a, 'tally', y, '--json')).stdout).toBe(before.tallyJson);
    const rendered = (await ok(a, 'render', 'all', y)).stdout;
    expect(rendered).not.toContain('đã ghi');
    for (const [f, bytes] of Object.entries(before.docs))
      expect(Buffer.compare(readFileSync(join(a.root, 'documents', y, f)), bytes), f).toBe(0);
    // The commit goes through: nothing in 2025 is blocked by 2026's records.
    await ok(a, 'commit', '-m', 'Chuẩn bị năm 2026');

    // The new round takes the new settings: 2026 needs 4/5 of 7 = 6.
    writeRound(a.root, 2026, a, 7, {
      criteria: {
        collective: ['hoan-thanh-xuat-sac', 'doan-ket'],
        individual: ['trach-nhiem', 'sang-tao', 'chuyen-doi-so'],
      },
    });
    rmSync(join(a.root, 'records/2026/nominations/bttp-tap-the.yaml'));
    rmSync(join(a.root, 'records/2026/nominations/bttp-ca-nhan.yaml'));
    const promoted = join(a.root, 'records/2026/nominations/hctp-ca-nhan.yaml');
    writeFileSync(promoted, readFileSync(promoted, 'utf8') + '  guong-mau: true\n');
    await ok(a, 'validate');
    const papers = Array.from({ length: 7 }, (_, i) =>
      i < 2
        ? all(
            readdirSync(join(a.root, 'records/2026/nominations')).map((f) => f.replace('.yaml', '')),
            'disagree',
          )
        : all(readdirSync(join(a.root, 'records/2026/nominations')).map((f) => f.replace('.yaml', ''))),
    );
    await ballots(a, 2026, papers);
    const t2026 = JSON.parse((await ok(a, 'tally', '2026', '--json')).stdout);
    expect(t2026.threshold).toMatchObject({ numerator: 4, denominator: 5, required: 6 });
    expect(t2026.results.every((r: { recognised: boolean }) => !r.recognised)).toBe(true);
    expect((await run(a, 'tally', y, '--json')).stdout).toBe(before.tallyJson);
  });

  it('a file of the sealed round itself that changes is still sealed-input-changed', async () => {
    const a = await decidedAgency({ seed: 5 });
    const f = join(a.root, 'records/2025/nominations/vp-tap-the.yaml');
    writeFileSync(f, readFileSync(f, 'utf8').replace('Tập thể hoàn thành', 'Tập thể đã hoàn thành'));
    const r = await run(a, 'validate');
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toContain('error[sealed-input-changed]');
  });

  it('people changes with a date apply to the rounds from that date on', async () => {
    const a = generateAgency({ seed: 8, councilSize: 5 });
    const nominee = readFileSync(join(a.root, 'records/2025/nominations/hctp-ca-nhan.yaml'), 'utf8').match(
      /person: (\S+)/,
    )![1]!;
    const people = readFileSync(join(a.root, 'records/people.yaml'), 'utf8')
      .split('\n')
      .map((l) =>
        l.includes(`id: ${nominee},`)
          ? l.replace(/ \}$/, `, changes: [ { from: 2026-02-01, position: "Phó Trưởng phòng", leader: true } ] }`)
          : l,
      )
      .join('\n');
    writeFileSync(join(a.root, 'records/people.yaml'), people);
    expect((await ok(a, 'validate')).stdout).toContain('0 lỗi');
    writeRound(a.root, 2026, a, 5);
    const r = await run(a, 'validate', '2026');
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toContain('error[criteria-missing]');
    expect(r.stdout + r.stderr).toContain('guong-mau');
  });
});

describe('5. issued documents do not drift', () => {
  it('a decided round renders from what was decided; a signed file can be registered', async () => {
    const a = await decidedAgency({ seed: 11 });
    const y = String(a.year);
    const decision = join(a.root, 'documents/2025/quyet-dinh-2025.docx');
    const before = readFileSync(decision);
    const director = a.people[0]!.name;
    expect(docxText(decision)).toContain(director);
    // A new head and a renamed agency, after the decision was signed.
    const agency = readFileSync(join(a.root, 'records/agency.yaml'), 'utf8').replace(
      /head: \{ title: Giám đốc, name: [^}]+\}/,
      'head: { title: Giám đốc, name: Trịnh Văn Mới }',
    );
    writeFileSync(join(a.root, 'records/agency.yaml'), agency);
    expect((await ok(a, 'verify', y)).stdout).toContain('✓');
    expect((await ok(a, 'status', y, '--json')).stdout).not.toContain('"outdated"');
    await ok(a, 'render', 'all', y);
    expect(Buffer.compare(readFileSync(decision), before)).toBe(0);
    expect(readFileSync(join(a.root, 'records/2025/decision.yaml'), 'utf8')).toContain(director);

    // The clerk finishes the decision in Word before signing: verify says so, until it is registered.
    writeFileSync(decision, Buffer.concat([before, Buffer.from('chỉnh sửa')]));
    const failed = await run(a, 'verify', y);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toContain('thidua issue 2025');
    const issued = await ok(a, 'issue', y, 'documents/2025/quyet-dinh-2025.docx');
    expect(issued.stdout).toContain('quyet-dinh-2025.docx');
    expect((await ok(a, 'verify', y)).stdout).toContain('bản đã ban hành');
    // Changing the registered file afterwards is caught.
    writeFileSync(decision, before);
    expect((await run(a, 'verify', y)).code).toBe(1);
  });
});

describe('6. empty and no-pass rounds', () => {
  it('a round with no nominations seals with results: [] and validates', async () => {
    const a = generateAgency({ councilSize: 5 });
    rmSync(join(a.root, 'records/2025/nominations'), { recursive: true });
    write(
      a.root,
      'records/2025/council.yaml',
      readFileSync(join(a.root, 'records/2025/council.yaml'), 'utf8').replace('ballots_issued: 5', 'ballots_issued: 0'),
    );
    await ok(a, 'tally', '2025', '--seal');
    expect(readFileSync(join(a.root, 'records/2025/tally.yaml'), 'utf8')).toContain('results: []');
    expect((await ok(a, 'validate')).code).toBe(0);
  });

  it('a round where nobody passes: decide refuses with a message, the minutes still render', async () => {
    const a = generateAgency({ councilSize: 5, threshold: { numerator: 2, denominator: 3, of: 'members' } });
    await ballots(a, a.year, Array(5).fill(all(a.nominations, 'disagree')));
    await ok(a, 'tally', '2025', '--seal');
    expect((await ok(a, 'validate')).code).toBe(0);
    const d = await run(a, 'decide', '2025', '--number', '3', '--date', '2026-01-20');
    expect(d.code).toBe(1);
    expect(d.stderr).toContain('không có tập thể, cá nhân nào được công nhận');
    expect(existsSync(join(a.root, 'records/2025/decision.yaml'))).toBe(false);
    await ok(a, 'render', 'minutes', '2025');
    expect(docxText(join(a.root, 'documents/2025/bien-ban-kiem-phieu-2025.docx'))).toContain('Không đạt');
  });
});

describe('7. unsealing is never invisible', () => {
  it('a seal and decision deleted by hand and committed are reported by verify with the commits', async () => {
    const a = await decidedAgency({ seed: 13 });
    rmSync(join(a.root, 'records/2025/tally.yaml'));
    rmSync(join(a.root, 'records/2025/decision.yaml'));
    const f = join(a.root, 'records/2025/ballots/001.yaml');
    writeFileSync(f, readFileSync(f, 'utf8').replace(/: disagree/g, ': agree'));
    git(a.root, ['add', '-A']);
    git(a.root, ['commit', '-q', '-m', 'sửa phiếu']);
    const r = await run(a, 'verify');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /records\/2025\/tally\.yaml @ [0-9a-f]{12}\s+đã niêm phong từ commit [0-9a-f]{12}, bị xoá trong commit [0-9a-f]{12} \(\d{4}-\d{2}-\d{2}: sửa phiếu\) mà không qua “thidua unseal”/,
    );
    expect(r.stdout).toContain('records/2025/decision.yaml');
    expect(r.stdout).not.toContain('chưa niêm phong — không có gì để đối chiếu');
  });

  it('thidua unseal records who, when and why; verify and status show it, the new minutes do not narrate it', async () => {
    const a = await decidedAgency({ seed: 17 });
    const r = await ok(a, 'unseal', '2025', '--reason', 'Phiếu số 1 nhập sai');
    expect(r.stdout).toContain('Đã mở niêm phong đợt 2025');
    expect(existsSync(join(a.root, 'records/2025/tally.yaml'))).toBe(false);
    expect(existsSync(join(a.root, 'records/2025/decision.yaml'))).toBe(false);
    const log = readFileSync(join(a.root, 'records/2025/unseals.yaml'), 'utf8');
    expect(log).toContain('reason: Phiếu số 1 nhập sai');
    expect(log).toContain('by: Văn thư');
    expect(log).toContain('date: 2026-01-20');
    expect(log).toContain('decision: 12/QĐ-STP');
    const f = join(a.root, 'records/2025/ballots/001.yaml');
    writeFileSync(f, readFileSync(f, 'utf8').replace(/: disagree/g, ': agree'));
    await ok(a, 'commit');
    expect(git(a.root, ['log', '-2', '--format=%B'])).toContain('Phiếu số 1 nhập sai');
    await ok(a, 'tally', '2025', '--seal');
    await ok(a, 'decide', '2025', '--number', '14', '--date', '2026-01-27');
    await ok(a, 'render', 'all', '2025');
    await ok(a, 'commit');
    const v = await ok(a, 'verify', '2025');
    // `by` is git's user.name, which anyone sets: verify says so, and names the commit that recorded the unseal.
    const recordedIn = git(a.root, ['log', '-1', '--format=%H', '--', `records/${a.year}/unseals.yaml`])
      .trim()
      .slice(0, 12);
    expect(v.stdout).toContain(
      `mở niêm phong ngày 20/01/2026 (Văn thư — tên theo user.name của git, ai cũng đặt được; ghi trong commit ${recordedIn}): Phiếu số 1 nhập sai`,
    );
    expect((await ok(a, 'status', '2025')).stdout).toContain('Phiếu số 1 nhập sai');
    // The history is the records' and verify's: the count minutes, a signed record, do not narrate it.
    const minutes = docxText(join(a.root, 'documents/2025/bien-ban-kiem-phieu-2025.docx'));
    expect(minutes).not.toContain('Phiếu số 1 nhập sai');
    expect(minutes).not.toMatch(/niêm phong|thidua|unseal/iu);
  });
});

describe('7b. opened and sealed again before one commit', () => {
  it('unseal, correct, seal again and commit once, before the new decision: verify finds no removal without unseal', async () => {
    const a = await decidedAgency({ seed: 23 });
    await ok(a, 'unseal', '2025', '--reason', 'Phiếu số 2 nhập sai');
    const f = join(a.root, 'records/2025/ballots/002.yaml');
    writeFileSync(f, readFileSync(f, 'utf8').replace(/: disagree/g, ': agree'));
    await ok(a, 'tally', '2025', '--seal');
    // Committed before the new decision: the commit rewrites the seal and removes the old decision.
    await ok(a, 'commit');
    expect(git(a.root, ['show', '--name-status', '--format=', 'HEAD', '--', 'records/2025'])).toMatch(
      /^D\trecords\/2025\/decision\.yaml$/m,
    );
    // The printed documents are now behind the records (a finding); the decision removed is not.
    const before = await run(a, 'verify', '2025');
    expect(before.stdout).not.toContain('mà không qua “thidua unseal”');
    await ok(a, 'decide', '2025', '--number', '15', '--date', '2026-01-28');
    await ok(a, 'render', 'all', '2025', '--force');
    await ok(a, 'commit');
    const v = await run(a, 'verify', '2025');
    // `by` is git's user.name, which anyone sets: verify says so, and names the commit that recorded the unseal.
    const recordedIn = git(a.root, ['log', '-1', '--format=%H', '--', `records/${a.year}/unseals.yaml`])
      .trim()
      .slice(0, 12);
    expect(v.stdout).toContain(
      `mở niêm phong ngày 20/01/2026 (Văn thư — tên theo user.name của git, ai cũng đặt được; ghi trong commit ${recordedIn}): Phiếu số 2 nhập sai`,
    );
    expect(v.code).toBe(0);
  });
});

describe('8. verify claims only what it checked', () => {
  it('with a validation error it does not claim the documents match, and it lists every finding', async () => {
    const a = await decidedAgency({ seed: 19 });
    // A sealed nomination edited by hand, and a broken 2026 round.
    const sealed = join(a.root, 'records/2025/nominations/hctp-tap-the.yaml');
    writeFileSync(sealed, readFileSync(sealed, 'utf8').replace('Cải cách', 'Đổi mới'));
    writeRound(a.root, 2026, a, null);
    const f = join(a.root, 'records/2026/nominations/vp-tap-the.yaml');
    writeFileSync(f, readFileSync(f, 'utf8').replace('doan-ket: true', 'doan-ket: false'));
    const r = await run(a, 'verify');
    expect(r.code).toBe(1);
    expect(r.stdout).not.toContain('văn bản đã in khớp');
    expect(r.stdout).toContain('records/2026/nominations/vp-tap-the.yaml');
    expect(r.stdout).toContain('criteria-unmet');
    expect(r.stdout).toContain('records/2025/nominations/hctp-tap-the.yaml');
    expect(r.stdout).toContain('không kiểm tra: văn bản đã in');
    const count = Number(/Kiểm tra không đạt: (\d+) vấn đề/.exec(r.stdout)?.[1]);
    expect(count).toBeGreaterThan(0);
    expect(r.stdout.split('\n').filter((l) => /^ {2}\S/.test(l)).length).toBe(count);
  });
});

describe('9. late changes to a voted round', () => {
  it('nominate refuses once ballots exist, unless --force, which is recorded', async () => {
    const a = generateAgency({ seed: 23, councilSize: 5 });
    await ballots(a, a.year, [all(a.nominations)]);
    const extra = a.people.find(
      (p) =>
        p.department === 'vp' &&
        !p.leader &&
        !a.council.includes(p.id) &&
        !readFileSync(join(a.root, 'records/2025/nominations/vp-ca-nhan.yaml'), 'utf8').includes(p.id),
    );
    const args = [
      'nominate',
      '2025',
      '--kind',
      'individual',
      '--department',
      'bttp',
      '--person',
      extra?.id ?? a.people[3]!.id,
      '--title',
      'Thêm',
      '--met',
      'all',
      '--submitted',
      '2025-11-20',
      '--id',
      'them-sau',
    ];
    const r = await run(a, ...args);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('đã có 1 phiếu');
    expect(existsSync(join(a.root, 'records/2025/nominations/them-sau.yaml'))).toBe(false);
  });

  it('validate warns for a valid ballot that does not mark a nomination', async () => {
    const a = generateAgency({ seed: 29, councilSize: 5 });
    await ballots(a, a.year, [{ [a.nominations[0]!]: 'agree' }]);
    const r = await run(a, 'validate');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('warning[ballot-unmarked]');
  });

  it('decide refuses a date before the council meeting', async () => {
    const a = generateAgency({ seed: 31, councilSize: 5 });
    await ballots(a, a.year, Array(5).fill(all(a.nominations)));
    await ok(a, 'tally', '2025', '--seal');
    const r = await run(a, 'decide', '2025', '--number', '1', '--date', '2026-01-10');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('trước phiên họp xét ngày 15/01/2026');
  });
});

describe('10. the council itself', () => {
  it('chair, secretary and counters must be members; one chủ tịch; attendance against the ballots', async () => {
    const a = generateAgency({ seed: 37, councilSize: 5 });
    const outsider = a.people.find((p) => !a.council.includes(p.id))!.id;
    const council = readFileSync(join(a.root, 'records/2025/council.yaml'), 'utf8')
      .replace(`counters: [ ${a.council[2]!} ]`, `counters: [ ${outsider} ]`)
      .replace('role: thu-ky', 'role: chu-tich')
      .replace('ballots_issued: 5', 'ballots_issued: 5\n  absent: [ ' + a.council[4] + ' ]');
    writeFileSync(join(a.root, 'records/2025/council.yaml'), council);
    await ballots(a, a.year, [all(a.nominations)], 1);
    const refused = await run(
      a,
      'ballot',
      String(a.year),
      '--written',
      ...a.nominations.flatMap((id) => ['--vote', `${id}=agree`]),
    );
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('error[attendance]');
    write(a.root, 'records/2025/ballots/002.yaml', 'serial: 2\nvalid: true\nwritten: true\nvotes: {}\n');
    const r = await run(a, 'validate');
    expect(r.code).toBe(1);
    const out = r.stdout + r.stderr;
    expect(out).toContain('error[council-membership]');
    expect(out).toContain(`${outsider}`);
    expect(out).toMatch(/error\[council-membership\].*hai chủ tịch|có 2 Chủ tịch/);
    expect(out).toContain('error[attendance]');
  });

  it('a nominated council member is noted, and with recusal the minutes say how it was handled', async () => {
    const a = generateAgency({ seed: 41, councilSize: 5 });
    const agency = readFileSync(join(a.root, 'records/agency.yaml'), 'utf8').replace(
      'symbol: HĐTĐKT }',
      'symbol: HĐTĐKT, recusal: true }',
    );
    writeFileSync(join(a.root, 'records/agency.yaml'), agency);
    const member =
      a.council.find(
        (id) => a.people.find((p) => p.id === id)!.department === 'hctp' && !a.people.find((p) => p.id === id)!.leader,
      ) ?? a.council.find((id) => !a.people.find((p) => p.id === id)!.leader)!;
    const dept = a.people.find((p) => p.id === member)!.department;
    rmSync(join(a.root, `records/2025/nominations/${dept}-ca-nhan.yaml`));
    const n = await ok(
      a,
      'nominate',
      '2025',
      '--kind',
      'individual',
      '--department',
      dept,
      '--person',
      member,
      '--title',
      'Thành viên tiêu biểu',
      '--met',
      'all',
      '--submitted',
      '2025-11-20',
      '--id',
      `${dept}-ca-nhan`,
    );
    expect(n.stdout + n.stderr).toContain('là thành viên Hội đồng');
    const ids = readdirSync(join(a.root, 'records/2025/nominations')).map((f) => f.replace('.yaml', ''));
    await ballots(a, a.year, Array(5).fill(all(ids)));
    await ok(a, 'tally', '2025', '--seal');
    await ok(a, 'render', 'minutes', '2025');
    const text = docxText(join(a.root, 'documents/2025/bien-ban-kiem-phieu-2025.docx'));
    expect(text).toContain('không tham gia biểu quyết');
    expect(text).toContain(a.people.find((p) => p.id === member)!.name);
  });
});
