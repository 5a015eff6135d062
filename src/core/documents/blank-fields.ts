/** The variable text of a certificate printed on bought blanks, each placed on its own (agency.yaml certificate.blank_stock). */
export const BLANK_FIELDS = [
  'recipient',
  'detail',
  'honour',
  'achievement',
  'decision',
  'book_number',
  'date',
  'signer',
  'name',
] as const;
