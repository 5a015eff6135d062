import { t } from '../diagnostics.js';
import { defineRule, type Finding } from './rule.js';

export const rule = defineRule({
  code: 'attendance',
  severity: 'error',
  stage: 'records',
  description: t(
    'số phiếu không khớp với điểm danh: nhiều phiếu ý kiến bằng văn bản hơn người vắng, hoặc nhiều phiếu tại họp hơn người có mặt',
    'the ballots do not match the attendance: more written ballots than absent members, or more ballots cast at the meeting than members present',
  ),
  fix: t(
    'Sửa điểm danh (session.absent) hoặc đánh dấu đúng phiếu ý kiến bằng văn bản (written).',
    'Correct the attendance (session.absent) or the written flag of the ballots.',
  ),
  example: '# records/2016/council.yaml\nsession: { absent: [ an ], … }   # and two ballots with written: true\n',
  check(ctx) {
    const out: Finding[] = [];
    for (const round of ctx.rounds) {
      const council = round.council;
      const s = council?.value.session;
      if (!council || !s || s.absent === undefined) continue;
      const absent = new Set(s.absent).size;
      const present = council.value.members.length - absent;
      const written = round.ballots.filter((b) => b.value.written);
      const atMeeting = round.ballots.filter((b) => !b.value.written);
      if (written.length > absent) {
        out.push({
          loc: { file: written[absent]!.loc.file, path: ['written'] },
          message: t(
            `có ${written.length} phiếu ý kiến bằng văn bản nhưng chỉ ${absent} thành viên vắng mặt (session.absent trong ${round.councilFile})`,
            `there are ${written.length} written ballots but only ${absent} absent member(s) (session.absent in ${round.councilFile})`,
          ),
        });
      }
      if (atMeeting.length > present) {
        out.push({
          // Stryker disable next-line ArrayDeclaration: a path to no key points where the empty path does: the start of the document
          loc: { file: atMeeting[present]!.loc.file, path: [] },
          message: t(
            `có ${atMeeting.length} phiếu bỏ tại cuộc họp nhưng chỉ ${present} thành viên có mặt (${round.councilFile})`,
            `there are ${atMeeting.length} ballots cast at the meeting but only ${present} member(s) present (${round.councilFile})`,
          ),
        });
      }
    }
    return out;
  },
});
