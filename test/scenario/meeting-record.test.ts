/**
 * The council's meeting as its minutes record it, on a generated UBND xã: the discussion recorded
 * with `session`, the quorum, one attendance in the Tờ trình and both minutes, and a Nơi nhận.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupTemp, PROJECT } from '../helpers/workspace.js';
import { generateAgency } from '../helpers/agency.js';
import { all, ballots, ok, run } from '../helpers/round.js';
import { docxParagraphs } from '../helpers/docx.js';

afterAll(cleanupTemp);

describe('the meeting minutes of a xã', () => {
  it('print the discussion, the quorum, the same attendance as the Tờ trình, and end with a Nơi nhận', async () => {
    const a = generateAgency({
      level: 'xa',
      seed: 77,
      councilSize: 7,
      departments: 3,
      threshold: { numerator: 1, denominator: 2, of: 'members', quorum: { numerator: 2, denominator: 3 } },
    });
    const [first, second] = a.nominations;
    const said = await ok(
      a,
      'session',
      String(a.year),
      '--discussion',
      `${first!}: Đề nghị bổ sung minh chứng kết quả.`,
      '--discussion',
      'Thống nhất đưa toàn bộ hồ sơ ra bỏ phiếu.',
      '--discussion',
      `${second!}: Thành tích rõ, đồng ý.`,
    );
    expect(said.stdout).toContain('Đã ghi 3 ý kiến thảo luận vào records/2025/council.yaml');
    // One member absent voted in writing: present 6 of 7, whichever document says it.
    await ballots(
      a,
      a.year,
      Array.from({ length: 7 }, () => all(a.nominations)),
      1,
    );
    await ok(a, 'tally', String(a.year), '--seal');
    const late = await run(a, 'session', String(a.year), '--discussion', 'Sau niêm phong.');
    expect(late.code).toBe(1);
    await ok(a, 'decide', String(a.year), '--number', '3', '--date', '2026-01-20');
    await ok(a, 'render', 'all', String(a.year));
    const doc = (name: string) => docxParagraphs(join(a.root, `documents/${a.year}/${name}-${a.year}.docx`));
    const meeting = doc('bien-ban-hop');
    const dept = (id: string) => a.departments.find((d) => d.id === id)!.name;
    const at = meeting.indexOf('2. Hội đồng thảo luận, cho ý kiến đối với từng hồ sơ:');
    expect(meeting.slice(at, at + 4)).toEqual([
      '2. Hội đồng thảo luận, cho ý kiến đối với từng hồ sơ:',
      `- Tập thể ${dept(a.departments[0]!.id)}: Đề nghị bổ sung minh chứng kết quả.`,
      expect.stringMatching(/^- (Ông|Bà) .+: Thành tích rõ, đồng ý\.$/u),
      '- Ý kiến chung: Thống nhất đưa toàn bộ hồ sơ ra bỏ phiếu.',
    ]);
    expect(meeting.join('\n')).not.toContain('……………');
    expect(meeting).toContain(
      'Số thành viên có mặt (6/7) đạt từ 2/3 tổng số thành viên Hội đồng trở lên; cuộc họp đủ điều kiện tiến hành.',
    );
    expect(meeting.filter((p) => /Có mặt \d+\/\d+/u.test(p))).toEqual([
      expect.stringContaining('Có mặt 6/7 thành viên Hội đồng'),
    ]);
    expect(meeting.slice(meeting.indexOf('Nơi nhận:'), meeting.indexOf('Nơi nhận:') + 4)).toEqual([
      'Nơi nhận:',
      '- Chủ tịch (để báo cáo);',
      '- Thành viên Hội đồng;',
      '- Lưu: VT, HĐTĐKT.',
    ]);
    expect(doc('to-trinh').join('\n')).toContain('(có mặt 6/7 thành viên)');
    expect(doc('bien-ban-kiem-phieu').join('\n')).not.toMatch(/Có mặt (?!6\/7)\d+\/\d+/u);
  }, 120_000);

  it('the example’s 2016 and 2025 minutes, unsealed and sealed again since, carry none of the program’s words', () => {
    for (const file of [
      '2016/bien-ban-kiem-phieu-2016',
      '2016/bien-ban-hop-2016',
      '2025/bien-ban-kiem-phieu-2025',
      '2025/bien-ban-hop-2025',
    ]) {
      const text = docxParagraphs(join(PROJECT, `documents/${file}.docx`)).join('\n');
      expect(text, file).not.toMatch(/thidua|unseal|nd-152-2025|new_factor|mở niêm phong/iu);
      expect(text, file).toContain('Nơi nhận:');
    }
  });
});
