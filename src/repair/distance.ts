/**
 * Bounded edit distance (Levenshtein over UTF-16 units) and the edit script between two short strings, for the
 * gazetteer-aware unit name repair. The bound keeps the work linear in the length of the strings.
 */

/** One edit turning a written name into a known one: replace, delete or insert before index `at` of the written. */
export interface EditOp {
  kind: 'sub' | 'del' | 'ins';
  /** Index in the written string (for `ins`: the character it goes before). */
  at: number;
  /** The character the known name has there ('' for `del`). */
  text: string;
}

/** Edit distance of `a` and `b` when it is at most `max`, else `max + 1`. Cost: O((|a|+|b|) · max). */
export function boundedDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let p = 0;
  while (p < a.length && p < b.length && a[p] === b[p]) p++;
  let s = 0;
  while (s < a.length - p && s < b.length - p && a[a.length - 1 - s] === b[b.length - 1 - s]) s++;
  const x = a.slice(p, a.length - s);
  const y = b.slice(p, b.length - s);
  if (x.length === 0 || y.length === 0) return Math.min(Math.max(x.length, y.length), max + 1);
  const big = max + 1;
  let prev = new Array<number>(y.length + 1);
  for (let j = 0; j <= y.length; j++) prev[j] = j <= max ? j : big;
  for (let i = 1; i <= x.length; i++) {
    const cur = new Array<number>(y.length + 1).fill(big);
    if (i <= max) cur[0] = i;
    let best = cur[0]!;
    for (let j = Math.max(1, i - max); j <= Math.min(y.length, i + max); j++) {
      const sub = prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1);
      cur[j] = Math.min(big, sub, prev[j]! + 1, cur[j - 1]! + 1);
      best = Math.min(best, cur[j]!);
    }
    if (best > max) return big;
    prev = cur;
  }
  return Math.min(prev[y.length]!, big);
}

/** The edits turning `written` into `known` along one cheapest alignment (for short strings only). */
export function editScript(written: string, known: string): EditOp[] {
  const n = written.length;
  const m = known.length;
  const d: number[][] = Array.from({ length: n + 1 }, (_, i) =>
    Array.from({ length: m + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= n; i++)
    for (let j = 1; j <= m; j++)
      d[i]![j] = Math.min(
        d[i - 1]![j - 1]! + (written[i - 1] === known[j - 1] ? 0 : 1),
        d[i - 1]![j]! + 1,
        d[i]![j - 1]! + 1,
      );
  const ops: EditOp[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const here = d[i]![j]!;
    if (i > 0 && j > 0 && here === d[i - 1]![j - 1]! + (written[i - 1] === known[j - 1] ? 0 : 1)) {
      if (written[i - 1] !== known[j - 1]) ops.push({ kind: 'sub', at: i - 1, text: known[j - 1]! });
      i--;
      j--;
    } else if (i > 0 && here === d[i - 1]![j]! + 1) {
      ops.push({ kind: 'del', at: i - 1, text: '' });
      i--;
    } else {
      ops.push({ kind: 'ins', at: i, text: known[j - 1]! });
      j--;
    }
  }
  return ops.reverse();
}
