import { t } from '../diagnostics.js';
import { sourceState } from '../inbox.js';
import { defineRule, type Finding } from './rule.js';

/**
 * A nomination imported from an agency (`thidua inbox import`) whose proposal no longer stands in
 * records/inbox.yaml as last fetched: the agency unsealed or withdrew it, is held, or was removed.
 * The nomination stays, marked, until the clerk removes it.
 */
export const rule = defineRule({
  code: 'source-withdrawn',
  severity: 'error',
  stage: 'records',
  description: t(
    'đề nghị nhận từ một cơ quan (thidua inbox import) không còn trong lần tải về gần nhất: cơ quan đã mở niêm phong hoặc rút, bị giữ lại, hoặc không còn đăng ký',
    'a proposal taken from an agency (thidua inbox import) no longer stands in the last fetch: the agency unsealed or withdrew it, is held, or is no longer registered',
  ),
  fix: t(
    'Tải lại (thidua inbox fetch) khi cơ quan đã niêm phong lại, rồi nhập lại (thidua inbox import NĂM); nếu đề nghị đã bị rút thì xoá tệp đề nghị.',
    'Fetch again (thidua inbox fetch) once the agency has sealed again, then import again (thidua inbox import YEAR); if the proposal was withdrawn, remove the nomination file.',
  ),
  example:
    '# records/2025/nominations/stp-vp-ca-nhan.yaml\nsource: { agency: stp, nomination: vp-ca-nhan, seal: 3f…, … }\n# records/inbox.yaml: stp fetched again, its 2025 round unsealed\n',
  check(ctx) {
    const out: Finding[] = [];
    const entries = ctx.ws.inbox.map((e) => e.value);
    for (const round of ctx.rounds) {
      for (const n of round.nominations) {
        const source = n.value.source;
        if (!source) continue;
        const state = sourceState(source, entries);
        if (state.kind === 'ok') continue;
        const who = `${source.agency}/${source.year}/${source.nomination}`;
        const message =
          state.kind === 'unregistered'
            ? t(
                `cơ quan “${source.agency}” không còn trong records/inbox.yaml (đề nghị ${who})`,
                `the agency “${source.agency}” is no longer in records/inbox.yaml (proposal ${who})`,
              )
            : state.kind === 'held'
              ? t(
                  `cơ quan “${source.agency}” đang bị giữ lại (${state.reason}); đề nghị ${who} không được chấp nhận`,
                  `the agency “${source.agency}” is held (${state.reason}); the proposal ${who} is not accepted`,
                )
              : t(
                  `đề nghị ${who} với niêm phong ${source.seal.slice(0, 12)} không còn ở commit ${(state.commit ?? '').slice(0, 12)} của cơ quan (đã mở niêm phong hoặc rút)`,
                  `the proposal ${who} under the seal ${source.seal.slice(0, 12)} no longer stands at the agency’s commit ${(state.commit ?? '').slice(0, 12)} (unsealed or withdrawn)`,
                );
        out.push({ loc: { file: n.loc.file, path: ['source'] }, at: 'key', message });
      }
    }
    return out;
  },
});
