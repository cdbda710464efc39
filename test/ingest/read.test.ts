import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_MAX_BYTES, decodeText, readInput } from '../../src/ingest/index.js';

const dir = mkdtempSync(join(tmpdir(), 'gongwen-ingest-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const file = join(dir, 'notice.txt');
writeFileSync(file, '关于印发攻坚方案的通知\n');

describe('readInput', () => {
  it('reads the bytes of a file', async () => {
    expect(decodeText(await readInput(file), file).raw).toBe('关于印发攻坚方案的通知\n');
  });

  it('has a 50 MB default limit', () => expect(DEFAULT_MAX_BYTES).toBe(50 * 1024 * 1024));

  it.each([
    {
      name: 'a file over the limit',
      path: file,
      maxBytes: 10,
      code: 'too-large',
      says: /above the .* limit/,
    },
    {
      name: 'a missing file',
      path: join(dir, 'missing.txt'),
      maxBytes: undefined,
      code: 'unreadable',
      says: /ENOENT/,
    },
    { name: 'a directory', path: dir, maxBytes: undefined, code: 'unreadable', says: /cannot be read/ },
  ])('refuses $name with $code', async ({ path, maxBytes, code, says }) => {
    const read = readInput(path, { maxBytes });
    await expect(read).rejects.toMatchObject({ name: 'IngestError', code, path });
    await expect(read).rejects.toThrow(says);
  });

  it('accepts a file exactly at the limit', async () => {
    const size = Buffer.byteLength('关于印发攻坚方案的通知\n');
    expect((await readInput(file, { maxBytes: size })).length).toBe(size);
  });
});
