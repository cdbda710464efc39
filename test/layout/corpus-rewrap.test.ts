import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CORPUS_TEXTS, pageTexts, scoreAgainstOriginal } from '../../src/eval/layout.js';
import { convertSync } from '../../src/index.js';
import { rewrap } from '../../src/layout/rewrap.js';

/**
 * Layout invariance over every paragraph-a-line text in corpus/ (not only the seed): each re-laid as hard wraps at
 * 20–60 (printed width), with or without indents (spaces or U+3000), blank lines, CRLF and trailing blanks, gives the
 * same tasks, units by role, deadlines, targets, references and document fields as its original.
 *
 * Equal graphs (F1 1) for every kind, text and layout: the full sweep (scripts/layout/sweep.mjs, every width 20–60 ×
 * no indent, spaces, U+3000 × blank lines or not) differs nowhere. Where nothing marks paragraphs, a paragraph whose
 * last line happens to fill the measure is told from its successor only by the words: a note closing it, then a
 * run-in heading shaped like the paragraph's own (gov 007 at 26 and 39 read 推动公共机构无纸化办公。 after a note
 * inside (四) as a sibling's heading: tasks 0.976 before the run-in's shape was compared).
 */
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
  it('every corpus text re-laid gives its original graph', () => {
    fc.assert(
      fc.property(layouts, ({ file, ...layout }) => {
        const graph = convertSync(rewrap(readFileSync(file, 'utf8'), layout), { path: file });
        for (const s of scoreAgainstOriginal(graph, original(file)))
          expect(s.f1, `${s.kind} of ${file} at ${JSON.stringify(layout)}: ${s.missed[0] ?? ''}`).toBe(1);
      }),
      {
        numRuns: 60,
        seed: 7,
        // A note closing a full line inside a paragraph, then a sentence shaped unlike its run-in (007 at 26, 39).
        examples: [
          [{ ...at(26), file: 'corpus/gov/007.txt', indent: '' as const }],
          [{ ...at(39), file: 'corpus/gov/007.txt', indent: '' as const }],
        ],
      },
    );
  }, 240_000);

  /**
   * The web pages of corpus/pages (site furniture, metadata blocks, run-together heads) give their original facts
   * and heads in every layout (was: pages/40 document 0.667 at 23 and 46, its title, 时间: and 主送机关 run into one
   * line, until the head read them apart alike; pages/02 references 0.909 at 21–23, 关于 opening a line inside the
   * quoted title …26号《北京市人民政府办公厅↵关于印发… read as a new title).
   */
  it('every corpus page re-laid gives its original facts and head', () => {
    fc.assert(
      fc.property(layouts, fc.constantFrom(...pageTexts()), ({ file: _file, ...layout }, file) => {
        const graph = convertSync(rewrap(readFileSync(file, 'utf8'), layout), { path: file });
        for (const s of scoreAgainstOriginal(graph, original(file)))
          expect(s.f1, `${s.kind} of ${file} at ${JSON.stringify(layout)}: ${s.missed[0] ?? ''}`).toBe(1);
      }),
      {
        numRuns: 40,
        seed: 7,
        // Layouts that failed before: a role label inside an open note (14 at 47), 　　 indents against the
        // measure (31 at 20), an ASCII value filling a line (14 at 20), a quoted title (02 at 25), a time's colon
        // (11 at 24), a head run into one line (40 at 23 and 46), 关于 inside an open quoted title (02 at 21).
        examples: [
          [{ ...at(47), indent: '' as const }, 'corpus/pages/14.txt'],
          [{ ...at(20), indent: '\u3000\u3000' as const }, 'corpus/pages/31.txt'],
          [{ ...at(20), indent: '' as const }, 'corpus/pages/14.txt'],
          [{ ...at(25), indent: '' as const }, 'corpus/pages/02.txt'],
          [{ ...at(24), indent: '' as const }, 'corpus/pages/11.txt'],
          [{ ...at(23), indent: '' as const }, 'corpus/pages/40.txt'],
          [{ ...at(46), indent: '' as const }, 'corpus/pages/40.txt'],
          [{ ...at(21), indent: '' as const }, 'corpus/pages/02.txt'],
        ],
      },
    );
  }, 240_000);
});

/** A layout at `width` with no blank lines, LF and no trailing blanks (the file field is unused). */
function at(width: number) {
  return { file: '', width, blankLines: false, eol: '\n' as const, trailing: '' as const };
}
