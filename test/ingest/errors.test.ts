import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  decodeText,
  detectFormat,
  IngestError,
  ingest,
  type DetectedFormat,
  type IngestErrorCode,
} from '../../src/ingest/index.js';
import { concat, encodeGb18030 } from './encode.js';

const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));
const ascii = (text: string) => Array.from(text, (c) => c.charCodeAt(0));

/** Deterministic noise (mulberry32), so that a test of "random bytes" is the same on every run. */
function randomBytes(length: number, seed: number): Uint8Array {
  let state = seed;
  return Uint8Array.from({ length }, () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) & 0xff;
  });
}

const NOISE = randomBytes(4096, 2020);
const NOISE_WITHOUT_NUL = NOISE.map((b) => (b === 0 ? 1 : b));

/** A minimal zip local-file header naming `entry`, enough for sniffing. */
const zipWith = (entry: string) => concat([0x50, 0x4b, 0x03, 0x04], new Array(26).fill(0), ascii(entry));

const CASES: {
  name: string;
  bytes: Uint8Array;
  code: IngestErrorCode;
  format: DetectedFormat;
  says: RegExp;
}[] = [
  { name: 'an empty file', bytes: new Uint8Array(), code: 'empty-input', format: 'txt', says: /is empty/ },
  {
    name: 'only whitespace',
    bytes: utf8(' \r\n\t\u3000\n'),
    code: 'empty-input',
    format: 'txt',
    says: /whitespace/,
  },
  {
    name: 'only a BOM',
    bytes: Uint8Array.from([0xef, 0xbb, 0xbf]),
    code: 'empty-input',
    format: 'txt',
    says: /is empty/,
  },
  {
    name: 'a PNG header',
    bytes: concat([0x89], ascii('PNG\r\n\x1a\n'), new Array(16).fill(0)),
    code: 'unsupported-format', // a scan: read with --ocr by ingestAsync (test/ingest/image-office.test.ts)
    format: 'image',
    says: /PNG image/,
  },
  { name: 'a GIF header', bytes: utf8('GIF89a'), code: 'binary-input', format: 'binary', says: /GIF image/ },
  {
    name: 'a JPEG header',
    bytes: Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]),
    code: 'unsupported-format',
    format: 'image',
    says: /JPEG/,
  },
  {
    name: 'an ELF header',
    bytes: concat([0x7f], ascii('ELF'), [2, 1, 1, 0]),
    code: 'binary-input',
    format: 'binary',
    says: /ELF/,
  },
  {
    name: 'a zip that is not a Word file',
    bytes: zipWith('data.csv'),
    code: 'binary-input',
    format: 'binary',
    says: /zip archive/,
  },
  { name: 'random bytes', bytes: NOISE, code: 'binary-input', format: 'binary', says: /binary data/ },
  {
    name: 'random bytes without NUL',
    bytes: NOISE_WITHOUT_NUL,
    code: 'binary-input',
    format: 'binary',
    says: /control characters/,
  },
  {
    name: 'a file of NULs',
    bytes: new Uint8Array(1024),
    code: 'binary-input',
    format: 'binary',
    says: /NUL/,
  },
  {
    name: 'UTF-16 without a BOM',
    bytes: new Uint8Array(Buffer.from('通知 notice', 'utf16le')),
    code: 'binary-input',
    format: 'binary',
    says: /byte-order mark/,
  },
  {
    name: 'UTF-32 LE (its BOM starts like UTF-16 LE)',
    bytes: concat([0xff, 0xfe], new Array(64).fill(0)),
    code: 'unknown-encoding',
    format: 'binary',
    says: /UTF-32/,
  },
  {
    name: 'UTF-16 BE with a BOM and a lone surrogate',
    bytes: Uint8Array.from([0xfe, 0xff, 0xd8, 0x00, 0x00, 0x41]),
    code: 'unknown-encoding',
    format: 'binary',
    says: /UTF-16BE/,
  },
  {
    name: 'UTF-16 LE with a BOM, control characters',
    bytes: concat([0xff, 0xfe], Buffer.from('\x01\x02\x03\x04\x05\x06 ab', 'utf16le')),
    code: 'binary-input',
    format: 'binary',
    says: /control characters/,
  },
  {
    name: 'text in neither UTF-8 nor GB18030',
    bytes: concat(utf8('通知'), [0xff, 0xfe, 0x41]),
    code: 'unknown-encoding',
    format: 'binary',
    says: /neither valid UTF-8 nor valid GB18030/,
  },
  {
    name: 'UTF-8 BOM then invalid UTF-8',
    bytes: concat([0xef, 0xbb, 0xbf], [0xc4, 0xe3]) /* 你 in GBK */,
    code: 'unknown-encoding',
    format: 'binary',
    says: /UTF-8 byte-order mark/,
  },
  {
    name: 'a PDF',
    bytes: utf8('%PDF-1.7\n%âãÏÓ\n'),
    code: 'unsupported-format',
    format: 'pdf',
    says: /PDF input is not supported yet/,
  },
  {
    name: 'a Word file',
    bytes: zipWith('word/document.xml'),
    code: 'unsupported-format',
    format: 'docx',
    says: /Word/,
  },
  {
    name: 'an HTML page',
    bytes: utf8('\uFEFF\n  <!DOCTYPE html><html><body>通知</body></html>'),
    code: 'unsupported-format',
    format: 'html',
    says: /HTML input is not supported yet/,
  },
  {
    name: 'HTML opening with <meta',
    bytes: utf8('<meta charset="gbk">通知'),
    code: 'unsupported-format',
    format: 'html',
    says: /HTML/,
  },
  {
    name: 'HTML in UTF-16 LE',
    bytes: concat([0xff, 0xfe], Buffer.from('<HTML lang="zh">', 'utf16le')),
    code: 'unsupported-format',
    format: 'html',
    says: /HTML/,
  },
];

describe('decodeText refuses what is not readable text', () => {
  it.each(CASES)('$name → $code', ({ bytes, code, says }) => {
    const path = 'in/notice.txt';
    let caught: unknown;
    try {
      decodeText(bytes, path);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(IngestError);
    const error = caught as IngestError;
    expect(error.code).toBe(code);
    expect(error.path).toBe(path);
    expect(error.message).toMatch(/^in\/notice\.txt: /);
    expect(error.message).toMatch(says);
  });

  it('names the input "input" when there is no path', () => {
    expect(() => decodeText(new Uint8Array())).toThrow(/^input: is empty/);
  });

  it('refuses an empty or blank string', () => {
    expect(() => ingest(' \n', {})).toThrow(expect.objectContaining({ code: 'empty-input' }));
  });
});

describe('detectFormat', () => {
  it.each(CASES)('$name → $format', ({ bytes, format }) => {
    expect(detectFormat(bytes, 'in/notice.txt')).toBe(format);
  });

  it.each([
    { path: 'plan.md', bytes: utf8('# 标题\n'), format: 'md' },
    { path: 'plan.markdown', bytes: encodeGb18030('# 标题\n'), format: 'md' },
    { path: 'plan.md', bytes: new Uint8Array(8), format: 'binary' },
    { path: 'plan.md', bytes: utf8('%PDF-1.4'), format: 'pdf' },
    { path: 'plan.txt', bytes: utf8('# 标题\n'), format: 'txt' },
    { path: undefined, bytes: utf8('# 标题\n'), format: 'txt' },
    { path: 'notice.pdf', bytes: utf8('其实是文本'), format: 'txt' },
  ])('$path with $format content → $format', ({ path, bytes, format }) => {
    expect(detectFormat(bytes, path)).toBe(format);
  });

  const gov = join(import.meta.dirname, '../../corpus/gov');
  it.each(readdirSync(gov).filter((name) => name.endsWith('.html')))('corpus gov/%s is html', (name) => {
    expect(detectFormat(readFileSync(join(gov, name)))).toBe('html');
  });
});
