/** Each command's implementation, loaded only when it runs (so --version loads neither docx nor prompts). */
import type { CommandModule, CommandName } from '../commands/definitions.js';

export const LOADERS: { [N in CommandName]: () => Promise<CommandModule<N>> } = {
  init: () => import('../commands/init.js'),
  validate: () => import('../commands/validate.js'),
  tally: () => import('../commands/tally.js'),
  verify: () => import('../commands/verify.js'),
  decide: () => import('../commands/decide.js'),
  unseal: () => import('../commands/unseal.js'),
  issue: () => import('../commands/issue.js'),
  session: () => import('../commands/session.js'),
  import: () => import('../commands/import.js'),
  export: () => import('../commands/export.js'),
  received: () => import('../commands/received.js'),
  round: () => import('../commands/round.js'),
  render: () => import('../commands/render.js'),
  overdue: () => import('../commands/overdue.js'),
  status: () => import('../commands/status.js'),
  awards: () => import('../commands/awards.js'),
  nominate: () => import('../commands/nominate.js'),
  ballot: () => import('../commands/ballot.js'),
  report: () => import('../commands/report.js'),
  publish: () => import('../commands/publish.js'),
  commit: () => import('../commands/commit.js'),
  log: () => import('../commands/log.js'),
  explain: () => import('../commands/explain.js'),
  schema: () => import('../commands/schema.js'),
};
