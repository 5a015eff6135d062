/** The import's lookups by map (linear in the rows) find what a scan of the lists found. */
import { describe, expect, it } from 'vitest';
import { mergedList } from '../../src/core/import/plan.js';
import { DepartmentIndex, groupBy, uniqueId } from '../../src/core/import/rows.js';

describe('mergedList', () => {
  it('replaces an item in place (the first of its id), appends a new one once, and says where each went', () => {
    const existing = [
      { id: 'a', v: 1 },
      { id: 'b', v: 1 },
      { id: 'a', v: 9 },
    ];
    const { list, rowIndex } = mergedList(existing, [
      { id: 'b', v: 2 },
      { id: 'c', v: 2 },
      { id: 'a', v: 2 },
      { id: 'c', v: 3 },
    ]);
    expect(list).toEqual([
      { id: 'a', v: 2 },
      { id: 'b', v: 2 },
      { id: 'a', v: 9 },
      { id: 'c', v: 3 },
    ]);
    expect([...rowIndex]).toEqual([
      ['b', 1],
      ['c', 3],
      ['a', 0],
    ]);
    expect(existing[0]).toEqual({ id: 'a', v: 1 });
  });

  it('merges 100,000 new items in well under a second (a scan per item took minutes)', () => {
    const planned = Array.from({ length: 100_000 }, (_, i) => ({ id: `p${i}` }));
    const started = Date.now();
    const { list } = mergedList([{ id: 'p5' }], planned);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(list).toHaveLength(100_000);
  });
});

describe('DepartmentIndex', () => {
  const departments = [
    { id: 'toan', name: 'Tổ Toán' },
    { id: 'van-phong', name: 'Văn phòng' },
    { id: 'toan-2', name: 'Toán' },
  ];

  it('finds by id first, then the first by name, then the first by name without its unit word', () => {
    const index = new DepartmentIndex(departments);
    expect(index.find('toan-2')?.id).toBe('toan-2');
    expect(index.find('văn phòng')?.id).toBe('van-phong');
    expect(index.find('TOÁN')?.id).toBe('toan-2');
    expect(index.find('Tổ chuyên môn Toán')?.id).toBe('toan');
    expect(index.find('Phòng Văn phòng')?.id).toBe('van-phong');
    expect(index.find('Lý')).toBeUndefined();
  });

  it('a department added is found by the rows after it, and never shadows an earlier one', () => {
    const index = new DepartmentIndex(departments);
    index.add({ id: 'ly', name: 'Tổ Lý' });
    index.add({ id: 'van-phong-2', name: 'Văn phòng' });
    expect(index.find('Lý')?.id).toBe('ly');
    expect(index.find('Văn phòng')?.id).toBe('van-phong');
    expect(index.hasId('van-phong-2')).toBe(true);
    expect(uniqueId('ly', { has: (id) => index.hasId(id) })).toBe('ly-2');
  });
});

describe('groupBy', () => {
  it('keeps each group in list order', () => {
    expect([...groupBy(['an', 'bình', 'anh', 'ba'], (s) => s[0]!)]).toEqual([
      ['a', ['an', 'anh']],
      ['b', ['bình', 'ba']],
    ]);
  });
});
