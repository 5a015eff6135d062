/** The documents of a round and their file names (SPEC §5). */
export type DocumentKind =
  'decision' | 'certificates' | 'minutes' | 'list' | 'ballots' | 'proposal' | 'cover' | 'meeting' | 'upward';

export const DOCUMENT_FILES: ReadonlyArray<{ kind: DocumentKind; file: (year: number) => string }> = [
  { kind: 'decision', file: (y) => `quyet-dinh-${y}.docx` },
  { kind: 'certificates', file: (y) => `giay-cong-nhan-${y}.docx` },
  { kind: 'minutes', file: (y) => `bien-ban-kiem-phieu-${y}.docx` },
  { kind: 'list', file: (y) => `danh-sach-${y}.docx` },
  { kind: 'ballots', file: (y) => `phieu-bau-${y}.docx` },
  { kind: 'meeting', file: (y) => `bien-ban-hop-${y}.docx` },
  { kind: 'proposal', file: (y) => `to-trinh-${y}.docx` },
  { kind: 'cover', file: (y) => `cong-van-gui-${y}.docx` },
  { kind: 'upward', file: (y) => `to-trinh-cap-tren-${y}.docx` },
];
