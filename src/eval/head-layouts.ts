/**
 * The heads of real notices (corpus/pages and corpus/gov gold) laid out again the ways websites and offices publish
 * them — on one line, spaced out, the title split over lines, the 发文字号 alone before, glued before or after the
 * title, the issuer on its own line, with the site's furniture, in traditional characters, with garbled brackets
 * and Chinese-numeral dates — for the property test (test/parse/head-layouts.test.ts, fast-check) and for a fixed
 * set of layouts scored by `npm run eval` (every layout must give the gold's fields).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import STCharacters from 'opencc-js/dict/STCharacters';

/** The fields a head must give whatever its layout. */
export interface HeadFields {
  title: string;
  issuers: string[];
  docNumber: string | null;
  date: string;
  recipients: string[];
}

/** A real head: the title as printed (issuer + 关于…), issuers, 发文字号 (or null), 主送 and a 成文日期. */
export interface Head {
  source: string;
  issuers: string[];
  /** The title after the issuers: 关于…的通知. */
  rest: string;
  docNumber: string | null;
  recipients: string[];
  date: string;
}

const RELATION = '关于';

function pagesHeads(CORPUS: string): Head[] {
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

function govHeads(CORPUS: string): Head[] {
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

/** The real heads of corpus/pages and corpus/gov printed as issuer + 关于…. */
export const corpusHeads = (corpus: string): Head[] => [...pagesHeads(corpus), ...govHeads(corpus)];

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
export interface Layout {
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
export function renderHead(h: Head, l: Layout): { text: string; want: HeadFields } {
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
  const want: HeadFields = {
    title: issuer + h.rest,
    issuers: h.issuers,
    // Whatever brackets the layout prints, document.docNumber writes the year in 〔〕.
    docNumber: h.docNumber,
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

/** A fixed set of layouts, each variation at least once, for the eval. */
export const EVAL_LAYOUTS: Layout[] = (() => {
  const base: Layout = {
    number: 'alone before',
    issuerOwnLine: false,
    split: null,
    spaced: false,
    oneLine: false,
    breadcrumb: false,
    siteLabels: false,
    share: false,
    traditional: false,
    asciiPunctuation: false,
    brackets: ['〔', '〕'],
    chineseDate: null,
  };
  return [
    base,
    { ...base, number: 'glued before' },
    { ...base, number: 'after', split: 0.5 },
    { ...base, issuerOwnLine: true, spaced: true, split: 0.3 },
    { ...base, oneLine: true },
    { ...base, breadcrumb: true, siteLabels: true, share: true, number: 'after' },
    { ...base, traditional: true, split: 0.6, chineseDate: '〇' },
    { ...base, asciiPunctuation: true, brackets: ['[', ']'], chineseDate: '○' },
    { ...base, brackets: ['„', '‟'], issuerOwnLine: true, siteLabels: true },
    { ...base, traditional: true, oneLine: true, brackets: ['﹝', '﹞'] },
  ];
})();
