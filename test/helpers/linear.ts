/** Test helper: checks that a function runs in linear time by comparing inputs of size n and 8n. */
import { expect } from 'vitest';

const ROUNDS = 7;
const ATTEMPTS = 3;
const BOUND = 24;

/** Mean time of one call over as many calls as fit in about 20 ms. */
function oneRound(f: () => void): number {
  const t0 = performance.now();
  let calls = 0;
  let elapsed: number;
  do {
    f();
    calls++;
    elapsed = performance.now() - t0;
  } while (elapsed < 20);
  return elapsed / calls;
}

/**
 * Asserts time(make(8n)) ≤ 24 · time(make(n)) (never an absolute time): linear code gives about 8 (up to some 17
 * with the garbage collection a large input brings on a loaded machine), quadratic code 64.
 * The two sizes are timed in alternating rounds and the best round of each is compared, so that a load on the
 * machine (other processes, a garbage collection) that slows one stretch of time slows both sizes alike.
 */
export function expectLinear(run: (s: string) => unknown, make: (n: number) => string, n = 4000): void {
  const small = make(n);
  const large = make(8 * n);
  // Warm both sizes first, so that neither measurement pays for compiling the code.
  run(small);
  run(large);
  // A ratio over the bound is measured again (up to ATTEMPTS times in all) and the lowest kept: a load burst
  // rarely lasts through every attempt, while quadratic code (64) never gets under the bound.
  let ratio = Infinity;
  for (let attempt = 0; attempt < ATTEMPTS && ratio > BOUND; attempt++) {
    let tSmall = Infinity;
    let tLarge = Infinity;
    for (let round = 0; round < ROUNDS; round++) {
      tSmall = Math.min(
        tSmall,
        oneRound(() => run(small)),
      );
      tLarge = Math.min(
        tLarge,
        oneRound(() => run(large)),
      );
    }
    ratio = Math.min(ratio, tLarge / tSmall);
  }
  expect(ratio).toBeLessThanOrEqual(BOUND);
}
