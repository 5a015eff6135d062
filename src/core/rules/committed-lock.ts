import { t } from '../diagnostics.js';
import { defineRule } from './rule.js';

export const LOCK_FILE = '.thidua.lock';

/**
 * A `.thidua.lock` that is no lock of a running command: a folder or a link (never a lock), or a
 * file committed with the records. Every writing command stops at it; thidua never removes it.
 */
export const rule = defineRule({
  code: 'committed-lock',
  // A warning: the records are sound, so reading commands go on; every writing command stops at
  // the lock itself and says the same (src/shell/lock.ts).
  severity: 'warning',
  stage: 'records',
  description: t(
    '.thidua.lock là thư mục, liên kết, hoặc tệp đã commit vào kho: không phải khoá của lệnh thidua nào',
    '.thidua.lock is a folder, a link, or a file committed to the repository: no lock of any thidua command',
  ),
  fix: t(
    'Xem nội dung rồi xoá nó (rm -r .thidua.lock) và bỏ khỏi kho (git rm -r --cached .thidua.lock, rồi commit); thidua không tự xoá.',
    'Look at it, then remove it (rm -r .thidua.lock) and take it out of the repository (git rm -r --cached .thidua.lock, then commit); thidua does not remove it.',
  ),
  example: '# .thidua.lock/ (a folder, committed)\n',
  check(ctx) {
    const lock = ctx.lock;
    if (!lock) return [];
    const git = lock.tracked
      ? t(
          `; đã commit vào kho: bỏ ra bằng git rm -r --cached ${LOCK_FILE} rồi commit`,
          `; it is committed: take it out with git rm -r --cached ${LOCK_FILE}, then commit`,
        )
      : t('', '');
    const message =
      lock.kind === 'folder'
        ? t(
            `${LOCK_FILE} là một thư mục, không phải khoá của lệnh thidua nào; mọi lệnh ghi dừng ở đó: xem nội dung rồi xoá bằng rm -r ${LOCK_FILE}${git.vi}`,
            `${LOCK_FILE} is a folder, not the lock of any thidua command; every writing command stops at it: look at it, then remove it with rm -r ${LOCK_FILE}${git.en}`,
          )
        : lock.kind === 'link'
          ? t(
              `${LOCK_FILE} là một liên kết (tới ${lock.target ?? '?'}), không phải khoá của lệnh thidua nào; mọi lệnh ghi dừng ở đó: xoá liên kết bằng rm ${LOCK_FILE}${git.vi}`,
              `${LOCK_FILE} is a link (to ${lock.target ?? '?'}), not the lock of any thidua command; every writing command stops at it: remove the link with rm ${LOCK_FILE}${git.en}`,
            )
          : t(
              `${LOCK_FILE} đã được commit vào kho: khoá chỉ thuộc về lệnh thidua đang chạy, không thuộc hồ sơ; bỏ khỏi kho bằng git rm --cached ${LOCK_FILE} rồi commit`,
              `${LOCK_FILE} is committed to the repository: a lock belongs to the running thidua command, not to the records; take it out with git rm --cached ${LOCK_FILE}, then commit`,
            );
    return [{ loc: { file: LOCK_FILE, path: [] }, message }];
  },
});
