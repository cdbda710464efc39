/**
 * Optimal one-to-one assignment (the Hungarian method, O(n³), in the shortest-augmenting-path form of
 * Jonker and Volgenant) on a rectangular score matrix, maximising the total score.
 */

/**
 * Pairs rows with columns so that the sum of `score[row][col]` over the pairs is maximal; pairs whose score is
 * below `threshold` are dropped afterwards. Returns `[row, col]` pairs in row order.
 */
export function assignMax(score: readonly (readonly number[])[], threshold: number): [number, number][] {
  const rows = score.length;
  const cols = rows === 0 ? 0 : (score[0]?.length ?? 0);
  if (rows === 0 || cols === 0) return [];
  const transpose = rows > cols;
  const n = transpose ? cols : rows;
  const m = transpose ? rows : cols;
  const cost = (i: number, j: number): number => -(transpose ? (score[j]?.[i] ?? 0) : (score[i]?.[j] ?? 0));
  // potentials u (rows, 1-based) and v (columns), p[j]: row assigned to column j, way[j]: previous column
  const u = new Float64Array(n + 1);
  const v = new Float64Array(m + 1);
  const p = new Int32Array(m + 1);
  const way = new Int32Array(m + 1);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    const minv = new Float64Array(m + 1).fill(Infinity);
    const used = new Uint8Array(m + 1);
    do {
      used[j0] = 1;
      const i0 = p[j0] as number;
      let delta = Infinity;
      let j1 = 0;
      for (let j = 1; j <= m; j++) {
        if (used[j]) continue;
        const cur = cost(i0 - 1, j - 1) - (u[i0] as number) - (v[j] as number);
        if (cur < (minv[j] as number)) {
          minv[j] = cur;
          way[j] = j0;
        }
        if ((minv[j] as number) < delta) {
          delta = minv[j] as number;
          j1 = j;
        }
      }
      for (let j = 0; j <= m; j++) {
        if (used[j]) {
          u[p[j] as number] = (u[p[j] as number] as number) + delta;
          v[j] = (v[j] as number) - delta;
        } else minv[j] = (minv[j] as number) - delta;
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0] as number;
      p[j0] = p[j1] as number;
      j0 = j1;
    } while (j0 !== 0);
  }
  const pairs: [number, number][] = [];
  for (let j = 1; j <= m; j++) {
    const i = p[j] as number;
    if (i === 0) continue;
    const [row, col] = transpose ? [j - 1, i - 1] : [i - 1, j - 1];
    if ((score[row]?.[col] ?? 0) >= threshold) pairs.push([row, col]);
  }
  return pairs.sort((a, b) => a[0] - b[0]);
}
