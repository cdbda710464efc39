import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { indexGraph, deadlinesOf, tasksInOrder } from '../../src/render/graph-index.js';
import { renderIcs } from '../../src/render/ics.js';
import { escapeText, FOLD_OCTETS, foldLine, icsNextDay } from '../../src/render/ics-text.js';
import { seedGraph } from './seed.js';

describe('iCalendar text', () => {
  it.each([
    ['a,b;c\\d', 'a\\,b\\;c\\\\d'],
    ['一\n二', '一\\n二'],
  ])('escapes %j', (value, want) => {
    expect(escapeText(value)).toBe(want);
  });

  it('folds at 75 octets without cutting a character', () => {
    const line = `SUMMARY:${'污染防治'.repeat(20)}a`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(Buffer.byteLength(p)).toBeLessThanOrEqual(FOLD_OCTETS);
    expect(parts.slice(1).every((p) => p.startsWith(' '))).toBe(true);
    expect(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line);
  });

  it.each([
    ['2020-12-31', '20210101'],
    ['2020-02-28', '20200229'],
  ])('ends an all-day event on %s the next day', (iso, want) => {
    expect(icsNextDay(iso)).toBe(want);
  });
});

describe('the seed as a calendar', () => {
  const { text, skipped } = renderIcs(seedGraph);
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents('vevent');
  const index = indexGraph(seedGraph);
  const taskDeadlines = tasksInOrder(index).flatMap((t) => deadlinesOf(index, t.id).map((d) => ({ t, d })));

  it('parses with ical.js; CRLF everywhere and no line over 75 octets', () => {
    expect(calendar.name).toBe('vcalendar');
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(FOLD_OCTETS);
  });

  it('has one all-day VEVENT per dated task deadline, at its date', () => {
    const dated = taskDeadlines.filter(({ d }) => d.kind !== 'recurring' && d.kind !== 'relative' && d.date);
    const single = events.filter((e) => !e.hasProperty('rrule'));
    expect(single).toHaveLength(dated.length);
    single.forEach((e, i) => {
      const { t, d } = dated[i]!;
      const start = e.getFirstPropertyValue('dtstart') as ICAL.Time;
      expect(start.isDate).toBe(true);
      expect(start.toString()).toBe(d.date);
      expect(e.getFirstPropertyValue('summary')).toBe(t.title);
    });
  });

  it('turns recurring deadlines into recurrence rules and skips the relative one with a note', () => {
    const recurring = taskDeadlines.filter(({ d }) => d.kind === 'recurring' && d.period !== 'unspecified');
    const rules = events.filter((e) => e.hasProperty('rrule'));
    expect(rules).toHaveLength(recurring.length);
    const freqs = rules.map((e) => (e.getFirstPropertyValue('rrule') as ICAL.Recur).freq);
    expect(new Set(freqs)).toEqual(new Set(recurring.map(({ d }) => periodFreq[d.period!])));
    for (const e of rules) expect(String(e.getFirstPropertyValue('dtstart'))).toBe('2020-04-16');
    expect(skipped.map((s) => s.text)).toContain('南部垃圾焚烧厂正式投产后,半年内');
  });

  it('puts the units in the description and gives unique UIDs', () => {
    const first = events[0]!;
    expect(first.getFirstPropertyValue('description')).toContain('牵头单位：市生态环境局');
    const uids = events.map((e) => e.getFirstPropertyValue('uid'));
    expect(new Set(uids).size).toBe(events.length);
  });

  it('is byte-identical from run to run (DTSTAMP from the document date)', () => {
    expect(renderIcs(seedGraph).text).toBe(text);
    expect(text).toContain('DTSTAMP:20200416T000000Z');
  });

  it('keeps one unit with a filter', () => {
    const one = renderIcs(seedGraph, { unit: (u) => u.name === '市控尘办' }).text;
    const n = new ICAL.Component(ICAL.parse(one)).getAllSubcomponents('vevent');
    expect(n.length).toBeGreaterThan(0);
    expect(n.length).toBeLessThan(events.length);
    for (const e of n) expect(e.getFirstPropertyValue('description')).toContain('市控尘办');
  });
});

const periodFreq: Record<string, string> = {
  day: 'DAILY',
  week: 'WEEKLY',
  month: 'MONTHLY',
  quarter: 'MONTHLY',
  'half-year': 'MONTHLY',
  year: 'YEARLY',
};
