/**
 * A few layouts of the PDF sweep (scripts/layout/pdf-sweep.mjs), made at test time by LibreOffice from corpus texts
 * through scripts/producers/fodt.py, each read as the same notice as its text: headings and tasks, units by role,
 * deadlines, targets and head fields equal the text's graph's (the eval's producer scores, src/eval/producers.ts).
 * Each layout is one the sweep found failing. Skipped, with a message, when soffice or python3 (chromium) is missing.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { CHROMIUM, printToPdf } from '../helpers/chromium.js';
import { CORPUS, expectSameNotice, hasCommand } from './pdf-helpers.js';

const present = hasCommand('soffice') && hasCommand('python3');
if (!present)
  console.warn(
    'pdf-sweep: soffice (LibreOffice) or python3 is missing: the PDF layouts made at test time are skipped',
  );

const FODT = join(import.meta.dirname, '..', '..', 'scripts', 'producers', 'fodt.py');

/** name, corpus text, fodt.py's SIZE COLUMNS GUTTER and options. */
const LAYOUTS = [
  {
    // Two columns half a character apart, ragged right: a left line's last full stop hangs into the gutter and
    // ends a tenth of a point past the right column's start; it was read as a line across both columns, which
    // cut the columns into bands read out of order.
    name: 'hanging-stop',
    text: 'gov/006.txt',
    args: ['18', '2', '0.5', '--align=start', '--paper=Letter', '--margins=3.7,3.5,2.8,2.6', '--footer=none'],
  },
  {
    // No first-line indents, two columns: 三、深入推进下放科技管理权限工作 fills its column, so the （一） line
    // after it was joined to the heading; the next marker of the numbering opens a paragraph, as in text.
    name: 'heading-fills-column',
    text: 'gov/012.txt',
    args: [
      '16',
      '2',
      '0.5',
      '--font=Noto Sans CJK SC',
      '--indent=0',
      '--align=start',
      '--paper=Letter',
      '--line-height=100',
      '--margins=1.27,1.27,1.27,1.27',
    ],
  },
  {
    // Two columns of 18 pt: the 主送机关 line (各市人民政府,…各高等院校:) fills its column, and the letter's first
    // sentence was joined to it; in the head, the line after one ending with a colon opens a paragraph.
    name: 'salutation-fills-column',
    text: 'pages/05.txt',
    args: [
      '18',
      '2',
      '1',
      '--align=justify',
      '--line-height=100',
      '--margins=3.7,3.5,2.8,2.6',
      '--paper=Letter',
      '--footer=plain',
    ],
  },
  {
    // No first-line indents: the title's last line (…实施方案》的通知) fills the page's width, and the 主送机关
    // after it was joined to the title; a title (…的通知, no clause end) ends there.
    name: 'title-fills-line',
    text: 'pages/20.txt',
    args: [
      '16',
      '1',
      '0.5',
      '--indent=0',
      '--align=start',
      '--line-height=100',
      '--margins=1.27,1.27,1.27,1.27',
      '--footer=none',
    ],
  },
] as const;

describe.skipIf(!present)('PDF layouts of the sweep read as the same notice as text', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongwen-pdf-sweep-'));
  beforeAll(() => {
    for (const l of LAYOUTS)
      execFileSync('python3', [FODT, join(CORPUS, l.text), join(dir, `${l.name}.fodt`), ...l.args]);
    execFileSync(
      'soffice',
      [
        '--headless',
        `-env:UserInstallation=file://${join(dir, 'profile')}`,
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        ...LAYOUTS.map((l) => join(dir, `${l.name}.fodt`)),
      ],
      { stdio: 'ignore' },
    );
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(LAYOUTS.map((l) => [l.name, l] as const))('%s', async (name, l) => {
    await expectSameNotice(join(dir, `${name}.pdf`), l.text);
  });
});

if (!CHROMIUM)
  console.warn('pdf-sweep: chromium is missing: the Chromium layout made at test time is skipped');

describe.skipIf(!CHROMIUM)('a Chromium print of the sweep read as the same notice as text', () => {
  it('reads the Kangxi look-alikes Chromium writes (⼋、) as heading markers where paragraphs are not indented', async () => {
    // gov 015 as paragraphs without indents (14 pt Noto Sans, letter-spaced): ⼋、强化组织领导 after a role note
    // that stops short of the margin without a sentence end was joined to it; the marker is 八、 read normalised.
    const dir = mkdtempSync(join(tmpdir(), 'gongwen-pdf-sweep-chromium-'));
    try {
      const css =
        "@page { size: Letter; margin: 2.5cm 2.2cm; } body { font-family: 'Noto Sans CJK SC'; font-size: 14pt; " +
        'line-height: 1.5; letter-spacing: 0.05em; margin: 0; } p { text-indent: 0; margin: 0; text-align: justify; }';
      const paras = readFileSync(join(CORPUS, 'gov', '015.txt'), 'utf8')
        .split('\n')
        .filter((p) => p.trim())
        .map((p) => `<p>${p.trim().replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`);
      writeFileSync(
        join(dir, 'gov-015.html'),
        `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>${css}</style></head><body>${paras.join('')}</body></html>`,
      );
      printToPdf(join(dir, 'gov-015.html'), join(dir, 'gov-015.pdf'), dir, true);
      await expectSameNotice(join(dir, 'gov-015.pdf'), 'gov/015.txt');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
