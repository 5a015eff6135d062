/** The plan's later stages: replication, new factors, the period report, the web page. */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { cleanupTemp, runCli, tempDir, workspace, PROJECT } from '../helpers/workspace.js';
import { pdfInfo, pdfText, toPdf } from '../helpers/office.js';

afterAll(cleanupTemp);

describe('thidua report', () => {
  it('on the example: the 2016 recognitions, the replication plans of 2017, the new factor followed into 2017 (hand-counted)', async () => {
    const r = await runCli(['report', '--from', '2016', '--to', '2017', '--json', '--as-of', '2018-01-31']);
    expect(r.code, r.stderr).toBe(0);
    const rep = JSON.parse(r.stdout);
    expect(rep.rounds[0]).toMatchObject({
      year: 2016,
      sealed: true,
      nominations: { collective: 7, individual: 7 },
      recognised: { collective: 6, individual: 5 },
      pass_rate: 78.6,
      deadlines: { on_time: 28, late: 0, missing: 0 },
    });
    expect(rep.rounds[1]).toMatchObject({
      year: 2017,
      sealed: false,
      nominations: { collective: 6, individual: 5 },
      pass_rate: null,
      deadlines: { on_time: 12, late: 1, missing: 1 },
    });
    expect(rep.totals).toMatchObject({ nominations: 25, recognised: 11, pass_rate: 78.6 });
    expect(rep.new_factors).toEqual([
      expect.objectContaining({
        year: 2016,
        nomination: 'nv3-mo-hinh',
        outcome: 'recognised',
        later: [{ year: 2017, nomination: 'nv3-mo-hinh', outcome: 'pending' }],
      }),
    ]);
    const in2017 = rep.replications
      .filter((x: { year: number }) => x.year === 2017)
      .map(
        (x: { department: string; model: { year: number; nomination: string } }) =>
          `${x.department}>${x.model.year}/${x.model.nomination}`,
      );
    expect(in2017).toEqual([
      'vp>2016/vp-mo-hinh',
      'vp>2016/pctn-mo-hinh',
      'nv1>2016/nv1-mo-hinh',
      'nv2>2016/nv1-mo-hinh',
      'tcd>2016/tcd-mo-hinh',
    ]);
    expect(rep.replications).toHaveLength(12);
    const nv2 = rep.departments.find((d: { department: string }) => d.department === 'nv2');
    expect(nv2).toMatchObject({ nominations: 3, recognised_collective: 0, recognised_individual: 0, replications: 2 });
    const human = (await runCli(['report', '--from', '2016', '--to', '2017'])).stdout;
    expect(human).toContain(
      '2016 Tập thể Phòng Nghiệp vụ 3 (nv3-mo-hinh): được công nhận → 2017: đề nghị nv3-mo-hinh, chưa bỏ phiếu',
    );
    expect(human).toContain('2017 Phòng Nghiệp vụ 2 (27/KH-NV2, 18/12/2017): nhân rộng 2016/nv1-mo-hinh');
  });

  it('a replication must name a recognised model of an earlier round', async () => {
    const root = workspace({ from: 'example' });
    const p = join(root, 'records/2017/submissions.yaml');
    writeFileSync(
      p,
      readFileSync(p, 'utf8').replace(
        'replicates: [ 2016/nv1-mo-hinh ] }\n- { deadline: plan, department: nv2',
        'replicates: [ 2016/nv2-mo-hinh ] }\n- { deadline: plan, department: nv2',
      ),
    );
    const v = JSON.parse((await runCli(['validate', '--json'], { cwd: root })).stdout);
    expect(v.diagnostics.map((d: { code: string; file: string }) => `${d.code} ${d.file}`)).toEqual([
      'replication-not-recognised records/2017/submissions.yaml',
    ]);
  });

  it('render report: the Báo cáo read back through LibreOffice', async () => {
    const root = workspace({ from: 'example' });
    const r = await runCli(['render', 'report', '--from', '2016', '--to', '2017', '--date', '2018-01-30', '--force'], {
      cwd: root,
    });
    expect(r.code, r.stderr).toBe(0);
    const pdf = toPdf(join(root, 'documents/bao-cao-tong-ket-2016-2017.docx'));
    const text = pdfText(pdf).replace(/\s+/g, ' ');
    expect(text).toContain('BÁO CÁO');
    expect(text).toContain('giai đoạn 2016-2017');
    expect(text).toContain('ngày 30 tháng 01 năm 2018');
    expect(text).toContain('BỒI DƯỠNG NHÂN TỐ MỚI');
    expect(text).toContain(
      'Tập thể Phòng Nghiệp vụ 3 (nhân tố mới năm 2016): được công nhận; năm 2017 được đề nghị lại, chưa bình xét',
    );
    expect(text).toContain('78,6%');
    // One level of quotation marks: the model's own.
    expect(text.replace(/\s+/g, '')).toContain(
      'nhânrộngmôhình“Thanhtratheochuyênđề”tronglĩnhvựcđấtđai'.replace(/\s+/g, ''),
    );
    expect(text).not.toMatch(/“[^”]*“/);
    expect(pdfInfo(pdf)).toMatchObject({ a4: true, landscape: false });
  });
});

describe('thidua publish, in headless Chromium', () => {
  let browser: Browser | undefined;
  afterAll(async () => browser?.close());

  async function open(file: string) {
    browser ??= await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
      ],
    });
    const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(pathToFileURL(file).href);
    return { page, requests, errors };
  }

  it('Chromium is installed (CI installs it)', () => expect(existsSync('/usr/bin/chromium')).toBe(true));

  it('lists the 2016 models, filters them by a department typed in the search box, and draws the chart', async () => {
    const out = tempDir();
    expect((await runCli(['publish', '--out', out])).code).toBe(0);
    const { page, requests, errors } = await open(join(out, 'index.html'));
    expect(await page.locator('h2#y2016').textContent()).toBe('Năm 2016');
    expect(await page.locator('li.item:visible').count()).toBe(11);
    expect(await page.locator('li.item[data-kind="collective"] h3').allTextContents()).toContain('Tập thể Văn phòng');
    await page.locator('#q').fill('Nghiệp vụ 1');
    expect(await page.locator('li.item:visible').count()).toBe(2);
    expect(await page.locator('#count').textContent()).toBe('Tìm thấy 2 / 11 tập thể, cá nhân');
    await page.locator('#q').fill('nghiep vu 3');
    expect((await page.locator('li.item:visible h3').allTextContents()).map((s) => s.trim())).toEqual([
      'Tập thể Phòng Nghiệp vụ 3Nhân tố mới',
      'Tạ Thị Liên',
    ]);
    await page.locator('#q').fill('');
    expect(await page.locator('svg rect.bar-c').count()).toBe(1);
    const box = await page.locator('svg rect.bar-c').boundingBox();
    expect(box!.height).toBeGreaterThan(10);
    expect(await page.locator('svg').getAttribute('role')).toBe('img');
    expect(requests.filter((u) => !u.startsWith('file:'))).toEqual([]);
    expect(errors).toEqual([]);
    await page.screenshot({ path: join(out, 'page.png'), fullPage: false });
    if (process.env['THIDUA_SCREENSHOT']) await page.screenshot({ path: join(PROJECT, 'docs/images/publish.png') });
  }, 60_000);

  it('a hostile name stays inert text', async () => {
    const root = workspace();
    const people = join(root, 'records/people.yaml');
    writeFileSync(
      people,
      readFileSync(people, 'utf8').replace(
        'name: Trần Văn An',
        'name: "<script>window.__pwned = 1</script><img src=x onerror=window.__pwned=2>"',
      ),
    );
    expect((await runCli(['tally', '2016', '--seal', '--date', '2016-12-10'], { cwd: root })).code).toBe(0);
    expect((await runCli(['publish', '--out', join(root, 'public')], { cwd: root })).code).toBe(0);
    const html = readFileSync(join(root, 'public/index.html'), 'utf8');
    expect(html).not.toContain('<script>window.__pwned');
    const { page } = await open(join(root, 'public/index.html'));
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('li.item[data-kind="individual"] h3').textContent()).toContain(
      '<script>window.__pwned = 1</script>',
    );
  }, 60_000);
});
