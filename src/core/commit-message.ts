/** The generated commit message: what changed in each round, in words, with trailers a script can read. */
import type { Lang } from './diagnostics.js';
import { roundFileNameOf } from './records/paths.js';

export interface Change {
  /** git's status letter: A, M, D, R… */
  status: string;
  path: string;
}

interface RoundCounts {
  nominations: { A: number; M: number; D: number };
  ballots: { A: number; M: number; D: number };
  council: boolean;
  submissions: boolean;
  sealed: 'A' | 'M' | 'D' | null;
  decision: 'A' | 'M' | 'D' | null;
  documents: number;
  unsealed: string | null;
}

function kind(status: string): 'A' | 'M' | 'D' {
  return status.startsWith('A') ? 'A' : status.startsWith('D') ? 'D' : 'M';
}

/** "thêm 2 đề nghị, 9 phiếu; sửa 1 phiếu": one verb per kind of change, its counts joined. */
function counted(r: RoundCounts, lang: Lang): string[] {
  const words = lang === 'vi' ? { A: 'thêm', M: 'sửa', D: 'xoá' } : { A: 'add', M: 'edit', D: 'remove' };
  const nouns = lang === 'vi' ? { n: 'đề nghị', b: 'phiếu' } : { n: 'nomination(s)', b: 'ballot(s)' };
  const out: string[] = [];
  for (const k of ['A', 'M', 'D'] as const) {
    const items = [
      r.nominations[k] ? `${r.nominations[k]} ${nouns.n}` : '',
      r.ballots[k] ? `${r.ballots[k]} ${nouns.b}` : '',
    ].filter(Boolean);
    if (items.length) out.push(`${words[k]} ${items.join(', ')}`);
  }
  return out;
}

/**
 * `unsealed`: for a round whose unseals.yaml is in the change, the reason of its newest unsealing,
 * said in the subject and in a trailer.
 */
export function commitMessage(
  changes: readonly Change[],
  lang: Lang,
  trailers: Record<string, string>,
  unsealed: ReadonlyMap<number, string> = new Map(),
): { subject: string; body: string; rounds: number[] } {
  const rounds = new Map<number, RoundCounts>();
  const shared = new Set<string>();
  let templates = 0;
  for (const c of changes) {
    const m = /^(?:records|documents)\/(\d{4})\//.exec(c.path);
    if (m) {
      const year = Number(m[1]);
      const r = rounds.get(year) ?? {
        nominations: { A: 0, M: 0, D: 0 },
        ballots: { A: 0, M: 0, D: 0 },
        council: false,
        submissions: false,
        sealed: null,
        decision: null,
        documents: 0,
        unsealed: null,
      };
      rounds.set(year, r);
      const k = kind(c.status);
      if (c.path.startsWith('documents/')) r.documents++;
      else if (c.path.includes('/nominations/')) r.nominations[k]++;
      else if (c.path.includes('/ballots/')) r.ballots[k]++;
      else {
        const name = roundFileNameOf(c.path);
        if (name === 'council.yaml') r.council = true;
        else if (name === 'submissions.yaml') r.submissions = true;
        else if (name === 'tally.yaml') r.sealed = k;
        else if (name === 'decision.yaml') r.decision = k;
        else if (name === 'unseals.yaml') r.unsealed = unsealed.get(year) ?? '';
      }
      continue;
    }
    if (c.path.startsWith('templates/')) templates++;
    else if (c.path.startsWith('records/')) shared.add(c.path.slice('records/'.length).replace(/\.yaml$/, ''));
  }
  const vi = lang === 'vi';
  const parts: string[] = [];
  const years = [...rounds.keys()].sort();
  for (const year of years) {
    const r = rounds.get(year)!;
    const bits: string[] = [];
    if (r.unsealed !== null)
      bits.push(
        vi
          ? `mở niêm phong${r.unsealed ? ` (lý do: ${r.unsealed})` : ''}`
          : `unseal${r.unsealed ? ` (reason: ${r.unsealed})` : ''}`,
      );
    bits.push(...counted(r, lang));
    if (r.council) bits.push(vi ? 'cập nhật Hội đồng' : 'update the council');
    if (r.submissions) bits.push(vi ? 'cập nhật văn bản các phòng nộp' : 'update documents received');
    if (r.sealed === 'A') bits.push(vi ? 'niêm phong kết quả' : 'seal the result');
    else if (r.sealed === 'D' && r.unsealed !== null) {
      /* said above */
    } else if (r.sealed) bits.push(vi ? 'sửa tệp niêm phong' : 'change the seal');
    if (r.decision === 'A') bits.push(vi ? 'ghi quyết định' : 'record the decision');
    else if (r.decision === 'D' && r.unsealed !== null) bits.push(vi ? 'rút quyết định' : 'withdraw the decision');
    else if (r.decision) bits.push(vi ? 'sửa quyết định' : 'change the decision');
    if (r.documents) bits.push(vi ? `in ${r.documents} văn bản` : `render ${r.documents} document(s)`);
    if (bits.length) parts.push(`${year}: ${bits.join('; ')}`);
  }
  const names: Record<string, { vi: string; en: string }> = {
    agency: { vi: 'cơ quan', en: 'agency' },
    criteria: { vi: 'tiêu chí', en: 'criteria' },
    departments: { vi: 'các phòng', en: 'departments' },
    people: { vi: 'cán bộ', en: 'staff' },
    discipline: { vi: 'kỷ luật', en: 'discipline' },
  };
  if (shared.size)
    parts.push(
      `${vi ? 'cập nhật' : 'update'} ${[...shared]
        .sort()
        .map((s) => names[s]?.[lang] ?? s)
        .join(', ')}`,
    );
  if (templates) parts.push(vi ? `sửa ${templates} mẫu văn bản` : `edit ${templates} template(s)`);
  const subject = parts.length ? parts.join(' — ') : vi ? 'cập nhật hồ sơ' : 'update records';
  const trailerLines = [
    ...years.map((y) => `Thidua-Round: ${y}`),
    ...years
      .filter((y) => rounds.get(y)!.unsealed !== null)
      .map((y) => `Thidua-Unsealed: ${y}: ${(rounds.get(y)!.unsealed ?? '').replace(/\s+/g, ' ')}`),
    ...Object.entries(trailers).map(([k, v]) => `${k}: ${v}`),
  ];
  return { subject, body: trailerLines.join('\n'), rounds: years };
}
