import { t } from '../diagnostics.js';
import { defineRule, type Finding } from './rule.js';

export const rule = defineRule({
  code: 'ballot-count',
  severity: 'error',
  stage: 'records',
  description: t(
    'số tệp phiếu nhiều hơn số phiếu phát ra, hoặc số phiếu phát ra nhiều hơn số thành viên',
    'more ballot files than `ballots_issued`, or `ballots_issued` > number of members',
  ),
  fix: t(
    'Ghi đúng số phiếu phát ra (ballots_issued) và chỉ nhập đủ số phiếu đó.',
    'Record the ballots issued correctly (ballots_issued) and enter no more ballots than that.',
  ),
  example: '# records/2016/council.yaml\nsession: { ballots_issued: 3, … }   # and 4 ballot files\n',
  check(ctx) {
    const out: Finding[] = [];
    for (const round of ctx.rounds) {
      const council = round.council;
      const session = council?.value.session;
      if (!council) {
        // A council.yaml that exists but is broken is reported by its own findings.
        if (round.ballotFiles.length > 0 && !round.councilPresent) {
          out.push({
            // Stryker disable next-line ArrayDeclaration: a path to no key points where the empty path does: the start of the document
            loc: { file: round.ballotFiles[0]!, path: [] },
            message: t(
              `đợt ${round.year} có ${round.ballotFiles.length} phiếu nhưng chưa có ${round.councilFile}`,
              `round ${round.year} has ${round.ballotFiles.length} ballots but no ${round.councilFile}`,
            ),
          });
        }
        continue;
      }
      if (!session) {
        if (round.ballotFiles.length > 0) {
          out.push({
            // Stryker disable next-line ArrayDeclaration: the parent of a missing session is the document, as the parent of no key is
            loc: { file: council.loc.file, path: ['session'] },
            at: 'parent',
            message: t(
              `đã có ${round.ballotFiles.length} phiếu nhưng ${round.councilFile} chưa ghi phiên họp (“session” với “ballots_issued”)`,
              `there are ${round.ballotFiles.length} ballots but ${round.councilFile} records no meeting (“session” with “ballots_issued”)`,
            ),
          });
        }
        continue;
      }
      const members = council.value.members.length;
      if (session.ballots_issued > members) {
        out.push({
          loc: { file: council.loc.file, path: ['session', 'ballots_issued'] },
          message: t(
            `phát ra ${session.ballots_issued} phiếu nhưng Hội đồng chỉ có ${members} thành viên`,
            `${session.ballots_issued} ballots issued but the council has only ${members} members`,
          ),
        });
      }
      // Files beyond the ballots issued, in the order of their serials.
      for (const file of round.ballotFiles.slice(session.ballots_issued)) {
        out.push({
          // Stryker disable next-line ArrayDeclaration: a path to no key points where the empty path does: the start of the document
          loc: { file, path: [] },
          message: t(
            `có ${round.ballotFiles.length} tệp phiếu nhưng chỉ phát ra ${session.ballots_issued} phiếu (${round.councilFile})`,
            `there are ${round.ballotFiles.length} ballot files but only ${session.ballots_issued} ballots were issued (${round.councilFile})`,
          ),
        });
      }
    }
    return out;
  },
});
