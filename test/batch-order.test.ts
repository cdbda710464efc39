/** The ordered parallel map of the batch and its progress bar, as units. */
import { describe, expect, it } from 'vitest';
import { orderedMap } from '../src/cli/batch-order.js';
import { Progress } from '../src/cli/progress.js';

async function* count(n: number): AsyncGenerator<number> {
  for (let i = 0; i < n; i++) yield i;
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('orderedMap', () => {
  it('delivers in input order whatever the finishing order, within its bounds', async () => {
    const delivered: number[] = [];
    let running = 0;
    let maxRunning = 0;
    let started = 0;
    let maxAhead = 0;
    await orderedMap(
      count(40),
      async (i) => {
        started++;
        maxAhead = Math.max(maxAhead, started - delivered.length);
        maxRunning = Math.max(maxRunning, ++running);
        await delay((i * 7) % 5);
        running--;
        return i * 2;
      },
      (result, item) => {
        expect(result).toBe(item * 2);
        delivered.push(item);
      },
      { concurrency: 3, window: 6 },
    );
    expect(delivered).toEqual([...Array(40).keys()]);
    expect(maxRunning).toBeLessThanOrEqual(3);
    expect(maxAhead).toBeLessThanOrEqual(6);
  });

  it('starts nothing more once stopped', async () => {
    let started = 0;
    await orderedMap(
      count(100),
      async () => {
        started++;
        await delay(1);
      },
      () => undefined,
      { concurrency: 2, window: 4, stopped: () => started >= 5 },
    );
    expect(started).toBeLessThan(10);
  });
});

describe('Progress', () => {
  it('draws nothing when disabled, and logs lines as they come', () => {
    const out: string[] = [];
    const p = new Progress({ write: (t: string) => out.push(t) }, false);
    p.setTotal({ files: 2, bytes: 100 });
    p.tick(50);
    p.log('a diagnostic');
    p.finish();
    expect(out).toEqual(['a diagnostic\n']);
  });

  it('shows files, MB, rate and ETA, and clears itself before a line', () => {
    const out: string[] = [];
    const p = new Progress({ write: (t: string) => out.push(t), isTTY: true }, true);
    p.setTotal({ files: 4, bytes: 4 * 1024 * 1024 });
    p.tick(1024 * 1024);
    expect(p.line()).toMatch(/\[#{6}\.{18}\] {2}1\/4 files {2}1\.0\/4\.0 MB {2}[\d.]+ MB\/s {2}ETA \S+/);
    p.log('note');
    expect(out.join('')).toContain('\r\x1b[Knote\n');
  });
});
