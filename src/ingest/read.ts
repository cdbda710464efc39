/**
 * Reading an input file from disk, with a size limit so that a stray archive or disk image is refused before
 * it is loaded.
 */
import { open } from 'node:fs/promises';
import { IngestError } from './errors.js';

/** The default size limit of an input file: 50 MB. */
export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

/** Options of `readInput`. */
export interface ReadInputOptions {
  /** The largest file accepted, in bytes (default `DEFAULT_MAX_BYTES`). */
  maxBytes?: number;
}

const BYTES_PER_MB = 1024 * 1024;

function tooLarge(path: string, size: number, maxBytes: number): IngestError {
  const mb = (n: number) => (n < BYTES_PER_MB ? `${n} bytes` : `${(n / BYTES_PER_MB).toFixed(1)} MB`);
  return new IngestError(
    'too-large',
    `${path}: is ${mb(size)}, above the ${mb(maxBytes)} limit; check that it is a notice, or raise the limit (maxBytes)`,
    path,
  );
}

/**
 * Reads the file at `path` into bytes. Throws `IngestError` 'too-large' when it exceeds `maxBytes`, and
 * 'unreadable' (with the file-system error as `cause`) when it is missing, a directory or not permitted.
 */
export async function readInput(path: string, options: ReadInputOptions = {}): Promise<Uint8Array> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  try {
    const handle = await open(path, 'r');
    try {
      const { size } = await handle.stat();
      if (size > maxBytes) throw tooLarge(path, size, maxBytes);
      const bytes = await handle.readFile();
      // The file may have grown since stat().
      if (bytes.length > maxBytes) throw tooLarge(path, bytes.length, maxBytes);
      return bytes;
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (error instanceof IngestError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new IngestError('unreadable', `${path}: cannot be read (${reason}); check the path`, path, {
      cause: error,
    });
  }
}
