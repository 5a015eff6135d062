/**
 * The layers of the code, held by reading every import: each layer imports only the ones below it
 * (README, "How the code is laid out"), and no command imports another command.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT } from '../helpers/workspace.js';

const SRC = join(PROJECT, 'src');

/** Layer of a source file, by its place in src/. */
function layerOf(rel: string): string {
  if (rel === 'errors.ts') return 'errors';
  if (rel === 'cli.ts' || rel.startsWith('cli/')) return 'cli';
  return rel.split('/')[0]!;
}

/** Which layers each layer may import (its own included). */
export const ALLOWED: Record<string, readonly string[]> = {
  errors: ['core'],
  core: ['core', 'errors'],
  render: ['render', 'core', 'errors'],
  flows: ['flows', 'core', 'errors'],
  shell: ['shell', 'core', 'errors', 'render'],
  commands: ['commands', 'core', 'errors', 'render', 'flows', 'shell'],
  cli: ['cli', 'commands', 'core', 'errors', 'shell'],
  bench: ['bench', 'core', 'errors', 'shell', 'render'],
};

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : n.endsWith('.ts') ? [p] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:from\s+|import\s*\(\s*)'(\.{1,2}\/[^']+)'/g)].map((m) => m[1]!);
  return specs.map((s) => relative(SRC, resolve(dirname(file), s)).replace(/\.js$/, '.ts'));
}

describe('layers', () => {
  const all = files(SRC).map((f) => relative(SRC, f));

  it('every layer is known', () => {
    for (const f of all) expect(Object.keys(ALLOWED), f).toContain(layerOf(f));
  });

  it('no import from a lower layer to a higher one', () => {
    const wrong: string[] = [];
    for (const f of all) {
      const from = layerOf(f);
      for (const target of importsOf(join(SRC, f))) {
        const to = layerOf(target);
        if (!ALLOWED[from]!.includes(to)) wrong.push(`${f} (${from}) → ${target} (${to})`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('no command imports another command (only the shared definitions)', () => {
    const wrong: string[] = [];
    // The table lives in definitions.ts and its parts under definitions/; a command's own helpers
    // live in its own folder (commands/<name>/) and only it imports them.
    const shared = (x: string) => x === 'commands/definitions.ts' || x.startsWith('commands/definitions/');
    const own = (f: string, target: string) => target.startsWith(f.replace(/\.ts$/, '/'));
    for (const f of all.filter((x) => x.startsWith('commands/') && !shared(x))) {
      for (const target of importsOf(join(SRC, f)))
        if (target.startsWith('commands/') && !shared(target) && !own(f, target)) wrong.push(`${f} → ${target}`);
    }
    expect(wrong).toEqual([]);
  });

  it('no import circle, type-only imports included (a circle hides which module is below which)', () => {
    const graph = new Map(all.map((f) => [f, importsOf(join(SRC, f)).filter((t) => all.includes(t))]));
    const circles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (f: string, path: string[]): void => {
      if (state.get(f) === 'done') return;
      if (state.get(f) === 'open') {
        circles.push([...path.slice(path.indexOf(f)), f].join(' → '));
        return;
      }
      state.set(f, 'open');
      for (const t of graph.get(f)!) visit(t, [...path, f]);
      state.set(f, 'done');
    };
    for (const f of all) visit(f, []);
    expect(circles).toEqual([]);
  });

  it('commands read no file themselves: no node:fs import in src/commands/', () => {
    const wrong = all.filter(
      (f) =>
        f.startsWith('commands/') &&
        /from 'node:fs'|require\('node:fs'\)|import\('node:fs'\)/.test(readFileSync(join(SRC, f), 'utf8')),
    );
    expect(wrong).toEqual([]);
  });

  it('commands take typed input: no opts[…] look-ups in src/commands/', () => {
    const wrong = all.filter((f) => f.startsWith('commands/') && /opts\['/.test(readFileSync(join(SRC, f), 'utf8')));
    expect(wrong).toEqual([]);
  });
});
