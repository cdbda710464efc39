/** Precision, recall and F1 of a produced multiset of facts against a gold multiset. */

/** Scores of one kind of fact. */
export interface Score {
  kind: string;
  gold: number;
  found: number;
  tp: number;
  precision: number;
  recall: number;
  f1: number;
  /** A few misses and false positives, for reading. */
  missed: string[];
  spurious: string[];
}

const EXAMPLES = 8;

/** Compares two multisets of keys. */
export function score(kind: string, gold: string[], found: string[]): Score {
  const left = new Map<string, number>();
  for (const g of gold) left.set(g, (left.get(g) ?? 0) + 1);
  let tp = 0;
  const spurious: string[] = [];
  for (const f of found) {
    const n = left.get(f) ?? 0;
    if (n > 0) {
      tp++;
      left.set(f, n - 1);
    } else spurious.push(f);
  }
  const missed = [...left].flatMap(([k, n]) => Array<string>(n).fill(k));
  const precision = found.length === 0 ? (gold.length === 0 ? 1 : 0) : tp / found.length;
  const recall = gold.length === 0 ? 1 : tp / gold.length;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return {
    kind,
    gold: gold.length,
    found: found.length,
    tp,
    precision,
    recall,
    f1,
    missed: missed.slice(0, EXAMPLES),
    spurious: spurious.slice(0, EXAMPLES),
  };
}

/** The scores as a fixed-width table. */
export function table(scores: Score[]): string {
  const head = `${'kind'.padEnd(22)} ${'gold'.padStart(5)} ${'found'.padStart(5)} ${'tp'.padStart(5)}  precision  recall     F1`;
  const rows = scores.map(
    (s) =>
      `${s.kind.padEnd(22)} ${String(s.gold).padStart(5)} ${String(s.found).padStart(5)} ${String(s.tp).padStart(5)}  ${s.precision.toFixed(3).padStart(9)}  ${s.recall.toFixed(3).padStart(6)}  ${s.f1.toFixed(3).padStart(5)}`,
  );
  return [head, ...rows].join('\n');
}
