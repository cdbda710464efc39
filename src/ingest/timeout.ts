/**
 * A time limit around work that might never finish (a hostile PDF can keep a parser busy): the promise is
 * rejected with IngestError 'timeout' and `cancel` is called to stop the work.
 */
import { describeInput, IngestError } from './errors.js';

/** The default time limit of reading one input: two minutes. */
export const DEFAULT_TIMEOUT_MS = 120_000;

/** Resolves as `work` does, or rejects with 'timeout' after `ms` milliseconds (then calls `cancel`). */
export async function withTimeout<T>(
  work: Promise<T>,
  ms: number,
  path: string | undefined,
  cancel: () => unknown,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      void Promise.resolve(cancel()).catch(() => undefined);
      reject(
        new IngestError(
          'timeout',
          `${describeInput(path)}: reading took longer than ${Math.round(ms / 1000)} s and was stopped; the file may be damaged or hostile — open it in a viewer and re-save it, or raise the limit (timeoutMs)`,
          path,
        ),
      );
    }, ms);
  });
  try {
    return await Promise.race([work, limit]);
  } finally {
    clearTimeout(timer);
  }
}
