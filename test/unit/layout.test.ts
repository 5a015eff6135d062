/** The layout rules a văn thư checks by eye: names in the header, Nơi nhận, the signature's page. */
import { describe, expect, it } from 'vitest';
import { nameLines, recipientList } from '../../src/core/documents/layout.js';
import { keptTogether, p, type Block } from '../../src/core/documents/model.js';

const text = (b: Block) => (b.kind === 'p' ? b.runs.map((r) => r.text).join('') : `[${b.kind}]`);

describe('the council’s name in the header', () => {
  it('never breaks inside “Thi đua - Khen thưởng”; what follows on its own line when it fits', () => {
    const w = 165 * 0.44 - 4;
    expect(nameLines('Hội đồng Thi đua - Khen thưởng', w)).toEqual(['Hội đồng', 'Thi đua - Khen thưởng']);
    expect(nameLines('Hội đồng Thi đua - Khen thưởng Sở Tư pháp', w)).toEqual([
      'Hội đồng',
      'Thi đua - Khen thưởng',
      'Sở Tư pháp',
    ]);
    expect(nameLines('Hội đồng Thi đua - Khen thưởng Trường Trung học phổ thông Nguyễn Du', w)).toEqual([
      'Hội đồng',
      'Thi đua - Khen thưởng',
      'Trường Trung học phổ',
      'thông Nguyễn Du',
    ]);
    expect(nameLines('Hội đồng TĐKT', w)).toEqual(['Hội đồng TĐKT']);
  });
});

describe('Nơi nhận', () => {
  it('prints “Lưu” once: the agency’s own stands for the template’s, last, with a full stop', () => {
    const list = (r: string[]) => recipientList('Nơi nhận:', r, '- Lưu: VT, HĐTĐKT.', 'Như Điều 3').map(text);
    expect(list(['Sở Nội vụ', 'Lưu: VT'])).toEqual(['Nơi nhận:', '- Như Điều 3;', '- Sở Nội vụ;', '- Lưu: VT.']);
    expect(list(['Sở Nội vụ'])).toEqual(['Nơi nhận:', '- Như Điều 3;', '- Sở Nội vụ;', '- Lưu: VT, HĐTĐKT.']);
  });
});

describe('the signature block', () => {
  it('keeps the blank lines and the last paragraph with text before it on its page, no further', () => {
    const blocks: Block[] = [
      p('Điều 4. …'),
      p('Điều 5. … thi hành Quyết định này./.'),
      p(''),
      { kind: 'table', borders: false, keepWithPrevious: true, rows: [] },
    ];
    expect(keptTogether(blocks).map((b) => (b.kind === 'p' ? Boolean(b.keepNext) : null))).toEqual([
      false,
      true,
      true,
      null,
    ]);
    const plain: Block[] = [p('x'), { kind: 'table', borders: false, rows: [] }];
    expect(keptTogether(plain)).toEqual(plain);
  });
});
