/** The province of the roll-up's bench and tests, as `thidua init` makes it: its folder and options. */
export const PROVINCE_INIT: readonly string[] = [
  'init',
  'tinh',
  '--agency',
  'UBND tỉnh Lâm Đồng',
  '--symbol',
  'UBND',
  '--place',
  'Lâm Đồng',
  '--head-name',
  'Trần Văn Tỉnh',
  '--head-title',
  'Chủ tịch',
];
