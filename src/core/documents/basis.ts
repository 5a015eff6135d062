/**
 * The căn cứ of a decision (ND 30/2020 Phụ lục I, II.6.a): the agency's own lines (the act that
 * gives the issuer its competence first, as `init` writes it), then each instrument the rule pack
 * cites, with its number, date, issuer and trích yếu as the pack records them.
 */
import type { Agency } from '../schemas/agency.js';
import type { Instrument, PackMeta } from '../schemas/pack.js';
import { dateInWords } from '../dates.js';

/** "Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định …;" (a law by its name and date). */
export function citation(i: Instrument): string {
  const date = dateInWords(i.date);
  if (i.kind === 'Luật' && i.name) return `Căn cứ Luật ${i.name} ${date};`;
  return `Căn cứ ${i.kind}${i.name ? ` ${i.name}` : ''} số ${i.number} ${date} của ${i.issuer}${i.summary ? ` ${i.summary}` : ''};`;
}

/** Does an agency's own line cite what the pack cites (or replaced): the pack's citation stands for it. */
function citesPackInstrument(line: string, pack: PackMeta): boolean {
  return pack.instruments.some(
    (i) =>
      line.includes(i.number) ||
      (i.replaces !== undefined && line.includes(i.replaces.replace(/^\S+ số /u, ''))) ||
      (i.kind === 'Luật' && i.name !== undefined && line.includes(`Luật ${i.name}`)),
  );
}

/**
 * The căn cứ lines before the round's own (the council's vote, its proposal): with a rule pack, the
 * agency's lines that cite none of its instruments, then the pack's cited instruments signed by the
 * document's date; without one, agency.yaml's `legal_basis` as written.
 */
export function basisLines(agency: Pick<Agency, 'legal_basis'>, pack: PackMeta | null, date: string): string[] {
  if (!pack) return agency.legal_basis;
  const own = agency.legal_basis.filter((l) => !citesPackInstrument(l, pack));
  return [...own, ...pack.instruments.filter((i) => i.cited && i.date <= date).map(citation)];
}
