/** Test helper: checks that a function runs in linear time by comparing inputs of size n and 8n. */
import { expect } from 'vitest';

const ROUNDS = 5;

/** Mean time of one call, over as many calls as fit in about 20 ms; the best of several such rounds. */
function perCall(f: () => void): number {
  let best = Infinity;
  for (let round = 0; round < ROUNDS; round++) {
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
  // Warm both sizes first, so that neither measurement pays for compiling the code.
  run(small);
  run(large);
  const tSmall = perCall(() => run(small));
  const tLarge = perCall(() => run(large));
  expect(tLarge / tSmall).toBeLessThanOrEqual(16);
}
