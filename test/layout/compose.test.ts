import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { composeEdits } from '../../src/repair/compose.js';
import { applyProposals, type Proposal } from '../../src/repair/fixer.js';
import { unrepair } from '../../src/repair/index.js';

/** Random proposals over a text of `n` characters. */
const proposals = (n: number, id: string) =>
  fc.array(
    fc
      .tuple(fc.nat(n), fc.nat(3), fc.string({ unit: fc.constantFrom('x', 'y', '\n'), maxLength: 3 }))
      .map(([start, len, text]): Proposal => ({ start, end: Math.min(n, start + len), text, ruleId: id })),
    { maxLength: 6 },
  );

describe('composeEdits', () => {
  it('turns the raw text into the final one, and back', () => {
    const rounds = fc
      .string({ unit: fc.constantFrom('a', 'b', 'c', '\n', ' '), minLength: 1, maxLength: 20 })
      .chain((raw) => fc.tuple(fc.constant(raw), proposals(raw.length, 'one')))
      .chain(([raw, p1]) => {
        const first = applyProposals(raw, p1);
        return fc.tuple(fc.constant(raw), fc.constant(first), proposals(first.text.length, 'two'));
      });
    fc.assert(
      fc.property(rounds, ([raw, first, p2]) => {
        const second = applyProposals(first.text, p2);
        const edits = composeEdits(raw, first.edits, first.text, second.edits);
        expect(unrepair(second.text, edits)).toBe(raw);
        const again = edits.map((e) => ({ start: e.start, end: e.end, text: e.fixed, ruleId: e.ruleId }));
        expect(applyProposals(raw, again).text).toBe(second.text);
        for (let k = 1; k < edits.length; k++)
          expect(edits[k]!.start).toBeGreaterThanOrEqual(edits[k - 1]!.end);
        for (const e of edits) expect(raw.slice(e.start, e.end)).toBe(e.raw);
      }),
      { numRuns: 1000 },
    );
  });

  it('merges edits of the two rounds that touch, under the later rule', () => {
    const first = applyProposals('ab\ncd', [{ start: 2, end: 3, text: '', ruleId: 'join' }]);
    const second = applyProposals(first.text, [{ start: 1, end: 3, text: 'X', ruleId: 'fix' }]);
    expect(composeEdits('ab\ncd', first.edits, first.text, second.edits)).toEqual([
      { ruleId: 'fix', start: 1, end: 4, raw: 'b\nc', fixed: 'X' },
    ]);
  });
});
