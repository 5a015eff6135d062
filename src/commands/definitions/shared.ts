/** Pieces the command table's groups share. */
import { t } from '../../core/diagnostics.js';
import { DEFAULT_THRESHOLD } from '../../core/defaults.js';

export const DEFAULT_SHARE_TEXT = `${DEFAULT_THRESHOLD.numerator}/${DEFAULT_THRESHOLD.denominator}`;

export const json = {
  flag: '--json',
  type: 'flag',
  description: t('in một tài liệu JSON', 'print one JSON document'),
} as const;
export const year = { name: 'year', type: 'year' } as const;
