/**
 * Word ingest: .docx through mammoth (its raw text, one paragraph a line, automatic list numbers kept). Other office
 * documents (.doc and .wps, .odt, .rtf; spreadsheets .xls, .et, .ods) are first converted to .docx or .xlsx by
 * LibreOffice when it is installed (`libreoffice`/`soffice` on PATH), and refused with a clear error naming it
 * otherwise.
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

/** A document LibreOffice converts first: what it is (for messages), its extension, and what to convert it to. */
export interface OfficeKind {
  label: string;
  ext: string;
  to: 'docx' | 'xlsx';
}

/** Word 97–2003 or WPS text (.doc/.wps). */
export const LEGACY_WORD: OfficeKind = {
  label: 'a Word 97–2003 or WPS document (.doc/.wps)',
  ext: 'doc',
  to: 'docx',
};

/**
 * Converts a document with LibreOffice (to .docx, or to .xlsx for a spreadsheet), then reads the result as convert
 * reads a .docx or .xlsx. Throws 'missing-tool' without LibreOffice.
 */
export async function ingestThroughOffice(
  bytes: Uint8Array,
  kind: OfficeKind,
  path?: string,
): Promise<Source> {
  const command = await findCommand(LIBREOFFICE);
  if (!command)
    throw new IngestError(
      'missing-tool',
      `${describeInput(path)}: is ${kind.label}, which needs LibreOffice to convert; install it (${LIBREOFFICE_INSTALL}) or save the file as .${kind.to} and try again`,
      path,
    );
  const dir = await mkdtemp(join(tmpdir(), 'gongwen-office-'));
  try {
    const input = join(dir, `input.${kind.ext}`);
    await writeFile(input, bytes);
    // Its own profile folder: a LibreOffice the user has open (or another conversion) does not block this one.
    const profile = `-env:UserInstallation=file://${join(dir, 'profile')}`;
    const args = [profile, '--headless', '--convert-to', kind.to, '--outdir', dir, input];
    await runTool({ command, install: LIBREOFFICE_INSTALL }, args, path, CONVERT_TIMEOUT_MS);
    const out = await readFile(join(dir, `input.${kind.to}`)).catch((err: unknown) => {
      throw new IngestError(
        'tool-failed',
        `${describeInput(path)}: LibreOffice could not convert ${kind.label} to .${kind.to}; open it in an office program and save it as .${kind.to}`,
        path,
        { cause: err },
      );
    });
    if (kind.to === 'xlsx') return (await import('./table/xlsx.js')).ingestXlsx(out, path);
    return await ingestDocx(out, path);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
