/** Test helper: checks that a function runs in linear time by comparing inputs of size n and 8n. */
import { expect } from 'vitest';

/** Mean time of one call, over as many calls as fit in about 20 ms; the best of three such rounds. */
function perCall(f: () => void): number {
  let best = Infinity;
  for (let round = 0; round < 3; round++) {
    const t0 = performance.now();
    let calls = 0;
    let elapsed: number;
    do {
      f();
      calls++;
      elapsed = performance.now() - t0;
    } while (elapsed < 20);
    best = Math.min(best, elapsed / calls);
  }
  return best;
}

/** Asserts time(make(8n)) ≤ 16 · time(make(n)) (never an absolute time). */
export function expectLinear(run: (s: string) => unknown, make: (n: number) => string, n = 4000): void {
  const small = make(n);
  const large = make(8 * n);
  expect(perCall(() => run(large)) / perCall(() => run(small))).toBeLessThanOrEqual(16);
}
