/** A lock path that is not a lock file (a folder or a link, committed by someone): said plainly, never waited on. */
import { lstatSync, readlinkSync } from 'node:fs';
import { t, type Localized } from '../core/diagnostics.js';

/** Why the lock at `path` can never be an owner's lock, or null when it is a plain file (or gone). */
export function notALock(path: string): Localized | null {
  let st;
  try {
    st = lstatSync(path);
  } catch {
    return null;
  }
  if (st.isFile()) return null;
  let what: Localized;
  if (st.isSymbolicLink()) {
    let target = '?';
    try {
      target = readlinkSync(path);
    } catch {
      /* shown as "?" */
    }
    what = t(`một liên kết (tới ${target})`, `a link (to ${target})`);
  } else if (st.isDirectory()) what = t('một thư mục', 'a folder');
  else what = t('không phải tệp thường', 'not a regular file');
  const remove = st.isDirectory() ? `rm -r "${path}"` : `rm "${path}"`;
  return t(
    `${path} là ${what.vi}, không phải khoá của lệnh thidua nào (có thể đã bị commit vào kho); thidua không tự xoá nó: xem nội dung, rồi xoá bằng ${remove} (và git rm nếu đã commit) rồi chạy lại`,
    `${path} is ${what.en}, not the lock of any thidua command (it may have been committed); thidua does not remove it: look at it, then remove it with ${remove} (and git rm if committed) and run again`,
  );
}
