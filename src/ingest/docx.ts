/**
 * Word ingest: .docx through mammoth (its raw text, one paragraph a line, automatic list numbers kept); .doc and .wps (OLE compound files)
 * are first converted to .docx by LibreOffice when it is installed (`libreoffice`/`soffice` on PATH), and
 * refused with a clear error naming it otherwise.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { docxWithListNumbers } from './docx-numbering.js';
import { describeInput, IngestError } from './errors.js';
import { assertNotBlank } from './text.js';
import { findCommand, runTool } from './tools.js';
import type { Source } from './types.js';

const LIBREOFFICE = ['libreoffice', 'soffice'];
const LIBREOFFICE_INSTALL = 'apt-get install libreoffice-writer';
const CONVERT_TIMEOUT_MS = 180_000;

/**
 * Reads a .docx into a Source (format 'docx', encoding 'utf-8': the XML inside is UTF-8); list numbers Word computes
 * are written into the text first (src/ingest/docx-numbering.ts).
 */
export async function ingestDocx(input: Uint8Array, path?: string): Promise<Source> {
  let value: string;
  let bytes: Uint8Array;
  try {
    bytes = await docxWithListNumbers(input); // Word's automatic numbers (一、 (一) 1.) become text
    ({ value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) }));
  } catch (err) {
    throw new IngestError(
      'unreadable',
      `${describeInput(path)}: the Word document cannot be read (${(err as Error).message}); open it in Word or LibreOffice and save it again as .docx`,
      path,
      { cause: err },
    );
  }
  const raw =
    value
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '')
      .join('\n') + '\n';
  assertNotBlank(raw.trim(), path);
  const tabled = await (await import('./table/docx.js')).docxWithTables(bytes); // task tables keep their grid
  return { ...(tabled ?? { raw }), format: 'docx', encoding: 'utf-8', lineEndings: 'lf' };
}

/** Converts a .doc/.wps with LibreOffice, then reads the .docx. Throws 'missing-tool' without LibreOffice. */
export async function ingestLegacyWord(bytes: Uint8Array, path?: string): Promise<Source> {
  const command = await findCommand(LIBREOFFICE);
  if (!command)
    throw new IngestError(
      'missing-tool',
      `${describeInput(path)}: is a Word 97–2003 or WPS document (.doc/.wps), which needs LibreOffice to convert; install it (${LIBREOFFICE_INSTALL}) or save the file as .docx and try again`,
      path,
    );
  const dir = await mkdtemp(join(tmpdir(), 'gongwen-doc-'));
  try {
    const input = join(dir, 'input.doc');
    await writeFile(input, bytes);
    const args = ['--headless', '--convert-to', 'docx', '--outdir', dir, input];
    await runTool({ command, install: LIBREOFFICE_INSTALL }, args, path, CONVERT_TIMEOUT_MS);
    return { ...(await ingestDocx(await readFile(join(dir, 'input.docx')), path)) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
