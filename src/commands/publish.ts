/** thidua publish [--from --to] [--out DIR]: the recognised models and individuals as a static web page. */
import type { Input } from './definitions.js';
import { join, resolve } from 'node:path';
import { t } from '../core/diagnostics.js';
import { publishedItems, renderPage } from '../core/publish/page.js';
import { EXIT } from '../errors.js';
import type { CommandContext } from '../shell/context.js';
import { loadAndValidate } from '../shell/load.js';
import { listYears } from '../shell/read-snapshot.js';
import { assertInside, ensureDir, writeFileAtomic } from '../shell/safe-write.js';
import { periodOf } from '../shell/period.js';
import { agencyAsOf } from '../core/agency.js';

export async function run(ctx: CommandContext, input: Input<'publish'>): Promise<number> {
  const root = ctx.root();
  const { from, to } = periodOf(root, input.options);
  const loaded = await loadAndValidate(
    root,
    listYears(root).filter((y) => y >= from && y <= to),
    ctx,
  );
  const items = publishedItems(loaded.workspace, loaded.index, from, to);
  // The agency's name as it is today (after a merger, the new one).
  const agency = loaded.workspace.agency ? agencyAsOf(loaded.workspace.agency.value, ctx.today()) : { name: '' };
  const html = renderPage(agency, items, from, to, `thidua ${ctx.version}`);
  const outDir = input.options.out !== undefined ? resolve(ctx.cwd, input.options.out) : join(root, 'public');
  const file = join(outDir, 'index.html');
  if (input.options.out === undefined) assertInside(root, file);
  ensureDir(outDir);
  writeFileAtomic(file, html);
  if (input.options.json) ctx.out(JSON.stringify({ file, from, to, items: items.length }, null, 2));
  else
    ctx.say(
      t(
        `Đã ghi ${file}: ${items.length} tập thể, cá nhân được công nhận (${from}–${to}). Mở bằng trình duyệt, hoặc đưa cả thư mục lên trang thông tin điện tử.`,
        `Wrote ${file}: ${items.length} recognised (${from}–${to}). Open it in a browser, or put the folder on the website.`,
      ),
    );
  return EXIT.ok;
}
