import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CORPUS_TEXTS, LAYOUT_KINDS, pageTexts, scoreAgainstOriginal } from '../../src/eval/layout.js';
import { convertSync } from '../../src/index.js';
import { rewrap } from '../../src/layout/rewrap.js';

/**
 * Layout invariance over every paragraph-a-line text in corpus/ (not only the seed): each re-laid as hard wraps at
 * 20–60 characters, with or without indents (spaces or U+3000), blank lines, CRLF and trailing blanks, gives the
 * same tasks, units by role, deadlines, targets, references and document fields as its original.
 *
 * Bounds: 0.98 per kind where the layout marks paragraphs (an indent or a blank line). Where nothing marks them, a
 * paragraph whose last line happens to fill the measure is told from its successor only by the words (a note closing
 * it, then a run-in heading or a parallel opening); the bounds are the worst figures seen over widths 20–60 (gov 007:
 * a sentence with no note of its own after a note inside a paragraph; gov 004 and the seed: see the layout eval).
 */
const UNMARKED: Record<string, number> = {
  tasks: 0.97,
  'units:lead': 0.98,
  'units:cooperating': 0.98,
  'units:responsible': 0.97,
  deadlines: 0.94,
  targets: 0.98,
  references: 0.98,
  document: 0.98,
};
const layouts = fc.record({
  file: fc.constantFrom(...CORPUS_TEXTS),
  width: fc.integer({ min: 20, max: 60 }),
  indent: fc.constantFrom('', '  ', '\u3000\u3000', '    ', '\u3000'),
  blankLines: fc.boolean(),
  eol: fc.constantFrom('\n' as const, '\r\n' as const),
  trailing: fc.constantFrom('', ' ', '\u3000'),
});

const originals = new Map<string, ReturnType<typeof convertSync>>();
const original = (file: string) => {
  if (!originals.has(file)) originals.set(file, convertSync(readFileSync(file, 'utf8'), { path: file }));
  return originals.get(file)!;
};

describe('layout invariance over the corpus', () => {
  it('every corpus text re-laid gives its original graph (F1 ≥ 0.98 per kind where paragraphs are marked)', () => {
    fc.assert(
      fc.property(layouts, ({ file, ...layout }) => {
        const graph = convertSync(rewrap(readFileSync(file, 'utf8'), layout), { path: file });
        const marked = layout.indent !== '' || layout.blankLines;
        for (const s of scoreAgainstOriginal(graph, original(file)))
          expect(
            s.f1,
            `${s.kind} of ${file} at ${JSON.stringify(layout)}: ${s.missed[0] ?? ''}`,
          ).toBeGreaterThanOrEqual(marked ? 0.98 : UNMARKED[s.kind]!);
      }),
      { numRuns: 60, seed: 7 },
    );
  }, 240_000);

  /**
   * The web pages of corpus/pages (site furniture, metadata blocks): their facts (tasks, units by role, deadlines,
   * targets) hold in every layout. Their heads are a known gap, bounded by the worst figures seen: a metadata value
   * of ASCII that happens to fill a line (000014349/2023-26788 at width 20) reads as a full line, which on a printed
   * page it would not be (half-width characters; the re-lay counts characters).
   */
  it('every corpus page re-laid gives its original facts; its head within the known gap', () => {
    const head: Record<string, number> = { references: 0.75, document: 0.35 };
    fc.assert(
      fc.property(layouts, fc.constantFrom(...pageTexts()), ({ file: _file, ...layout }, file) => {
        const graph = convertSync(rewrap(readFileSync(file, 'utf8'), layout), { path: file });
        for (const s of scoreAgainstOriginal(graph, original(file)))
          expect(
            s.f1,
            `${s.kind} of ${file} at ${JSON.stringify(layout)}: ${s.missed[0] ?? ''}`,
          ).toBeGreaterThanOrEqual(
            (LAYOUT_KINDS as readonly string[]).includes(s.kind) ? 0.98 : head[s.kind]!,
          );
      }),
      {
        numRuns: 40,
        seed: 7,
        // Layouts that failed before: a role label inside an open note (14 at 47), 　　 indents against the
        // measure (31 at 20).
        examples: [
          [{ ...at(47), indent: '' as const }, 'corpus/pages/14.txt'],
          [{ ...at(20), indent: '\u3000\u3000' as const }, 'corpus/pages/31.txt'],
        ],
      },
    );
  }, 240_000);
});

/** A layout at `width` with no blank lines, LF and no trailing blanks (the file field is unused). */
function at(width: number) {
  return { file: '', width, blankLines: false, eol: '\n' as const, trailing: '' as const };
}
