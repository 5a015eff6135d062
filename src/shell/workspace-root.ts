/** Finding the workspace: --root, THIDUA_ROOT, or the nearest folder upwards with records/agency.yaml. */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { t } from '../core/diagnostics.js';
import { environmentError } from '../errors.js';

export function findWorkspaceRoot(explicit: string | undefined, cwd: string): string {
  if (explicit) {
    const root = resolve(cwd, explicit);
    if (!existsSync(join(root, 'records', 'agency.yaml'))) {
      throw environmentError(
        t(
          `${root} không phải không gian làm việc thidua (không có records/agency.yaml)`,
          `${root} is not a thidua workspace (no records/agency.yaml)`,
        ),
      );
    }
    return root;
  }
  let dir = resolve(cwd);
  for (;;) {
    const candidate = join(dir, 'records', 'agency.yaml');
    if (existsSync(candidate)) return dir;
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  throw environmentError(
    t(
      `không tìm thấy không gian làm việc: không có records/agency.yaml trong ${resolve(cwd)} hay thư mục cha nào (tạo mới bằng “thidua init”, hoặc dùng --root)`,
      `no workspace found: no records/agency.yaml in ${resolve(cwd)} or any parent folder (create one with “thidua init”, or pass --root)`,
    ),
  );
}
