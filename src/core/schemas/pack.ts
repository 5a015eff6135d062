/**
 * The rule pack: records/titles.yaml written as a mapping. Besides its titles it names the legal
 * instruments it implements (the căn cứ lines of a decision come from here), the date it takes
 * effect, who decides which title at each level of agency, its general rules and its open
 * settings, and the source of each value (instrument, article, how sure). Laws change: an agency
 * replaces the pack with a newer one as data; a sealed round keeps the pack it was judged under.
 */
import { z } from 'zod';
import { Id, IsoDate, Text } from './values.js';

export const CERTAINTIES = ['firm', 'likely', 'open'] as const;

/** Where a value stands: an instrument of the pack, the article, and how sure the reading is. */
export const SourceSchema = z.strictObject({
  /** The id of one of the pack's `instruments`. */
  instrument: Id,
  /** "Điều 24 khoản 1". */
  article: Text,
  /** `firm`: the statute's own words were read; `likely`: a faithful restatement; `open`: not found, a setting. */
  certainty: z.enum(CERTAINTIES),
  note: Text.optional(),
});
export type Source = z.infer<typeof SourceSchema>;

/** A legal instrument the pack implements, as a decision cites it. */
export const InstrumentSchema = z.strictObject({
  id: Id,
  /** "Luật", "Nghị định", "Thông tư", "Quyết định". */
  kind: Text,
  /** "06/2022/QH15". */
  number: Text,
  /** The name after the kind when it has one ("Thi đua, khen thưởng" of "Luật Thi đua, khen thưởng"). */
  name: Text.optional(),
  /** Signed on. */
  date: IsoDate,
  /** In force from. */
  effective: IsoDate.optional(),
  /** "Quốc hội", "Chính phủ", "Bộ trưởng Bộ Nội vụ". */
  issuer: Text,
  /** Trích yếu: what the instrument is about, as the căn cứ line quotes it. */
  summary: Text.optional(),
  /** An instrument it replaced ("Nghị định số 98/2023/NĐ-CP"). */
  replaces: Text.optional(),
  certainty: z.enum(CERTAINTIES),
  /** A decision's căn cứ names it (default); `false`: a source of values only (a repealed decree, guidance). */
  cited: z.boolean().default(true),
});
export type Instrument = z.infer<typeof InstrumentSchema>;

/** The levels of agency a pack gives competences for (`agency.yaml` `level`). */
export const LEVELS = ['so', 'xa', 'truong', 'tinh'] as const;
export type Level = (typeof LEVELS)[number];
export const LevelSchema = z.enum(LEVELS);

/** What the head of an agency of one level decides; every other title is proposed upward. */
export const LevelCompetenceSchema = z.strictObject({
  /** Who this level is ("Thủ trưởng cơ quan chuyên môn thuộc UBND tỉnh"). */
  name: Text,
  /** Title ids the head decides. */
  decides: z.array(Id),
  /** The authority the other titles are proposed to ("Chủ tịch Ủy ban nhân dân tỉnh"). */
  proposes_to: Text,
  /** A title proposed elsewhere than `proposes_to`: title id → authority. */
  upward: z.record(Id, Text).optional(),
  source: SourceSchema.optional(),
});
export type LevelCompetence = z.infer<typeof LevelCompetenceSchema>;

/** Rules of ND 152/2025 Điều 4 for every title of the pack: each is on when the pack names its source. */
export const GeneralRulesSchema = z.strictObject({
  /** No award or upward proposal while a matter (discipline, investigation, complaint) is pending. */
  pending: SourceSchema.optional(),
  /** Achievements count from the end of a discipline period. */
  after_discipline: SourceSchema.optional(),
  /** Maternity leave counts as working time. */
  maternity_counts: SourceSchema.optional(),
  /** An initiative used for one award is not used for another. */
  initiative_once: SourceSchema.optional(),
  /** Several titles of one person in one period are allowed (only the highest is paid). */
  several_titles: SourceSchema.optional(),
  /** Both collective titles for one unit in one round: a warning, not a refusal. */
  both_collective_titles: SourceSchema.optional(),
});
export type GeneralRules = z.infer<typeof GeneralRulesSchema>;

/** The pack's open settings, each with the default the law reference gives. */
export const PackSettingsSchema = z.strictObject({
  /** Ballots (written ones of absent members included) needed, of the members, for any vote to count. */
  quorum: z
    .strictObject({ numerator: z.int().min(1), denominator: z.int().min(1), source: SourceSchema.optional() })
    .refine((f) => f.numerator <= f.denominator, { path: ['numerator'], params: { thidua: 'fraction' } })
    .optional(),
});

/** Everything of the pack but its titles: what a seal keeps beside them. */
export const PackMetaSchema = z.strictObject({
  /** The pack's own id ("vn-2025-07"). */
  pack: Id,
  name: Text,
  /** From this day the pack's rules apply. */
  effective: IsoDate,
  instruments: z.array(InstrumentSchema).default([]),
  general: GeneralRulesSchema.optional(),
  settings: PackSettingsSchema.optional(),
  /** Per level of agency: what its head decides. */
  competence: z.partialRecord(LevelSchema, LevelCompetenceSchema).optional(),
});
export type PackMeta = z.infer<typeof PackMetaSchema>;
