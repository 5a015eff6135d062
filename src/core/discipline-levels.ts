/** The disciplinary measures of Luật Cán bộ, công chức, lightest first (a schema-free home: counting needs no zod). */
export const DISCIPLINE_LEVELS = [
  'khien-trach',
  'canh-cao',
  'ha-bac-luong',
  'giang-chuc',
  'cach-chuc',
  'buoc-thoi-viec',
] as const;
export type DisciplineLevel = (typeof DISCIPLINE_LEVELS)[number];
export function levelRank(level: DisciplineLevel): number {
  return DISCIPLINE_LEVELS.indexOf(level);
}
