/** Which fields of a YAML record changed between two versions, in words. */
import { t, type Localized } from './diagnostics.js';

export interface FieldChange {
  path: string;
  change: 'added' | 'removed' | 'changed';
  from?: unknown;
  to?: unknown;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Deep differences; lists of records keyed by `id` or `person` are compared item by item. */
export function diffValues(before: unknown, after: unknown, path = ''): FieldChange[] {
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  if (isObject(before) && isObject(after)) {
    const out: FieldChange[] = [];
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    for (const k of keys) {
      const p = path ? `${path}.${k}` : k;
      if (!(k in before)) out.push({ path: p, change: 'added', to: after[k] });
      else if (!(k in after)) out.push({ path: p, change: 'removed', from: before[k] });
      else out.push(...diffValues(before[k], after[k], p));
    }
    return out;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const key = (v: unknown) => (isObject(v) ? (v['id'] ?? v['person']) : undefined);
    if (before.every((v) => typeof key(v) === 'string') && after.every((v) => typeof key(v) === 'string')) {
      const b = new Map(before.map((v) => [key(v) as string, v]));
      const a = new Map(after.map((v) => [key(v) as string, v]));
      const out: FieldChange[] = [];
      for (const [k, v] of a) {
        const p = `${path}[${k}]`;
        if (!b.has(k)) out.push({ path: p, change: 'added', to: v });
        else out.push(...diffValues(b.get(k), v, p));
      }
      for (const [k, v] of b) if (!a.has(k)) out.push({ path: `${path}[${k}]`, change: 'removed', from: v });
      return out;
    }
  }
  if (before === undefined) return [{ path: path || '.', change: 'added', to: after }];
  if (after === undefined) return [{ path: path || '.', change: 'removed', from: before }];
  return [{ path: path || '.', change: 'changed', from: before, to: after }];
}

function show(v: unknown): string {
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > 120 ? `${s.slice(0, 117)}...` : s;
}

export function describeChange(c: FieldChange): Localized {
  switch (c.change) {
    case 'added':
      return t(`thêm ${c.path}: ${show(c.to)}`, `added ${c.path}: ${show(c.to)}`);
    case 'removed':
      return t(`bỏ ${c.path} (trước là ${show(c.from)})`, `removed ${c.path} (was ${show(c.from)})`);
    default:
      return t(`đổi ${c.path}: ${show(c.from)} → ${show(c.to)}`, `changed ${c.path}: ${show(c.from)} → ${show(c.to)}`);
  }
}
