import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeText, ingest, type SourceEncoding } from '../../src/ingest/index.js';
import { concat, encodeGb18030, encodeGb18030ByIconv, encodeGbkByTable, encodeUtf16be } from './encode.js';

const CORPUS = join(import.meta.dirname, '../../corpus');
const SEED_PATH = join(CORPUS, 'zhengzhou-2020-notice.txt');
const SEED = readFileSync(SEED_PATH, 'utf8');
const SEED_CRLF = SEED.replaceAll('\n', '\r\n');

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const UTF16LE_BOM = [0xff, 0xfe];
const UTF16BE_BOM = [0xfe, 0xff];

/** Every way the seed may arrive as bytes, and the encoding detection must report. */
const ENCODINGS: { name: string; encode: (text: string) => Uint8Array; encoding: SourceEncoding }[] = [
  { name: 'UTF-8', encode: (t) => new Uint8Array(Buffer.from(t, 'utf8')), encoding: 'utf-8' },
  { name: 'UTF-8 with BOM', encode: (t) => concat(UTF8_BOM, Buffer.from(t, 'utf8')), encoding: 'utf-8-bom' },
  {
    name: 'UTF-16 LE with BOM',
    encode: (t) => concat(UTF16LE_BOM, Buffer.from(t, 'utf16le')),
    encoding: 'utf-16le',
  },
  { name: 'UTF-16 BE with BOM', encode: (t) => concat(UTF16BE_BOM, encodeUtf16be(t)), encoding: 'utf-16be' },
  { name: 'GB18030', encode: encodeGb18030, encoding: 'gb18030' },
  { name: 'GBK (table encoder)', encode: encodeGbkByTable, encoding: 'gb18030' },
];

describe('decodeText: the seed in every accepted encoding', () => {
  it.each(ENCODINGS)('$name decodes to the same text', ({ encode, encoding }) => {
    const source = decodeText(encode(SEED), 'seed.txt');
    expect(source).toEqual({ raw: SEED, format: 'txt', encoding, lineEndings: 'lf' });
  });

  it.each(ENCODINGS)('$name keeps CRLF as it is', ({ encode, encoding }) => {
    const source = decodeText(encode(SEED_CRLF));
    expect(source.raw).toBe(SEED_CRLF);
    expect(source.encoding).toBe(encoding);
    expect(source.lineEndings).toBe('crlf');
  });

  it('the GBK table encoder agrees with iconv (when iconv is installed)', () => {
    const viaIconv = encodeGb18030ByIconv(SEED);
    if (viaIconv) expect(encodeGbkByTable(SEED)).toEqual(viaIconv);
  });
});

describe('decodeText: what is kept and reported', () => {
  const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));

  it.each([
    { text: '一\n二\n', lineEndings: 'lf' },
    { text: '一\r\n二\r\n', lineEndings: 'crlf' },
    { text: '一\r二\r', lineEndings: 'cr' },
    { text: '一\r\n二\n三\r', lineEndings: 'mixed' },
    { text: '一行', lineEndings: 'none' },
  ])('line endings of $text are $lineEndings', ({ text, lineEndings }) => {
    expect(decodeText(utf8(text))).toMatchObject({ raw: text, lineEndings });
  });

  it('keeps a stray control character, a form feed and a second U+FEFF in raw', () => {
    const text = '第一页\f第二页\x1b正文\uFEFF完';
    expect(decodeText(concat(UTF8_BOM, utf8(text))).raw).toBe(text);
  });

  it('prefers UTF-8 when GBK bytes are valid UTF-8 by chance (a known ambiguity)', () => {
    // The GBK bytes of "鍙戝竷" are exactly the UTF-8 bytes of "发布".
    const gbk = encodeGbkByTable('鍙戝竷');
    expect(gbk).toEqual(utf8('发布'));
    expect(decodeText(gbk)).toMatchObject({ raw: '发布', encoding: 'utf-8' });
  });

  it('marks Markdown by a .md/.markdown name, and only then', () => {
    const bytes = utf8('# 标题\n\n1. 任务\n');
    expect(decodeText(bytes, 'plan.md').format).toBe('md');
    expect(decodeText(bytes, 'plan.MARKDOWN').format).toBe('md');
    expect(decodeText(bytes, 'plan.txt').format).toBe('txt');
    expect(decodeText(bytes).format).toBe('txt');
  });
});

describe('ingest', () => {
  it('takes a string as text, unchanged', () => {
    expect(ingest('一、总体要求\r\n', {})).toEqual({
      raw: '一、总体要求\r\n',
      format: 'txt',
      encoding: 'utf-16',
      lineEndings: 'crlf',
    });
  });

  it('sends bytes through detection', () => {
    expect(ingest(encodeGb18030(SEED), { path: 'seed.txt' })).toMatchObject({
      raw: SEED,
      encoding: 'gb18030',
    });
  });
});

describe('the corpus', () => {
  const gov = join(CORPUS, 'gov');
  const files = readdirSync(gov).filter((name) => name.endsWith('.txt'));

  it('has text files', () => expect(files.length).toBeGreaterThan(0));

  it.each(files)('gov/%s decodes as UTF-8', (name) => {
    const path = join(gov, name);
    const source = decodeText(readFileSync(path), path);
    expect(source.encoding).toBe('utf-8');
    expect(source.raw).toBe(readFileSync(path, 'utf8'));
  });
});
