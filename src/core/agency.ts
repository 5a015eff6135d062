/** The agency over time: its record with the dated changes of agency.yaml applied. */
import type { Agency } from './schemas/agency.js';

/** The agency as it stood on a date: every change from that date or before applied, in date order. */
export function agencyAsOf(agency: Agency, date: string): Agency {
  if (!agency.changes || agency.changes.length === 0) return agency;
  let out: Agency = agency;
  for (const c of [...agency.changes].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0))) {
    if (c.from > date) break;
    const { from: _from, note: _note, ...fields } = c;
    // A new name comes with its own header lines, or none (the automatic wrap).
    const header = fields.name !== undefined && fields.header === undefined ? { header: undefined } : {};
    out = { ...out, ...header, ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) };
  }
  return out;
}
