/** The registry of documents: file, template, what each needs, and its builder. */
import type { DocModel } from './model.js';
import type { TemplateSpec } from './template.js';
import type { DocumentInput } from './context.js';
import { DOCUMENT_FILES, type DocumentKind } from './files.js';
import { DECISION_TEMPLATE_SPEC, decisionModel } from './decision.js';
import { CERTIFICATE_TEMPLATE_SPEC, certificateResults, certificatesModel } from './certificates.js';
import { t, type Localized } from '../diagnostics.js';
import { MINUTES_TEMPLATE_SPEC, minutesModel } from './minutes.js';
import { LIST_TEMPLATE_SPEC, listModel } from './list.js';
import { BALLOT_PAPER_TEMPLATE_SPEC, ballotPaperModel } from './ballot-paper.js';
import { MEETING_TEMPLATE_SPEC, meetingModel } from './meeting.js';
import { COVER_TEMPLATE_SPEC, coverLetterModel, PROPOSAL_TEMPLATE_SPEC, proposalModel } from './letters.js';
import { UPWARD_TEMPLATE_SPEC, upwardBodies, upwardModel } from './upward.js';
import type { Round } from '../records/workspace.js';
import type { WorkspaceIndex } from '../records/index.js';

export interface DocumentDef {
  kind: DocumentKind;
  file(year: number): string;
  template: string;
  spec: TemplateSpec;
  /** What the round must have before this document can be rendered. */
  needs: 'nominations' | 'seal' | 'decision';
  /** Whether the round has anything for this document at all (default: yes); `render all` and status skip it otherwise. */
  applies?(round: Round, index: WorkspaceIndex): boolean;
  /** Said instead of rendering when it does not apply (one line); without it, a finding. */
  nothing?: (year: number) => Localized;
  build(input: DocumentInput): DocModel;
}

const file = (kind: DocumentKind) => DOCUMENT_FILES.find((d) => d.kind === kind)!.file;

export const DOCUMENTS: readonly DocumentDef[] = [
  {
    kind: 'decision',
    file: file('decision'),
    template: 'quyet-dinh.txt',
    spec: DECISION_TEMPLATE_SPEC,
    needs: 'seal',
    build: decisionModel,
  },
  {
    kind: 'certificates',
    file: file('certificates'),
    template: 'giay-cong-nhan.txt',
    spec: CERTIFICATE_TEMPLATE_SPEC,
    needs: 'decision',
    applies: (round, index) => certificateResults(round, index).length > 0,
    nothing: (year) =>
      t(
        `đợt ${year} không có danh hiệu nào được cấp giấy chứng nhận hay giấy khen (Lao động tiên tiến, Tập thể lao động tiên tiến: quyết định là khen thưởng, Nghị định 152/2025 Điều 50); không in giấy chứng nhận`,
        `round ${year} has no title with a certificate (Lao động tiên tiến, Tập thể lao động tiên tiến: the decision is the award, ND 152/2025 Điều 50); no certificates rendered`,
      ),
    build: certificatesModel,
  },
  {
    kind: 'minutes',
    file: file('minutes'),
    template: 'bien-ban-kiem-phieu.txt',
    spec: MINUTES_TEMPLATE_SPEC,
    needs: 'seal',
    build: minutesModel,
  },
  {
    kind: 'list',
    file: file('list'),
    template: 'danh-sach.txt',
    spec: LIST_TEMPLATE_SPEC,
    needs: 'seal',
    build: listModel,
  },
  {
    kind: 'meeting',
    file: file('meeting'),
    template: 'bien-ban-hop.txt',
    spec: MEETING_TEMPLATE_SPEC,
    needs: 'seal',
    build: meetingModel,
  },
  {
    kind: 'proposal',
    file: file('proposal'),
    template: 'to-trinh.txt',
    spec: PROPOSAL_TEMPLATE_SPEC,
    needs: 'seal',
    build: proposalModel,
  },
  {
    kind: 'cover',
    file: file('cover'),
    template: 'cong-van-gui.txt',
    spec: COVER_TEMPLATE_SPEC,
    needs: 'decision',
    build: coverLetterModel,
  },
  {
    kind: 'ballots',
    file: file('ballots'),
    template: 'phieu-bau.txt',
    spec: BALLOT_PAPER_TEMPLATE_SPEC,
    needs: 'nominations',
    build: ballotPaperModel,
  },
  {
    kind: 'upward',
    file: file('upward'),
    template: 'to-trinh-cap-tren.txt',
    spec: UPWARD_TEMPLATE_SPEC,
    needs: 'seal',
    applies: (round, index) => upwardBodies(round, index).length > 0,
    build: upwardModel,
  },
];

export function documentDef(kind: string): DocumentDef | undefined {
  return DOCUMENTS.find((d) => d.kind === kind);
}
