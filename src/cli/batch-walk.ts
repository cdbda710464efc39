/**
 * The inputs of a folder, streamed: one directory's entries are held at a time, never the whole archive's
 * list, so memory stays flat however many files there are.
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** Extensions a folder walk picks up (content decides the format; these only select files). */
export const INPUT_EXTENSIONS = new Set([
  '.txt',
  '.text',
  '.md',
  '.markdown',
  '.pdf',
  '.html',
  '.htm',
  '.docx',
  '.doc',
  '.wps',
  '.odt',
  '.rtf',
  '.csv',
  '.tsv',
  '.xlsx',
  '.xls',
  '.et',
  '.ods',
]);

/** Scanned images, picked up only when they are to be OCR'd (`--ocr`): a folder's other pictures are no notices. */
export const IMAGE_EXTENSIONS = new Set(['.png', '.jpg', '.jpeg', '.tif', '.tiff']);

/** Whether a file name is that of a scanned image. */
export function isImageName(name: string): boolean {
  const dot = name.lastIndexOf('.');
  return dot > 0 && IMAGE_EXTENSIONS.has(name.slice(dot).toLowerCase());
}

const byName = (a: { name: string }, b: { name: string }): number =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : 0;

function isInput(name: string): boolean {
  const dot = name.lastIndexOf('.');
  return dot > 0 && INPUT_EXTENSIONS.has(name.slice(dot).toLowerCase());
}

/**
 * Files of a folder, depth first in name order (deterministic), hidden entries skipped; `also` admits more
 * names than the inputs of convert (the archive takes graph JSON too).
 */
export async function* walk(dir: string, also?: (name: string) => boolean): AsyncGenerator<string> {
  const entries = (await readdir(dir, { withFileTypes: true })).sort(byName);
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const path = join(dir, e.name);
    if (e.isDirectory()) yield* walk(path, also);
    else if (e.isFile() && (isInput(e.name) || also?.(e.name) === true)) yield path;
  }
}

/** How many inputs a folder holds and their total size, for the progress bar (a second, cheap walk). */
export async function countInputs(
  dir: string,
  also?: (name: string) => boolean,
): Promise<{ files: number; bytes: number }> {
  let files = 0;
  let bytes = 0;
  for await (const path of walk(dir, also)) {
    files++;
    bytes += await stat(path).then(
      (s) => s.size,
      () => 0,
    );
  }
  return { files, bytes };
}
