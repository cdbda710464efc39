/**
 * Property test (issue 13): the same notice's head laid out in any of the ways websites and offices publish it —
 * on one line, spaced out, the title split over lines, the 发文字号 before, glued to or after the title, with the
 * site's furniture around it, in traditional characters — gives the same document fields. The heads are real:
 * taken from the gold of corpus/pages and of corpus/gov (SOURCES.md and the 主送 line of each text).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import STCharacters from 'opencc-js/dict/STCharacters';
import { describe, expect, it } from 'vitest';
import { headFields } from '../helpers/head.js';

const CORPUS = join(import.meta.dirname, '..', '..', 'corpus');

/** A real head: the title as printed (issuer + 关于…), issuers, 发文字号 (or null), 主送 and a 成文日期. */
interface Head {
  source: string;
  issuers: string[];
  /** The title after the issuers: 关于…的通知. */
  rest: string;
  docNumber: string | null;
  recipients: string[];
  date: string;
}

const RELATION = '关于';

function pagesHeads(): Head[] {
  const gold = JSON.parse(readFileSync(join(CORPUS, 'pages', 'gold.json'), 'utf8')) as {
    file: string;
    title: string;
    issuers: string[];
    docNumber: string | null;
    date: string | null;
    recipients: string;
  }[];
  return gold.flatMap((g) => {
    const issuer = g.issuers.join('');
    // Only heads printed as issuer + 关于…: the others name their issuer in the signature alone.
    if (!g.title.startsWith(issuer + RELATION)) return [];
    return [
      {
        source: `pages/${g.file}`,
        issuers: g.issuers,
        rest: g.title.slice(issuer.length),
        docNumber: g.docNumber,
        recipients: g.recipients.split(','),
        date: g.date ?? '2021-03-15',
      },
    ];
  });
}

function govHeads(): Head[] {
  const rows = readFileSync(join(CORPUS, 'gov', 'SOURCES.md'), 'utf8')
    .split('\n')
    .filter((l) => /^\| \d{3} \|/.test(l))
    .map((l) => l.split('|').map((c) => c.trim()));
  return rows.flatMap(([, file, title, issuer, docNumber]) => {
    if (!file || !title || !issuer || !docNumber || !title.startsWith(issuer + RELATION)) return [];
    const text = readFileSync(join(CORPUS, 'gov', `${file}.txt`), 'utf8')
      .split('\n')
      .slice(0, 8);
    const to = text.find((l) => /[:：]$/.test(l) && !/[。]/.test(l));
    if (!to) return [];
    return [
      {
        source: `gov/${file}`,
        issuers: [issuer],
        rest: title.slice(issuer.length),
        docNumber,
        recipients: to.slice(0, -1).split(/[,，]/),
        date: '2019-02-13',
      },
    ];
  });
}

const HEADS = [...pagesHeads(), ...govHeads()];

/** Simplified → traditional, one character for one (OpenCC's first choice), as a converter or a site does. */
const toTraditional = (() => {
  const map = new Map<string, string>();
  for (const e of STCharacters.split('|')) {
    const [from, to] = e.split(' ');
    if (from && to && from.length === to.length) map.set(from, to);
  }
  return (s: string): string => [...s].map((c) => map.get(c) ?? c).join('');
})();

/** How one head is laid out. */
interface Layout {
  number: 'alone before' | 'glued before' | 'after';
  issuerOwnLine: boolean;
  /** Where the title after the issuer breaks (share of its length), or null for one line. */
  split: number | null;
  spaced: boolean;
  oneLine: boolean;
  breadcrumb: boolean;
  siteLabels: boolean;
  share: boolean;
  traditional: boolean;
  asciiPunctuation: boolean;
  /** The 发文字号's year brackets as printed or garbled: 〔〕 (the standard), [], ［］, (), ﹝﹞, „‟. */
  brackets: readonly [string, string];
  /** The 成文日期 in Chinese numerals (二〇二一年三月十五日), with 〇 or ○ for zero. */
  chineseDate: '〇' | '○' | null;
}

const layout: fc.Arbitrary<Layout> = fc.record({
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

const DIGITS = '〇一二三四五六七八九';
/** A month or day in Chinese numerals (1–31). */
const chineseNumber = (n: number): string =>
  n < 10 ? DIGITS[n]! : `${n >= 20 ? DIGITS[Math.floor(n / 10)] : ''}十${n % 10 ? DIGITS[n % 10] : ''}`;

/** A paragraph of a real notice (corpus/gov/006.txt): long lines, as the body of a published notice has. */
const BODY =
  '城镇小区配套建设幼儿园是城镇公共服务设施建设的重要内容，是扩大普惠性学前教育资源的重要途径，是保障和改善民生的重要举措。为落实相关要求，经同意，现就有关事项通知如下：';

const SUFFIX = /(通知|意见|批复|决定)$/;
/** Spaces a name or title word out character by character, as a page set in a wide font does. */
const spaceOut = (s: string, gap: string): string => [...s].join(gap);

/** The notice's text in that layout, and the fields it must give. */
function render(h: Head, l: Layout): { text: string; want: Record<string, unknown> } {
  const comma = l.asciiPunctuation ? ',' : '，';
  const colon = l.asciiPunctuation ? ':' : '：';
  const issuer = h.issuers.join('');
  const docNumber = h.docNumber?.replace('〔', l.brackets[0]).replace('〕', l.brackets[1]) ?? null;
  const number = docNumber ?? '';
  const to = `${h.recipients.join(comma)}${colon}`;
  const [y, m, d] = h.date.split('-').map(Number);
  const body = `${BODY}\n一、总体要求\n${BODY}\n`;
  const year = l.chineseDate
    ? [...String(y)].map((c) => (c === '0' ? l.chineseDate! : DIGITS[Number(c)])).join('')
    : String(y);
  const date = l.chineseDate ? `${year}年${chineseNumber(m!)}月${chineseNumber(d!)}日` : `${y}年${m}月${d}日`;
  const sign = `${h.issuers.join('\n')}\n${date}\n`;
  const uploaded = `${y! + 1}-01-0${1 + (d! % 9)}`;
  const lines: string[] = [];
  if (l.breadcrumb) lines.push(`当前位置${colon}首页 > 政务公开 > 政策文件`);
  if (l.oneLine) {
    lines.push(`${number}${issuer}${h.rest}发布日期${colon}${uploaded} ${to} ${body.replace('\n', ' ')}`);
  } else {
    if (docNumber && l.number === 'alone before') lines.push(number);
    const title: string[] = [];
    let rest = h.rest;
    if (l.spaced) rest = rest.replace(SUFFIX, (s) => spaceOut(s, '    '));
    if (l.split !== null) {
      const at = Math.max(1, Math.min(rest.length - 1, Math.round(rest.length * l.split)));
      title.push(rest.slice(0, at), rest.slice(at));
    } else title.push(rest);
    if (l.issuerOwnLine) title.unshift(...h.issuers.map((i) => (l.spaced ? spaceOut(i, ' ') : i)));
    else title[0] = issuer + title[0];
    if (docNumber && l.number === 'glued before') title[0] = number + title[0];
    lines.push(...title);
    if (l.siteLabels)
      lines.push(`发布日期${colon}${uploaded}    浏览次数${colon}35`, `来源${colon}${issuer}`);
    if (l.share) lines.push('扫一扫在手机打开当前页', '【字体：大 中 小】 打印');
    if (docNumber && l.number === 'after') lines.push(number);
    lines.push(to, body.trimEnd());
  }
  let text = `${lines.join('\n')}\n${sign}`;
  const want = {
    title: issuer + h.rest,
    issuers: h.issuers,
    docNumber,
    date: h.date,
    recipients: h.recipients,
  };
  if (!l.traditional) return { text, want };
  text = toTraditional(text);
  return {
    text,
    want: {
      ...want,
      title: toTraditional(want.title),
      issuers: want.issuers.map(toTraditional),
      docNumber: want.docNumber && toTraditional(want.docNumber),
      recipients: want.recipients.map(toTraditional),
    },
  };
}

const fields = headFields;

describe('one head, any layout: the same document fields (property)', () => {
  it('has real heads from corpus/pages and corpus/gov to lay out', () => {
    expect(HEADS.filter((h) => h.source.startsWith('pages/')).length).toBeGreaterThanOrEqual(5);
    expect(HEADS.filter((h) => h.source.startsWith('gov/')).length).toBeGreaterThanOrEqual(5);
  });

  it('gives each head the fields of its gold whatever the layout', () => {
    fc.assert(
      fc.property(fc.constantFrom(...HEADS), layout, (h, l) => {
        const { text, want } = render(h, l);
        expect(fields(text), `${h.source}\n${text}`).toEqual(want);
      }),
      { numRuns: 300 },
    );
  });
});
