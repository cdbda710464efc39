/**
 * Reading order on pages made at test time by independent producers: three columns (LibreOffice, fodt.py) and a
 * web page's full-width head over two CSS columns (WeasyPrint), each read as the same notice as its text. The
 * order comes from the lines themselves (src/ingest/pdf/columns.ts), not from either producer's geometry.
 * Skipped, with a message, when soffice or weasyprint is missing.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { CORPUS, expectSameNotice, hasCommand } from './pdf-helpers.js';

const FODT = join(import.meta.dirname, '..', '..', 'scripts', 'producers', 'fodt.py');
const lo = hasCommand('soffice') && hasCommand('python3');
const weasy = hasCommand('weasyprint');
if (!lo)
  console.warn('pdf-reading-order: soffice or python3 is missing: the three-column layouts are skipped');
if (!weasy)
  console.warn('pdf-reading-order: weasyprint is missing: the head-over-columns layouts are skipped');

const dir = mkdtempSync(join(tmpdir(), 'gongwen-reading-order-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!lo)('three columns set by LibreOffice', () => {
  it.each([
    // A layout of the PDF sweep (--wide) that was read across its columns: Letter, 16 pt, gutters of half a character.
    [
      'gov/012.txt',
      [
        '16',
        '3',
        '0.5',
        '--font=Noto Sans CJK SC',
        '--align=start',
        '--line-height=200',
        '--paper=Letter',
        '--footer=none',
      ],
    ],
  ] as const)(
    '%s %j',
    async (rel, args) => {
      const name = `lo3-${rel.replace(/\W/g, '-')}`;
      execFileSync('python3', [FODT, join(CORPUS, rel), join(dir, `${name}.fodt`), ...args]);
      execFileSync(
        'soffice',
        [
          '--headless',
          `-env:UserInstallation=file://${join(dir, 'profile')}`,
          '--convert-to',
          'pdf',
          '--outdir',
          dir,
          join(dir, `${name}.fodt`),
        ],
        { stdio: 'ignore' },
      );
      await expectSameNotice(join(dir, `${name}.pdf`), rel);
    },
    120_000,
  );
});

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

describe.skipIf(!weasy)('a full-width head over two columns (WeasyPrint)', () => {
  // The first `head` paragraphs (title, 发文字号) set across the page, centred; the rest in two CSS columns.
  it.each([
    ['gov/012.txt', 3, '16pt', '1em'],
    ['gov/006.txt', 2, '12pt', '0.6em'],
  ] as const)(
    '%s, head of %i lines, %s, gap %s',
    async (rel, head, size, gap) => {
      const name = `weasy-head-${rel.replace(/\W/g, '-')}`;
      const paras = readFileSync(join(CORPUS, rel), 'utf8')
        .split('\n')
        .map((p) => p.trim())
        .filter((p) => p);
      const css =
        `@page { size: A4; margin: 2cm; } body { font-family: 'Noto Serif CJK SC'; font-size: ${size}; margin: 0; }` +
        ' .head p { text-align: center; margin: 0 0 0.5em; } .head { margin-bottom: 1em; }' +
        ` .body { column-count: 2; column-gap: ${gap}; } .body p { text-indent: 2em; margin: 0; text-align: justify; }`;
      const html =
        `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>${css}</style></head><body>` +
        `<div class="head">${paras
          .slice(0, head)
          .map((p) => `<p>${esc(p)}</p>`)
          .join('')}</div>` +
        `<div class="body">${paras
          .slice(head)
          .map((p) => `<p>${esc(p)}</p>`)
          .join('')}</div></body></html>`;
      writeFileSync(join(dir, `${name}.html`), html);
      execFileSync('weasyprint', ['-q', join(dir, `${name}.html`), join(dir, `${name}.pdf`)]);
      await expectSameNotice(join(dir, `${name}.pdf`), rel);
    },
    120_000,
  );
});
