import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CORPUS_TEXTS, LAYOUT_KINDS, pageTexts, scoreAgainstOriginal } from '../../src/eval/layout.js';
import { convertSync } from '../../src/index.js';
import { rewrap } from '../../src/layout/rewrap.js';

/**
 * Layout invariance over every paragraph-a-line text in corpus/ (not only the seed): each re-laid as hard wraps at
 * 20–60 (printed width), with or without indents (spaces or U+3000), blank lines, CRLF and trailing blanks, gives the
 * same tasks, units by role, deadlines, targets, references and document fields as its original.
 *
 * Bounds: equal graphs (F1 1) where the layout marks paragraphs (an indent or a blank line). Where nothing marks
 * them, a paragraph whose last line happens to fill the measure is told from its successor only by the words (a note
 * closing it, then a run-in heading or a parallel opening): the one known miss over widths 20–60 is gov 007 at 26
 * and 39 (a sentence with no note of its own after a note inside a paragraph: one task and its unit too many,
 * 0.976 / 0.977); every other kind and text is equal at every width (was: tasks 0.97, deadlines 0.94, …).
 */
const UNMARKED: Record<string, number> = {
  tasks: 0.97,
  'units:lead': 1,
  'units:cooperating': 1,
  'units:responsible': 0.97,
  deadlines: 1,
  targets: 1,
  references: 1,
  document: 1,
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
  it('every corpus text re-laid gives its original graph (equal where paragraphs are marked)', () => {
    fc.assert(
      fc.property(layouts, ({ file, ...layout }) => {
        const graph = convertSync(rewrap(readFileSync(file, 'utf8'), layout), { path: file });
        const marked = layout.indent !== '' || layout.blankLines;
        for (const s of scoreAgainstOriginal(graph, original(file)))
          expect(
            s.f1,
            `${s.kind} of ${file} at ${JSON.stringify(layout)}: ${s.missed[0] ?? ''}`,
          ).toBeGreaterThanOrEqual(marked ? 1 : UNMARKED[s.kind]!);
      }),
      { numRuns: 60, seed: 7 },
    );
  }, 240_000);

  /**
   * The web pages of corpus/pages (site furniture, metadata blocks): their facts (tasks, units by role, deadlines,
   * targets) and heads hold in every layout but one known gap: pages/40 runs its title, 时间: and 主送机关 into one
   * line in the original, which a re-laid text at 23 or 46 (24, 48 indented) reads apart, document 0.667 (was:
   * references 0.75, document 0.35 when ASCII values counted as full lines; the re-lay now breaks by printed width).
   */
  it('every corpus page re-laid gives its original facts; its head within the known gap', () => {
    const head: Record<string, number> = { references: 1, document: 0.66 };
    fc.assert(
      fc.property(layouts, fc.constantFrom(...pageTexts()), ({ file: _file, ...layout }, file) => {
        const graph = convertSync(rewrap(readFileSync(file, 'utf8'), layout), { path: file });
        for (const s of scoreAgainstOriginal(graph, original(file)))
          expect(
            s.f1,
            `${s.kind} of ${file} at ${JSON.stringify(layout)}: ${s.missed[0] ?? ''}`,
          ).toBeGreaterThanOrEqual((LAYOUT_KINDS as readonly string[]).includes(s.kind) ? 1 : head[s.kind]!);
      }),
      {
        numRuns: 40,
        seed: 7,
        // Layouts that failed before: a role label inside an open note (14 at 47), 　　 indents against the
        // measure (31 at 20), an ASCII value filling a line (14 at 20), a quoted title (02 at 25), a time's colon
        // (11 at 24), the known gap (40 at 23).
        examples: [
          [{ ...at(47), indent: '' as const }, 'corpus/pages/14.txt'],
          [{ ...at(20), indent: '\u3000\u3000' as const }, 'corpus/pages/31.txt'],
          [{ ...at(20), indent: '' as const }, 'corpus/pages/14.txt'],
          [{ ...at(25), indent: '' as const }, 'corpus/pages/02.txt'],
          [{ ...at(24), indent: '' as const }, 'corpus/pages/11.txt'],
          [{ ...at(23), indent: '' as const }, 'corpus/pages/40.txt'],
        ],
      },
    );
  }, 240_000);
});

/** A layout at `width` with no blank lines, LF and no trailing blanks (the file field is unused). */
function at(width: number) {
  return { file: '', width, blankLines: false, eol: '\n' as const, trailing: '' as const };
}
