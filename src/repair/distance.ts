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

/** Two rows of the distance table, reused across calls (the search calls this for many units per name). */
let rows = new Int32Array(64);

/**
 * Edit distance of `a` and `b` when it is at most `max`, else `max + 1`. Cost: O((|a|+|b|) · max), no allocation;
 * only the band of the table within `max` of the diagonal is filled, and a row whose cells all exceed `max` stops.
 */
export function boundedDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let p = 0;
  while (p < a.length && p < b.length && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  let s = 0;
  while (
    s < a.length - p &&
    s < b.length - p &&
    a.charCodeAt(a.length - 1 - s) === b.charCodeAt(b.length - 1 - s)
  )
    s++;
  const n = a.length - p - s;
  const m = b.length - p - s;
  const big = max + 1;
  if (n === 0 || m === 0) return Math.min(Math.max(n, m), big);
  if (rows.length < 2 * (m + 1)) rows = new Int32Array(2 * (m + 1));
  let prev = 0;
  let cur = m + 1;
  for (let j = 0; j <= m; j++) rows[prev + j] = j <= max ? j : big;
  for (let i = 1; i <= n; i++) {
    const lo = Math.max(1, i - max);
    const hi = Math.min(m, i + max);
    // Cells next to the band stay out of reach, as the rest of the row (only these are read by the next row).
    rows[cur] = i <= max ? i : big;
    if (lo > 1) rows[cur + lo - 1] = big;
    if (hi < m) rows[cur + hi + 1] = big;
    let best = rows[cur]!;
    const x = a.charCodeAt(p + i - 1);
    for (let j = lo; j <= hi; j++) {
      const sub = rows[prev + j - 1]! + (x === b.charCodeAt(p + j - 1) ? 0 : 1);
      const d = Math.min(big, sub, rows[prev + j]! + 1, rows[cur + j - 1]! + 1);
      rows[cur + j] = d;
      if (d < best) best = d;
    }
    if (best > max) return big;
    const done = prev;
    prev = cur;
    cur = done;
  }
  return Math.min(rows[prev + m]!, big);
}

/**
 * A 32-bit summary of the characters of `s`: bit c mod 32 for each UTF-16 unit c. It gives a cheap bound for
 * `boundedDistance` (`withinSignatures`).
 */
export function signature(s: string): number {
  let bits = 0;
  for (let i = 0; i < s.length; i++) bits |= 1 << (s.charCodeAt(i) & 31);
  return bits;
}

/**
 * False when two strings with signatures `a` and `b` cannot lie within `max` edits: every bit that one has and the
 * other lacks stands for a character that only an edit can bring in, one per edit.
 */
export function withinSignatures(a: number, b: number, max: number): boolean {
  return bitCount(a & ~b) <= max && bitCount(b & ~a) <= max;
}

/** Number of bits set in a 32-bit integer. */
function bitCount(bits: number): number {
  let x = bits - ((bits >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
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
