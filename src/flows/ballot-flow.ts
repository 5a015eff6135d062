/** Entering one paper ballot through prompts: valid, written, then a vote per nomination, then confirm. */
import type { Lang } from '../core/diagnostics.js';
import type { Ballot, VoteChoice } from '../core/schemas/round.js';
import type { AgendaItem } from './agenda.js';
import type { Prompter } from './prompter.js';

const WORDS = {
  vi: { agree: 'Đồng ý', disagree: 'Không đồng ý', abstain: 'Không có ý kiến' },
  en: { agree: 'Agree', disagree: 'Disagree', abstain: 'Abstain' },
} as const;

/**
 * One paper through prompts. `previous`: the paper it replaces (`ballot --replace N`), whose marks
 * are each question's default, so only what changes needs an answer.
 */
export async function askBallot(
  p: Prompter,
  agenda: AgendaItem[],
  serial: number,
  lang: Lang,
  previous?: Ballot,
): Promise<Ballot | null> {
  const vi = lang === 'vi';
  const was = (id: string, fallback: VoteChoice): VoteChoice =>
    previous?.valid ? (previous.votes[id] ?? 'abstain') : fallback;
  const valid = await p.confirm({
    message: vi ? `Phiếu số ${serial}: phiếu hợp lệ?` : `Ballot ${serial}: is it valid?`,
    default: previous?.valid ?? true,
  });
  let written = false;
  const votes: Record<string, VoteChoice> = {};
  let reason: string | undefined;
  if (!valid) {
    // The minutes say why each invalid paper was set aside; an empty answer leaves it unsaid.
    const answer = (
      await p.input({
        message: vi ? 'Lý do không hợp lệ (Enter để bỏ qua):' : 'Why is it invalid (Enter to skip):',
        default: previous?.reason ?? '',
      })
    ).trim();
    if (answer) reason = answer;
  }
  if (valid) {
    written = await p.confirm({
      message: vi ? 'Phiếu ghi ý kiến bằng văn bản của thành viên vắng mặt?' : 'A written vote of an absent member?',
      default: previous?.written ?? false,
    });
    // A long paper is entered as "all agree, except …": the exceptions chosen, then marked one by one.
    const quick =
      agenda.length > 2 &&
      (await p.select<'except' | 'each'>({
        message: vi ? 'Nhập ý kiến:' : 'Enter the marks:',
        default: 'except',
        choices: [
          { name: vi ? 'Tất cả đồng ý, trừ …' : 'All agree, except …', value: 'except' },
          { name: vi ? 'Từng đề nghị' : 'One by one', value: 'each' },
        ],
      })) === 'except';
    if (quick) {
      const except = await p.checkbox<string>({
        message: vi
          ? 'Các đề nghị không được “đồng ý” (Space chọn, Enter xong):'
          : 'The nominations not marked agree (Space selects, Enter ends):',
        choices: agenda.map((i) => ({
          name: i.award ? `${i.label} — ${i.award.name}` : i.label,
          value: i.id,
          ...(previous?.valid && was(i.id, 'agree') !== 'agree' ? { checked: true } : {}),
        })),
      });
      for (const item of agenda) votes[item.id] = 'agree';
      for (const item of agenda.filter((i) => except.includes(i.id))) {
        const before = was(item.id, 'disagree');
        votes[item.id] = await p.select<VoteChoice>({
          message: item.label,
          default: before === 'agree' ? 'disagree' : before,
          choices: (['disagree', 'abstain', 'agree'] as const).map((v) => ({ name: WORDS[lang][v], value: v })),
        });
      }
    }
    let section: string | null = null;
    for (const item of quick ? [] : agenda) {
      // A heading for each group: the plan's two, then each title.
      const group = item.award ? `award:${item.award.id}` : item.kind;
      if (group !== section) {
        section = group;
        p.note(
          item.award
            ? `— ${item.award.name}`
            : item.kind === 'collective'
              ? vi
                ? '— Mô hình tiêu biểu (tập thể)'
                : '— Exemplary collectives'
              : vi
                ? '— Gương điển hình tiên tiến (cá nhân)'
                : '— Exemplary individuals',
        );
      }
      votes[item.id] = await p.select<VoteChoice>({
        message: item.label,
        default: was(item.id, 'agree'),
        choices: (['agree', 'disagree', 'abstain'] as const).map((v) => ({ name: WORDS[lang][v], value: v })),
      });
    }
  }
  const ballot: Ballot = { serial, valid, written, votes, ...(reason !== undefined ? { reason } : {}) };
  p.note(summary(ballot, agenda, lang));
  const ok = await p.confirm({ message: vi ? 'Ghi phiếu này?' : 'Write this ballot?', default: true });
  return ok ? ballot : null;
}

export function summary(b: Ballot, agenda: AgendaItem[], lang: Lang): string {
  const vi = lang === 'vi';
  if (!b.valid)
    return vi
      ? `Phiếu số ${b.serial}: KHÔNG HỢP LỆ${b.reason ? ` (${b.reason})` : ''} (không tính phiếu bầu).`
      : `Ballot ${b.serial}: INVALID${b.reason ? ` (${b.reason})` : ''} (casts no votes).`;
  const counts = { agree: 0, disagree: 0, abstain: 0 };
  for (const item of agenda) counts[b.votes[item.id] ?? 'abstain']++;
  const head = vi
    ? `Phiếu số ${b.serial}${b.written ? ' (ý kiến bằng văn bản)' : ''}: ${counts.agree} đồng ý, ${counts.disagree} không đồng ý, ${counts.abstain} không có ý kiến.`
    : `Ballot ${b.serial}${b.written ? ' (written vote)' : ''}: ${counts.agree} agree, ${counts.disagree} disagree, ${counts.abstain} abstain.`;
  const others = agenda
    .filter((i) => (b.votes[i.id] ?? 'abstain') !== 'agree')
    .map((i) => `  ${WORDS[lang][b.votes[i.id] ?? 'abstain']}: ${i.label}`);
  return [head, ...others].join('\n');
}
