/**
 * The provincial roll-up through the command line, against a real `git daemon` on 127.0.0.1:
 * a province registers its agencies, fetches and verifies each, imports the sound proposals with
 * where they came from, and sees in validate a proposal its agency has since unsealed.
 */
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cleanupTemp, git, runCli, tempDir } from '../helpers/workspace.js';
import { ENV, ballots, ok, run } from '../helpers/round.js';
import { generateAgency } from '../helpers/agency.js';
import {
  province as newProvince,
  publish,
  push,
  startDaemon,
  upwardAgency,
  UPWARD_TITLE,
  UPWARD_TITLES,
  type Daemon,
} from '../helpers/rollup.js';

let daemon: Daemon;
beforeAll(async () => {
  daemon = await startDaemon();
});
afterAll(async () => {
  await daemon.stop();
  cleanupTemp();
});

describe('inbox over git daemon', () => {
  it('Must show: one sound agency verified and imported with its commit and seal, the tampered one held, the unsealed one offers nothing; a later unseal is a validate finding', async () => {
    const sound = await upwardAgency(401);
    const tampered = await upwardAgency(402);
    // A ballot changed after the seal, committed straight with git (not through thidua).
    const ballot = join(tampered.root, `records/${tampered.year}/ballots/002.yaml`);
    writeFileSync(ballot, readFileSync(ballot, 'utf8').replace('agree', 'disagree'));
    git(tampered.root, ['commit', '-q', '-am', 'Sửa phiếu']);
    const unsealed = await upwardAgency(403, { sealed: false });
    const urls = {
      'so-tu-phap': publish(daemon, sound, 'so-tu-phap'),
      'so-tai-chinh': publish(daemon, tampered, 'so-tai-chinh'),
      'xa-da-lat': publish(daemon, unsealed, 'xa-da-lat'),
    };
    const root = await newProvince({ titles: true });
    for (const [id, url] of Object.entries(urls)) {
      const r = await ok(root, 'inbox', 'add', id, url, '--name', `Cơ quan ${id}`);
      expect(r.stdout).toContain(`Đã đăng ký cơ quan ${id}: ${url}`);
      expect(r.stdout).toMatch(/Đã commit [0-9a-f]{12}\./);
    }
    expect(git(root, ['log', '--format=%s', '-1'])).toBe('Hộp thư: đăng ký xa-da-lat\n');

    const fetched = await run(root, 'inbox', 'fetch');
    expect(fetched.code, fetched.stderr).toBe(1);
    const soundHead = git(sound.root, ['rev-parse', 'HEAD']).trim();
    expect(fetched.stdout).toContain(`✓ so-tu-phap @ ${soundHead.slice(0, 12)}: 1 đề nghị`);
    expect(fetched.stdout).toContain('✗ so-tai-chinh: records/2025/ballots/002.yaml:2:1: error[sealed-input-changed]');
    expect(fetched.stdout).toMatch(
      /records\/2025\/ballots\/002\.yaml: bị sửa trong commit [0-9a-f]{12} \(\d{4}-\d\d-\d\d: Sửa phiếu\), sau khi niêm phong/,
    );
    expect(fetched.stdout).toContain('✓ xa-da-lat @ ');
    expect(fetched.stdout).toContain('Đã tải 3 cơ quan: 2 đạt, 1 bị giữ lại, 0 không có gì mới.');
    // The mirrors stay out of the records: nothing for git to commit.
    expect(existsSync(join(root, '.thidua/inbox/so-tu-phap.git'))).toBe(true);
    expect(git(root, ['status', '--porcelain', '--', '.thidua'])).toBe('');

    const status = await ok(root, 'inbox', 'status', '--json');
    const rows = JSON.parse(status.stdout) as Array<{
      id: string;
      state: string;
      commit: string;
      held: string | null;
      proposals: Record<string, number>;
      url: string;
    }>;
    expect(rows.map((x) => [x.id, x.state, x.url])).toEqual([
      ['so-tu-phap', 'verified', urls['so-tu-phap']],
      ['so-tai-chinh', 'held', urls['so-tai-chinh']],
      ['xa-da-lat', 'verified', urls['xa-da-lat']],
    ]);
    expect(rows[0]!.commit).toBe(soundHead);
    expect(rows[0]!.proposals).toEqual({ 2025: 1 });
    expect(rows[1]!.held).toContain('records/2025/ballots/002.yaml');
    expect(rows[2]!.proposals).toEqual({});
    const table = await ok(root, 'inbox', 'status', '--lang', 'en');
    expect(table.stdout).toMatch(
      /so-tu-phap +git:\/\/127\.0\.0\.1:\d+\/so-tu-phap\.git +[0-9a-f]{12} +2026-01-20 00:00 +✓ verified +2025: 1/,
    );
    expect(table.stdout).toContain('  so-tai-chinh: records/2025/ballots/002.yaml:2:1: error[sealed-input-changed]');

    const imported = await ok(root, 'inbox', 'import', '2025');
    expect(imported.stdout).toContain(
      'Đợt 2025: nhập 1 đề nghị, 0 đã có từ trước; thêm 1 cơ quan vào danh sách đơn vị, 1 người.',
    );
    const files = readdirSync(join(root, 'records/2025/nominations'));
    expect(files).toEqual([`so-tu-phap-${sound.nomination}.yaml`]);
    const nomination = parse(readFileSync(join(root, 'records/2025/nominations', files[0]!), 'utf8')) as unknown;
    const seal = createHash('sha256')
      .update(readFileSync(join(sound.root, 'records/2025/tally.yaml')))
      .digest('hex');
    const person = sound.people.find((p) => p.id === sound.person)!;
    expect(nomination).toMatchObject({
      kind: 'individual',
      department: 'so-tu-phap',
      person: `so-tu-phap-${sound.person}`,
      award: UPWARD_TITLE,
      source: {
        agency: 'so-tu-phap',
        url: urls['so-tu-phap'],
        commit: soundHead,
        year: 2025,
        seal,
        nomination: sound.nomination,
        name: person.name,
        post: 'Chuyên viên',
        unit: sound.departments.find((d) => d.id === person.department)!.name,
      },
    });
    const again = await ok(root, 'inbox', 'import', '2025');
    expect(again.stdout).toContain(
      'Đợt 2025: nhập 0 đề nghị, 1 đã có từ trước; thêm 0 cơ quan vào danh sách đơn vị, 0 người.',
    );
    expect(readdirSync(join(root, 'records/2025/nominations'))).toEqual(files);
    const clean = await run(root, 'validate', '2025');
    expect(clean.stdout + clean.stderr).not.toContain('source-withdrawn');

    // A second fetch with nothing changed moves nothing.
    const quiet = await run(root, 'inbox', 'fetch');
    expect([quiet.code, quiet.stdout]).toEqual([0, 'Đã tải 3 cơ quan: 0 đạt, 0 bị giữ lại, 3 không có gì mới.\n']);

    // The sound agency unseals its round and pushes; the province fetches again.
    await ok(sound, 'unseal', '2025', '--reason', 'Hội đồng xét lại');
    await ok(sound, 'commit', '-m', 'Mở niêm phong 2025');
    push(daemon, sound, 'so-tu-phap');
    const refetched = await ok(root, 'inbox', 'fetch', 'so-tu-phap');
    expect(refetched.stdout).toContain(': 0 đề nghị');
    const v = await run(root, 'validate', '2025');
    expect(v.code).toBe(1);
    expect(v.stdout + v.stderr).toContain(
      `records/2025/nominations/so-tu-phap-${sound.nomination}.yaml:8:1  error[source-withdrawn]  đề nghị so-tu-phap/2025/${sound.nomination} với niêm phong ${seal.slice(0, 12)} không còn ở commit`,
    );
    // Importing again neither removes it nor adds a second one.
    await ok(root, 'inbox', 'import', '2025');
    expect(readdirSync(join(root, 'records/2025/nominations'))).toEqual(files);
  }, 120_000);
});

describe('inbox fetch fails closed', () => {
  it('a shallow repository, a rewritten history and an unreachable URL are held with their reason; the server repository’s own config runs nothing', async () => {
    const a = await upwardAgency(411);
    const b = await upwardAgency(412);
    const urlA = publish(daemon, a, 'viet-lai');
    // A shallow copy on the server: its history cannot be checked.
    const shallow = join(daemon.base, 'nong.git');
    git(daemon.base, ['clone', '--bare', '-q', '--depth', '1', `file://${b.root}`, shallow]);
    // A config naming programs, on the served repository: never fetched, never run.
    const marker = join(tempDir(), 'ran');
    for (const [k, v] of [
      ['core.fsmonitor', `touch ${marker}`],
      ['core.hooksPath', '/nonexistent'],
      ['diff.external', `touch ${marker}`],
    ] as const)
      git(join(daemon.base, 'viet-lai.git'), ['config', k, v]);
    const root = await newProvince({ titles: true });
    await ok(root, 'inbox', 'add', 'viet-lai', urlA);
    await ok(root, 'inbox', 'add', 'nong', daemon.url('nong'));
    await ok(root, 'inbox', 'add', 'khong-co', daemon.url('khong-co'));
    const first = await run(root, 'inbox', 'fetch', '--lang', 'en');
    expect(first.code).toBe(1);
    expect(first.stdout).toContain('✓ viet-lai @ ');
    expect(first.stdout).toMatch(/✗ nong: \.git: a shallow clone lacks the start of the history/);
    expect(first.stdout).toMatch(/✗ khong-co: the repository cannot be read: /);
    expect(existsSync(marker)).toBe(false);

    // The agency rewrites its sealed history and force-pushes it.
    git(a.root, ['commit', '-q', '--amend', '-m', 'Viết lại']);
    push(daemon, a, 'viet-lai');
    const second = await run(root, 'inbox', 'fetch', 'viet-lai', '--lang', 'en');
    expect(second.code).toBe(1);
    expect(second.stdout).toMatch(
      /✗ viet-lai: the history was rewritten: the commit [0-9a-f]{12} fetched last time is no ancestor of [0-9a-f]{12}/,
    );
    const status = JSON.parse((await ok(root, 'inbox', 'status', '--json')).stdout) as Array<{
      id: string;
      state: string;
    }>;
    expect(status.map((s) => [s.id, s.state])).toEqual([
      ['viet-lai', 'held'],
      ['nong', 'held'],
      ['khong-co', 'not-fetched'],
    ]);
    // Nothing from a held agency is offered.
    const imported = await ok(root, 'inbox', 'import', '2025');
    expect(imported.stdout).toContain('Đợt 2025: nhập 0 đề nghị');
    // The clerk, having checked the rewrite with the agency, verifies the new head on its own.
    const forced = await ok(root, 'inbox', 'fetch', 'viet-lai', '--force');
    expect(forced.stdout).toContain('✓ viet-lai @ ');
    expect(existsSync(marker)).toBe(false);
  }, 120_000);
});

describe('history pull', () => {
  it('the province’s decision on an agency’s proposal lands in the agency’s history.yaml with its number, date and commit; a second pull adds nothing', async () => {
    const agency = await upwardAgency(421);
    const urlAgency = publish(daemon, agency, 'so-xay-dung');
    // The province: a generated workspace that decides the title itself.
    const province = generateAgency({
      seed: 422,
      councilSize: 5,
      departments: 2,
      threshold: { numerator: 2, denominator: 3, of: 'members' },
    });
    rmSync(join(province.root, 'records/2025/nominations'), { recursive: true });
    writeFileSync(join(province.root, 'records/titles.yaml'), UPWARD_TITLES.replace(/ {2}decided_by: .*\n/, ''));
    git(province.root, ['add', '-A']);
    git(province.root, ['commit', '-q', '-m', 'Danh hiệu']);
    await ok(province, 'inbox', 'add', 'so-xay-dung', urlAgency, '--name', 'Sở Xây dựng');
    await ok(province, 'inbox', 'fetch');
    const imp = await runCli(['--root', province.root, 'inbox', 'import', '2025'], {
      env: { ...ENV, THIDUA_TODAY: '2025-11-20' },
    });
    expect(imp.code, imp.stderr).toBe(0);
    const id = `so-xay-dung-${agency.nomination}`;
    // The province's clerk answers its own criteria for the proposal.
    appendFileSync(
      join(province.root, `records/2025/nominations/${id}.yaml`),
      'criteria: { trach-nhiem: true, sang-tao: true }\n',
    );
    await ballots(
      province,
      2025,
      Array.from({ length: 5 }, () => ({ [id]: 'agree' })),
    );
    await ok(province, 'tally', '2025', '--seal');
    await ok(province, 'decide', '2025', '--number', '7', '--date', '2026-03-02');
    await ok(province, 'commit', '-m', 'Đợt 2025 của tỉnh');
    const urlProvince = publish(daemon, province, 'tinh');

    const pulled = await ok(agency, 'history', 'pull', urlProvince, '--source', 'so-xay-dung');
    const head = git(province.root, ['rev-parse', 'HEAD']).trim();
    expect(pulled.stdout).toContain(`Tỉnh @ ${head.slice(0, 12)}: ghi 1 kết quả vào records/history.yaml, 0 đã có.`);
    const history = parse(readFileSync(join(agency.root, 'records/history.yaml'), 'utf8')) as unknown;
    expect(history).toEqual([
      { year: 2025, title: UPWARD_TITLE, person: agency.person, decision: '07/QĐ-STP ngày 02/03/2026', commit: head },
    ]);
    expect((await run(agency, 'validate')).code).toBe(0);
    const again = await ok(agency, 'history', 'pull', urlProvince, '--source', 'so-xay-dung', '--lang', 'en');
    expect(again.stdout).toContain('recorded 0 result(s) in records/history.yaml, 1 already there.');
    // A province repository that fails verification records nothing.
    const bad = await run(agency, 'history', 'pull', daemon.url('khong-co-tinh'), '--source', 'so-xay-dung');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('thidua: không ghi gì: kho của tỉnh');
  }, 180_000);
});
