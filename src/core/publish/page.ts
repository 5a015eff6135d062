/**
 * The web page of recognised models and individuals: one self-contained index.html (inline CSS and
 * script allowed by hash in a Content-Security-Policy, no external request), accessible, printable,
 * good on a phone. Every text from the records is escaped.
 */
import { periodOf, roundName, type Period } from '../period.js';
import { createHash } from 'node:crypto';
import type { Workspace } from '../records/workspace.js';
import { fold } from '../text/fold.js';
import type { WorkspaceIndex } from '../records/index.js';

export interface PublishedItem {
  year: number;
  kind: 'collective' | 'individual';
  name: string;
  department: string;
  position: string;
  title: string;
  initiative: string;
  newFactor: boolean;
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export function publishedItems(ws: Workspace, index: WorkspaceIndex, from: number, to: number): PublishedItem[] {
  const out: PublishedItem[] = [];
  for (const round of [...ws.rounds].sort((a, b) => a.year - b.year)) {
    if (round.year < from || round.year > to || !round.tally) continue;
    for (const r of round.tally.value.results) {
      // The page shows the plan's models and examples, not the statutory titles of a year-end round.
      if (!r.recognised || r.award !== undefined) continue;
      const n = round.nominations.find((x) => x.value.id === r.nomination)?.value;
      if (!n) continue;
      const person = r.person ? index.people.get(r.person)?.value : undefined;
      out.push({
        year: round.year,
        kind: r.kind,
        name:
          r.kind === 'collective' ? `Tập thể ${index.departmentName(r.department)}` : (person?.name ?? r.person ?? ''),
        department: index.departmentName(r.department),
        position: person?.position ?? '',
        title: n.title,
        initiative: n.kind === 'collective' ? (n.initiative ?? '').trim() : '',
        newFactor: n.new_factor === true,
      });
    }
  }
  return out;
}

const CSS = `
:root { --ink: #1b1b1b; --muted: #555; --accent: #a4161a; --line: #ddd; --bg: #fffdf8; }
* { box-sizing: border-box; }
body { margin: 0; font: 17px/1.55 "Times New Roman", "Noto Serif", Georgia, serif; color: var(--ink); background: var(--bg); }
header, main, footer { max-width: 960px; margin: 0 auto; padding: 1rem 1.25rem; }
header { border-bottom: 3px double var(--accent); }
h1 { font-size: 1.6rem; margin: .2rem 0; color: var(--accent); }
h2 { font-size: 1.3rem; margin: 2rem 0 .5rem; border-bottom: 1px solid var(--line); }
h3 { font-size: 1.05rem; margin: .2rem 0; }
.agency { text-transform: uppercase; letter-spacing: .03em; color: var(--muted); margin: 0; }
.search { margin: 1rem 0; }
.search label { display: block; font-weight: bold; margin-bottom: .25rem; }
.search input { width: 100%; font: inherit; padding: .55rem .7rem; border: 2px solid #888; border-radius: 6px; }
.search input:focus { outline: 3px solid #f2b705; outline-offset: 1px; border-color: var(--ink); }
#count { color: var(--muted); margin: .3rem 0 0; }
ul.items { list-style: none; padding: 0; margin: 0; display: grid; gap: .75rem; }
li.item { background: #fff; border: 1px solid var(--line); border-left: 5px solid var(--accent); border-radius: 6px; padding: .7rem .9rem; }
li.item[data-kind="individual"] { border-left-color: #1d4e89; }
.meta { color: var(--muted); font-size: .92rem; margin: 0; }
.badge { display: inline-block; font-size: .8rem; background: #f2b705; color: #000; border-radius: 3px; padding: 0 .35rem; margin-left: .3rem; }
details summary { cursor: pointer; color: #1d4e89; }
figure { margin: 1rem 0; }
svg { max-width: 100%; height: auto; }
.legend span { display: inline-block; margin-right: 1rem; }
.swatch { display: inline-block; width: .9rem; height: .9rem; vertical-align: -.1rem; margin-right: .3rem; }
table.data { border-collapse: collapse; margin-top: .5rem; }
table.data th, table.data td { border: 1px solid var(--line); padding: .2rem .6rem; text-align: right; }
table.data th:first-child, table.data td:first-child { text-align: left; }
[hidden] { display: none !important; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
@media (max-width: 600px) { body { font-size: 16px; } h1 { font-size: 1.3rem; } }
@media print {
  .search, #count, details summary { display: none; }
  details > *:not(summary) { display: block; }
  li.item { break-inside: avoid; border-left-width: 2px; }
  body { background: #fff; }
}
`.trim();

const SCRIPT = `
(function () {
  var input = document.getElementById('q');
  var items = Array.prototype.slice.call(document.querySelectorAll('li.item'));
  var sections = Array.prototype.slice.call(document.querySelectorAll('section.year'));
  var count = document.getElementById('count');
  function fold(s) { return s.normalize('NFD').replace(/[\\u0300-\\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase(); }
  function apply() {
    var q = fold(input.value.trim());
    var shown = 0;
    items.forEach(function (li) { var hit = !q || li.getAttribute('data-search').indexOf(q) >= 0; li.hidden = !hit; if (hit) shown++; });
    sections.forEach(function (s) { s.hidden = !s.querySelector('li.item:not([hidden])'); });
    count.textContent = q ? ('Tìm thấy ' + shown + ' / ' + items.length + ' tập thể, cá nhân') : (items.length + ' tập thể, cá nhân được công nhận');
  }
  input.addEventListener('input', apply);
  apply();
})();
`.trim();

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('base64');
}

function chart(items: PublishedItem[], years: number[]): string {
  const per = years.map((y) => ({
    year: y,
    c: items.filter((i) => i.year === y && i.kind === 'collective').length,
    i: items.filter((i) => i.year === y && i.kind === 'individual').length,
  }));
  const max = Math.max(1, ...per.map((p) => Math.max(p.c, p.i)));
  const band = 90;
  const width = Math.max(320, 60 + per.length * band);
  const height = 240;
  const base = 200;
  const scale = (v: number) => Math.round((v / max) * 160);
  const bars = per
    .map((p, k) => {
      const x = 60 + k * band;
      const hc = scale(p.c);
      const hi = scale(p.i);
      return [
        `<rect class="bar-c" x="${x}" y="${base - hc}" width="30" height="${hc}" fill="#a4161a"><title>${p.year}: ${p.c} tập thể</title></rect>`,
        `<rect class="bar-i" x="${x + 34}" y="${base - hi}" width="30" height="${hi}" fill="#1d4e89"><title>${p.year}: ${p.i} cá nhân</title></rect>`,
        `<text x="${x + 15}" y="${base - hc - 6}" text-anchor="middle" font-size="14">${p.c}</text>`,
        `<text x="${x + 49}" y="${base - hi - 6}" text-anchor="middle" font-size="14">${p.i}</text>`,
        `<text x="${x + 32}" y="${base + 22}" text-anchor="middle" font-size="15">${p.year}</text>`,
      ].join('');
    })
    .join('');
  const desc = per.map((p) => `${p.year}: ${p.c} tập thể, ${p.i} cá nhân`).join('; ');
  return `<figure>
<svg role="img" aria-labelledby="chart-title chart-desc" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg">
<title id="chart-title">Số tập thể, cá nhân được công nhận theo năm</title>
<desc id="chart-desc">${escapeHtml(desc)}</desc>
<line x1="50" y1="${base}" x2="${width - 10}" y2="${base}" stroke="#555"/>
${bars}
</svg>
<figcaption class="legend"><span><span class="swatch" style="background:#a4161a"></span>Mô hình tiêu biểu (tập thể)</span><span><span class="swatch" style="background:#1d4e89"></span>Gương điển hình tiên tiến (cá nhân)</span></figcaption>
<table class="data"><caption class="visually-hidden">Số liệu của biểu đồ</caption><thead><tr><th scope="col">Năm</th><th scope="col">Tập thể</th><th scope="col">Cá nhân</th></tr></thead><tbody>
${per.map((p) => `<tr><th scope="row">${p.year}</th><td>${p.c}</td><td>${p.i}</td></tr>`).join('\n')}
</tbody></table>
</figure>`;
}

export function renderPage(
  agency: { name: string; parent?: string; period?: Period },
  items: PublishedItem[],
  from: number,
  to: number,
  generator: string,
): string {
  const years: number[] = [];
  for (let y = from; y <= to; y++) if (items.some((i) => i.year === y)) years.push(y);
  const item = (i: PublishedItem) => {
    const search = fold(`${i.name} ${i.department} ${i.position} ${i.title}`);
    const who = i.kind === 'individual' ? `${escapeHtml(i.name)}` : escapeHtml(i.name);
    const meta =
      i.kind === 'individual'
        ? `${escapeHtml([i.position, i.department].filter(Boolean).join(', '))}`
        : 'Mô hình tiêu biểu';
    return `<li class="item" data-kind="${i.kind}" data-search="${escapeHtml(search)}">
<h3>${who}${i.newFactor ? '<span class="badge">Nhân tố mới</span>' : ''}</h3>
<p class="meta">${meta}</p>
<p>${escapeHtml(i.title)}</p>${i.initiative ? `\n<details><summary>Bản mô tả mô hình</summary><p>${escapeHtml(i.initiative).replace(/\n/g, '<br>')}</p></details>` : ''}
</li>`;
  };
  const sections = years
    .map((y) => {
      const mine = items.filter((i) => i.year === y);
      // A school's rounds are school years: "Năm học 2024 - 2025".
      const heading = roundName(y, periodOf(agency)).replace(/^n/, 'N');
      return `<section class="year" aria-labelledby="y${y}"><h2 id="y${y}">${heading}</h2>
<ul class="items">
${mine.map(item).join('\n')}
</ul></section>`;
    })
    .join('\n');
  const csp = `default-src 'none'; style-src 'sha256-${sha256(CSS)}'; script-src 'sha256-${sha256(SCRIPT)}'; img-src data:`;
  // The legend swatches use inline styles: give them a class instead so the policy stays strict.
  const body = chart(items, years)
    .replace(/ style="background:#a4161a"/g, ' data-c')
    .replace(/ style="background:#1d4e89"/g, ' data-i');
  const css = CSS + '\n.swatch[data-c] { background: #a4161a; } .swatch[data-i] { background: #1d4e89; }';
  const cspFinal = csp.replace(sha256(CSS), sha256(css));
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${cspFinal}">
<meta name="generator" content="${escapeHtml(generator)}">
<title>Mô hình tiêu biểu và gương điển hình tiên tiến ${from}–${to} — ${escapeHtml(agency.name)}</title>
<style>${css}</style>
</head>
<body>
<header>
${agency.parent ? `<p class="agency">${escapeHtml(agency.parent)}</p>` : ''}
<p class="agency"><strong>${escapeHtml(agency.name)}</strong></p>
<h1>Mô hình tiêu biểu và gương điển hình tiên tiến xuất sắc ${from}–${to}</h1>
</header>
<main>
<div class="search" role="search">
<label for="q">Tìm theo tên tập thể, cá nhân hoặc phòng</label>
<input id="q" type="search" autocomplete="off" placeholder="Tên tập thể, cá nhân hoặc phòng">
<p id="count" aria-live="polite"></p>
</div>
<section aria-labelledby="chart-h"><h2 id="chart-h">Số được công nhận theo năm</h2>
${body}
</section>
${sections || '<p>Chưa có tập thể, cá nhân nào được công nhận trong giai đoạn này.</p>'}
</main>
<footer><p class="meta">Trang do thidua lập từ hồ sơ của Hội đồng Thi đua - Khen thưởng.</p></footer>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
