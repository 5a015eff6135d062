/** The closest word by edit distance, for "did you mean" hints. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}

export function closest(word: string, candidates: Iterable<string>, maxDistance = 3): string | null {
  let best: string | null = null;
  let bestD = Infinity;
  const limit = Math.min(maxDistance, Math.max(1, Math.floor(word.length / 2)));
  for (const c of candidates) {
    if (Math.abs(c.length - word.length) > limit) continue;
    const d = editDistance(word, c);
    if (d < bestD || (d === bestD && best !== null && c < best)) {
      best = c;
      bestD = d;
    }
  }
  return bestD <= limit ? best : null;
}

/** Up to `n` candidates ordered by closeness (prefix matches first). */
export function closestMany(word: string, candidates: Iterable<string>, n = 3): string[] {
  const scored: Array<[number, string]> = [];
  for (const c of candidates) {
    const d = c.startsWith(word) || word.startsWith(c) ? 0 : editDistance(word, c);
    scored.push([d, c]);
  }
  scored.sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : 1));
  return scored
    .filter(([d]) => d <= Math.max(3, Math.floor(word.length / 2)))
    .slice(0, n)
    .map(([, c]) => c);
}
