/**
 * Property tests: any string or byte sequence gives a graph that keeps the lossless invariants of DESIGN.md,
 * or a clear IngestError; never another exception. Strings are drawn from the notices' own vocabulary
 * (heading markers, role labels, dates, brackets, quotes) mixed with arbitrary characters.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { convertSync, IngestError, type NoticeGraph } from '../../src/index.js';
import { ingest } from '../../src/ingest/index.js';
import { checkInvariants } from '../helpers/invariants.js';

/** Runs per property: enough to cover the vocabulary, few enough to keep the suite fast. */
const RUNS = 150;

/** Pieces of notices, so that random text exercises the grammars and not only the error paths. */
const PIECES = [
  '一、',
  '二、',
  '十一、',
  '(一)',
  '（二）',
  '1.',
  '2．',
  '17.',
  '(1)',
  '（3）',
  '牵头单位:',
  '配合单位：',
  '责任单位:',
  '市生态环境局',
  '各区政府',
  '、',
  ',',
  '，',
  '。',
  ';',
  '\n',
  '\r\n',
  '  ',
  '\u3000',
  '2020年',
  '10月底前',
  '年底前',
  '上半年',
  '12月31日前',
  '不高于56微克/立方米',
  'PM2.5',
  'PM】。',
  '〔2020J7号',
  '豫环攻坚办〔2020〕7号',
  '《',
  '》',
  '“',
  '”',
  '"',
  '(',
  ')',
  '【',
  '】',
  '〈',
  '0',
  '9',
  '123456789',
  '以下各单位均为责任单位,不再列出',
  '关于印发',
  '的通知',
  '实施方案',
  '\t',
  '\u0000',
  '\ufeff',
  '😀',
];

const noticeLike = fc
  .array(
    fc.oneof(
      fc.constantFrom(...PIECES),
      fc.string({ maxLength: 8 }),
      fc.string({ unit: 'binary', maxLength: 4 }),
    ),
    {
      maxLength: 60,
    },
  )
  .map((parts) => parts.join(''));

/** Converts; a graph must keep the invariants, a refusal must be an IngestError. */
function convertsOrRefuses(input: string | Uint8Array): void {
  let graph: NoticeGraph;
  try {
    graph = convertSync(input);
  } catch (err) {
    if (err instanceof IngestError) return;
    throw err;
  }
  checkInvariants(graph, typeof input === 'string' ? input : ingest(input).raw);
}

describe('any input gives a graph or a clear error', () => {
  it('notice-like strings', () => {
    fc.assert(fc.property(noticeLike, convertsOrRefuses), { numRuns: RUNS, seed: 7 });
  });

  it('arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), convertsOrRefuses), {
      numRuns: RUNS,
    });
  });

  it('arbitrary bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), convertsOrRefuses), { numRuns: RUNS });
  });

  it('notice-like text as UTF-8 and UTF-16 bytes', () => {
    const encodings = fc.constantFrom('utf8', 'utf16le-bom', 'utf16be-bom');
    fc.assert(
      fc.property(noticeLike, encodings, (text, encoding) => {
        const le = Buffer.from(text, 'utf16le');
        const bytes =
          encoding === 'utf8'
            ? Buffer.from(text, 'utf8')
            : encoding === 'utf16le-bom'
              ? Buffer.concat([Buffer.from([0xff, 0xfe]), le])
              : Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(le).swap16()]);
        convertsOrRefuses(bytes);
      }),
      { numRuns: RUNS, seed: 11 },
    );
  });
});
