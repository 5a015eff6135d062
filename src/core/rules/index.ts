/** The registry: every rule, in the order of SPEC §2. */
import type { Rule } from './rule.js';
import type { RuleCode } from '../codes.js';
import { rule as yamlSyntax } from './yaml-syntax.js';
import { rule as yamlAlias } from './yaml-alias.js';
import { rule as duplicateKey } from './duplicate-key.js';
import { rule as fileTooLarge } from './file-too-large.js';
import { rule as yamlTooDeep } from './yaml-too-deep.js';
import { rule as nameInCapitals } from './name-in-capitals.js';
import { rule as initPlaceholder } from './init-placeholder.js';
import { rule as schema } from './schema.js';
import { rule as unknownField } from './unknown-field.js';
import { rule as idMismatch } from './id-mismatch.js';
import { rule as duplicateId } from './duplicate-id.js';
import { rule as unknownReference } from './unknown-reference.js';
import { rule as criteriaMissing } from './criteria-missing.js';
import { rule as criteriaUnmet } from './criteria-unmet.js';
import { rule as initiativeMissing } from './initiative-missing.js';
import { rule as disciplineMember } from './discipline-member.js';
import { rule as disciplinePerson } from './discipline-person.js';
import { rule as leaderWithoutCollective } from './leader-without-collective.js';
import { rule as departmentLimit } from './department-limit.js';
import { rule as lateSubmission } from './late-submission.js';
import { rule as personDepartment } from './person-department.js';
import { rule as ballotCount } from './ballot-count.js';
import { rule as sealedInputChanged } from './sealed-input-changed.js';
import { rule as replicationReference } from './replication-reference.js';
import { rule as replicationNotRecognised } from './replication-not-recognised.js';
import { rule as ballotUnmarked } from './ballot-unmarked.js';
import { rule as councilMembership } from './council-membership.js';
import { rule as attendance } from './attendance.js';
import { rule as awardKind } from './award-kind.js';
import { rule as awardSameRound } from './award-same-round.js';
import { rule as awardMembers } from './award-members.js';
import { rule as awardYears } from './award-years.js';
import { rule as titleCycle } from './title-cycle.js';
import { rule as awardPending } from './award-pending.js';
import { rule as awardAfterDiscipline } from './award-after-discipline.js';
import { rule as initiativeReused } from './initiative-reused.js';
import { rule as awardWorkingTime } from './award-working-time.js';
import { rule as sourceWithdrawn } from './source-withdrawn.js';
import { rule as awardRating } from './award-rating.js';
import { rule as awardMembersRated } from './award-members-rated.js';
import { rule as nominationDuplicate } from './nomination-duplicate.js';
import { rule as collectiveBothTitles } from './collective-both-titles.js';
import { rule as committedLock } from './committed-lock.js';

export const RULES = [
  yamlSyntax,
  yamlAlias,
  duplicateKey,
  fileTooLarge,
  yamlTooDeep,
  schema,
  unknownField,
  idMismatch,
  duplicateId,
  unknownReference,
  criteriaMissing,
  criteriaUnmet,
  initiativeMissing,
  disciplineMember,
  disciplinePerson,
  leaderWithoutCollective,
  awardKind,
  nominationDuplicate,
  awardRating,
  awardSameRound,
  awardMembers,
  awardMembersRated,
  collectiveBothTitles,
  awardYears,
  titleCycle,
  awardPending,
  awardAfterDiscipline,
  initiativeReused,
  awardWorkingTime,
  departmentLimit,
  lateSubmission,
  personDepartment,
  ballotCount,
  sealedInputChanged,
  replicationReference,
  replicationNotRecognised,
  sourceWithdrawn,
  councilMembership,
  attendance,
  ballotUnmarked,
  nameInCapitals,
  initPlaceholder,
  committedLock,
] as const satisfies readonly (Rule & { code: RuleCode })[];

export type { RuleCode };

// Every code of codes.ts has its rule (a code listed there without one fails to compile here).
type Unruled = Exclude<RuleCode, (typeof RULES)[number]['code']>;
export const EVERY_CODE_HAS_ITS_RULE: [Unruled] extends [never] ? true : Unruled = true;
