/**
 * Defaults of settings an agency may change, in one home (no dependencies: the command table
 * reads them for its help text at start-up).
 *
 * The council's default share, 2/3: the threshold of a new agency (of the members) and the quorum
 * when the base is the valid ballots. Not a statutory vote threshold but a common practice and a
 * setting (../shared/law-2025.md, rows "2/3" and "quorum").
 */
export const DEFAULT_SHARE = { numerator: 2, denominator: 3 } as const;
export const DEFAULT_THRESHOLD = { ...DEFAULT_SHARE, of: 'members' } as const;
