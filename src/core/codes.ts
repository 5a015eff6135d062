/**
 * Every code a finding may carry: the record rules' and the templates'. The list sits below the
 * diagnostics and the two registries (rules/index.ts, documents/template-rules.ts), so a diagnostic
 * is typed by its code without importing the rules; each registry checks, when it compiles, that
 * its codes are exactly these.
 */
export const RULE_CODES = [
  'attendance',
  'award-after-discipline',
  'award-kind',
  'award-members',
  'award-members-rated',
  'award-pending',
  'award-rating',
  'award-same-round',
  'award-working-time',
  'award-years',
  'ballot-count',
  'ballot-unmarked',
  'collective-both-titles',
  'committed-lock',
  'council-membership',
  'criteria-missing',
  'criteria-unmet',
  'department-limit',
  'discipline-member',
  'discipline-person',
  'duplicate-id',
  'duplicate-key',
  'file-too-large',
  'id-mismatch',
  'init-placeholder',
  'initiative-missing',
  'initiative-reused',
  'late-submission',
  'leader-without-collective',
  'name-in-capitals',
  'nomination-duplicate',
  'person-department',
  'replication-not-recognised',
  'replication-reference',
  'schema',
  'sealed-input-changed',
  'source-withdrawn',
  'title-cycle',
  'unknown-field',
  'unknown-reference',
  'yaml-alias',
  'yaml-syntax',
  'yaml-too-deep',
] as const;

export const TEMPLATE_CODES = ['template-placeholder', 'template-section'] as const;

/** Every code a record rule reports. */
export type RuleCode = (typeof RULE_CODES)[number];
/** The codes a template can raise. */
export type TemplateCode = (typeof TEMPLATE_CODES)[number];
