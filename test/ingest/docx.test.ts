/** Word ingest: .docx through mammoth; .doc/.wps through LibreOffice, or a clear error naming it. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectFormat, IngestError, ingestAsync } from '../../src/ingest/index.js';
import { convertBytes, CORPUS, fixture, hasCommand } from './pdf-helpers.js';

describe('Word documents', () => {
  it('a .docx gives one paragraph a line, and the graph of the same text', async () => {
    const bytes = fixture('gov-055.docx');
    expect(detectFormat(bytes)).toBe('docx');
    const source = await ingestAsync(bytes, { path: 'gov-055.docx' });
    const text = readFileSync(join(CORPUS, 'gov', '055.txt'), 'utf8');
    expect(source.raw.trim()).toBe(
      text
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean)
        .join('\n'),
    );
    const graph = await convertBytes(bytes, 'gov-055.docx');
    expect(graph.source.format).toBe('docx');
  });

  const OLE = new Uint8Array([
    0xd0,
    0xcf,
    0x11,
    0xe0,
    0xa1,
    0xb1,
    0x1a,
    0xe1,
    ...new Array<number>(504).fill(0),
  ]);
  const hasLibreOffice = hasCommand('libreoffice') || hasCommand('soffice');

  it.skipIf(hasLibreOffice)('a .doc without LibreOffice installed: a clear error naming it', async () => {
    const err = await ingestAsync(OLE, { path: 'old.doc' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IngestError);
    expect((err as IngestError).code).toBe('missing-tool');
    expect((err as IngestError).message).toMatch(/LibreOffice/);
  });
});
