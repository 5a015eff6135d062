/**
 * The rule pack `thidua init --titles` copies into records/titles.yaml: the packaged pack of the
 * law in force (packs/ in the package), its titles' criteria taken from the criteria.yaml init
 * copies. A newer pack is a new file there, or an agency's own file: data, not code.
 */
export const STATUTORY_PACK = ['packs', 'vn-2025-07.yaml'] as const;
