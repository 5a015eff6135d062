/** Typed errors that carry their exit code; cli.ts turns them into one line of output. */
import type { Localized } from './core/diagnostics.js';

/** 0 success; 1 findings; 2 usage; 3 environment; 4 an unexpected failure of thidua itself; 130 interrupted. */
export const EXIT = { ok: 0, findings: 1, usage: 2, environment: 3, crash: 4, interrupted: 130 } as const;

export class ThiduaError extends Error {
  constructor(
    readonly exitCode: number,
    readonly text: Localized,
    /** Already printed (for example the findings of a refused tally): print nothing more. */
    readonly silent = false,
  ) {
    super(text.en);
  }
}

export const usageError = (text: Localized) => new ThiduaError(EXIT.usage, text);
export const environmentError = (text: Localized) => new ThiduaError(EXIT.environment, text);
export const findingsError = (text: Localized, silent = false) => new ThiduaError(EXIT.findings, text, silent);
/** Exit 1 after the command already reported why. */
export const failedQuietly = () => new ThiduaError(EXIT.findings, { vi: '', en: '' }, true);
