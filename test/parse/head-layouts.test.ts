/**
 * Property test (issue 13): the same notice's head laid out in any of the ways websites and offices publish it —
 * on one line, spaced out, the title split over lines, the 发文字号 before, glued to or after the title, with the
 * site's furniture around it, in traditional characters — gives the same document fields. The heads are real:
 * taken from the gold of corpus/pages and of corpus/gov (SOURCES.md and the 主送 line of each text); the layouts
 * are src/eval/head-layouts.ts's.
 */
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { corpusHeads, renderHead, type Layout } from '../../src/eval/head-layouts.js';
import { headFields } from '../helpers/head.js';

const HEADS = corpusHeads(join(import.meta.dirname, '..', '..', 'corpus'));

const layoutArbitrary: fc.Arbitrary<Layout> = fc.record({
  number: fc.constantFrom('alone before', 'glued before', 'after'),
  issuerOwnLine: fc.boolean(),
  split: fc.option(fc.double({ min: 0.2, max: 0.8, noNaN: true }), { nil: null }),
  spaced: fc.boolean(),
  oneLine: fc.boolean(),
  breadcrumb: fc.boolean(),
  siteLabels: fc.boolean(),
  share: fc.boolean(),
  traditional: fc.boolean(),
  asciiPunctuation: fc.boolean(),
  brackets: fc.constantFrom(['〔', '〕'], ['[', ']'], ['［', '］'], ['(', ')'], ['﹝', '﹞'], ['„', '‟']),
  chineseDate: fc.constantFrom('〇', '○', null),
});

describe('one head, any layout: the same document fields (property)', () => {
  it('has real heads from corpus/pages and corpus/gov to lay out', () => {
    expect(HEADS.filter((h) => h.source.startsWith('pages/')).length).toBeGreaterThanOrEqual(5);
    expect(HEADS.filter((h) => h.source.startsWith('gov/')).length).toBeGreaterThanOrEqual(5);
  });

  it('gives each head the fields of its gold whatever the layout', () => {
    fc.assert(
      fc.property(fc.constantFrom(...HEADS), layoutArbitrary, (h, l) => {
        const { text, want } = renderHead(h, l);
        expect(headFields(text), `${h.source}\n${text}`).toEqual(want);
      }),
      { numRuns: 300 },
    );
  });
});
