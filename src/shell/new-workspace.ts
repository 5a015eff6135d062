/** The files of a new workspace (`thidua init`): what is there already, and the packaged defaults. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { packageFile, packageFolder } from './package-files.js';
import { writeFileAtomic } from './safe-write.js';

export function isWorkspace(dir: string): boolean {
  return existsSync(join(dir, 'records', 'agency.yaml'));
}

export function hasGitFolder(dir: string): boolean {
  return existsSync(join(dir, '.git'));
}

/** A file shipped with thidua (the criteria catalogue). */
export function packagedFile(...parts: string[]): Buffer {
  return packageFile(...parts);
}

/** thidua's default templates, copied into the workspace's templates/. */
export function copyPackagedTemplates(dir: string): void {
  for (const name of packageFolder('templates'))
    writeFileAtomic(join(dir, 'templates', name), packageFile('templates', name));
}

/** A file written only where the user has none (.gitignore, .gitattributes). */
export function writeUnlessPresent(path: string, text: string): void {
  if (!existsSync(path)) writeFileAtomic(path, text);
}
