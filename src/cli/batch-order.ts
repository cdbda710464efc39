/**
 * Ordered parallel map over a stream: items run concurrently (bounded with p-limit) and their results are
 * delivered strictly in input order, so what a batch prints does not depend on scheduling. At most `window`
 * items are started and not yet delivered, which bounds both the results held back and the items read ahead.
 */
import pLimit from 'p-limit';

/** Bounds of `orderedMap`. */
export interface OrderedMapOptions {
  /** Items running at once. */
  concurrency: number;
  /** Items started but not yet delivered (≥ concurrency). */
  window: number;
  /** Checked before each new item: when it returns true, no more items are started. */
  stopped?: () => boolean;
}

/** Runs `run` on every item of `source` and hands each result to `deliver`, in input order. */
export async function orderedMap<T, R>(
  source: AsyncIterable<T>,
  run: (item: T, index: number) => Promise<R>,
  deliver: (result: R, item: T, index: number) => void | Promise<void>,
  options: OrderedMapOptions,
): Promise<void> {
  const limit = pLimit(options.concurrency);
  const ready = new Map<number, { item: T; result: R }>();
  let started = 0;
  let delivered = 0;
  let wake: (() => void) | null = null;
  let failure: unknown = null;
  let flushing = Promise.resolve();

  const flush = async (): Promise<void> => {
    for (let next = ready.get(delivered); next; next = ready.get(delivered)) {
      ready.delete(delivered);
      await deliver(next.result, next.item, delivered);
      delivered++;
    }
    wake?.();
  };
  const settle = (index: number, item: T, result: R): void => {
    ready.set(index, { item, result });
    flushing = flushing.then(flush).catch((err: unknown) => {
      failure ??= err;
      wake?.();
    });
  };
  const room = (): Promise<void> =>
    new Promise((resolve) => {
      wake = () => {
        wake = null;
        resolve();
      };
    });

  for await (const item of source) {
    while (started - delivered >= options.window && failure === null) await room();
    if (failure !== null || options.stopped?.()) break;
    const index = started++;
    void limit(() => run(item, index)).then(
      (result) => settle(index, item, result),
      (err: unknown) => {
        failure ??= err;
        wake?.();
      },
    );
  }
  while (delivered < started && failure === null && !options.stopped?.()) await room();
  if (failure !== null) throw failure;
}
