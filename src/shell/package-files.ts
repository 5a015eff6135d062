/** Files shipped with thidua itself: the default criteria catalogue and templates. */
import { fileURLToPath } from 'node:url';

export function packagePath(...parts: string[]): string {
  return fileURLToPath(new URL(`../../${parts.join('/')}`, import.meta.url));
}
