/**
 * Character alignment of an OCR reading with the text it was read from (Myers' O(ND) difference), blanks left out:
 * which character of the truth each character of the reading stands for. Used to score repairs of misread
 * characters against their source (src/eval/ocr-words.ts) without gold annotations.
 */

/** A text without its blanks, with the offset of each kept character in the text. */
export interface Compact {
  text: string;
  offsets: number[];
}

/** `text` without whitespace, each kept character's offset in `text` beside it. */
export function compact(text: string): Compact {
  let out = '';
  const offsets: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (/\s/.test(text[i]!)) continue;
    out += text[i];
    offsets.push(i);
  }
  return { text: out, offsets };
}

/**
 * For each index of `b`, the index of `a` it is aligned with as the same or a substituted character (-1 for a
 * character of `b` that `a` lacks). A run of deletions and insertions of equal length between two matches is read as
 * substitutions, one for one. `maxD` bounds the work (edit distance; beyond it the alignment is not attempted).
 */
export function alignIndex(a: string, b: string, maxD = 4000): Int32Array {
  const n = a.length;
  const m = b.length;
  const off = maxD + 1;
  const v = new Int32Array(2 * maxD + 3);
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= maxD && found < 0; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && v[off + k - 1]! < v[off + k + 1]!) ? v[off + k + 1]! : v[off + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a.charCodeAt(x) === b.charCodeAt(y)) {
        x++;
        y++;
      }
      v[off + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
  }
  const out = new Int32Array(m).fill(-1);
  if (found < 0) return out;
  // Walk back (trace[d] is the state before round d): collect the matched pairs.
  const matches: [number, number][] = [];
  let x = n;
  let y = m;
  for (let d = found; d >= 0; d--) {
    const vd = trace[d]!;
    const k = x - y;
    const prevK = k === -d || (k !== d && vd[off + k - 1]! < vd[off + k + 1]!) ? k + 1 : k - 1;
    const px = vd[off + prevK]!;
    const py = px - prevK;
    while (x > px && y > py && x > 0 && y > 0) {
      matches.push([x - 1, y - 1]);
      x--;
      y--;
    }
    if (d > 0) {
      x = px;
      y = py;
    }
  }
  matches.reverse();
  // Matched pairs, then equal-length gaps between them as substitutions.
  let pa = 0;
  let pb = 0;
  const fill = (ea: number, eb: number): void => {
    if (ea - pa === eb - pb) for (let i = 0; i < eb - pb; i++) out[pb + i] = pa + i;
  };
  for (const [i, j] of matches) {
    fill(i, j);
    out[j] = i;
    pa = i + 1;
    pb = j + 1;
  }
  fill(n, m);
  return out;
}
