/**
 * Word's automatic numbering: a .docx whose headings and items are numbered by list numbering (numbering.xml,
 * w:numPr) reads as the same text with the numbers typed, and gives the same graph.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { docxPair } from '../../src/eval/grammar.js';
import { formatNumber, writeListNumbers } from '../../src/ingest/docx-numbering.js';
import { IngestError, ingestAsync } from '../../src/ingest/index.js';
import { convertBytes, CORPUS, hasCommand } from './pdf-helpers.js';

const SCRIPTS = join(import.meta.dirname, '..', '..', 'scripts', 'docx');
const hasSoffice = hasCommand('soffice');
if (!hasSoffice)
  console.warn('soffice (LibreOffice) is missing: the fresh LibreOffice conversion is skipped');

describe('Word list numbering', () => {
  it('formats the numbers of Word’s formats', () => {
    expect([1, 10, 12, 20].map((n) => formatNumber(n, 'chineseCounting'))).toEqual([
      '一',
      '十',
      '十二',
      '二十',
    ]);
    expect(formatNumber(3, 'decimalEnclosedCircle')).toBe('③');
    expect(formatNumber(2, 'ideographTraditional')).toBe('乙');
    expect(formatNumber(14, 'upperRoman')).toBe('XIV');
    expect(formatNumber(12, 'decimalFullWidth')).toBe('１２');
  });

  it('counts as Word does: styles, overrides, removed numbering, bullets, several levels in one number', async () => {
    const { DOMParser } = (await import('@xmldom/xmldom')).default;
    const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    const parse = (xml: string) => new DOMParser().parseFromString(xml, 'text/xml');
    const lvl = (ilvl: number, fmt: string, text: string, start = 1) =>
      `<w:lvl w:ilvl="${ilvl}"><w:start w:val="${start}"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="${text}"/></w:lvl>`;
    const numbering = parse(
      `<w:numbering ${W}>` +
        `<w:abstractNum w:abstractNumId="0">${lvl(0, 'chineseCounting', '%1、')}${lvl(1, 'decimal', '%1.%2')}</w:abstractNum>` +
        `<w:abstractNum w:abstractNumId="1">${lvl(0, 'bullet', '•')}</w:abstractNum>` +
        `<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>` +
        `<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>` +
        `<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>` +
        `</w:numbering>`,
    );
    const styles = parse(
      `<w:styles ${W}><w:style w:styleId="H1"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>` +
        `<w:style w:styleId="H1b"><w:basedOn w:val="H1"/></w:style></w:styles>`,
    );
    const p = (pPr: string, text: string) => `<w:p><w:pPr>${pPr}</w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;
    const num = (id: number, ilvl = 0) =>
      `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${id}"/></w:numPr>`;
    const document = parse(
      `<w:document ${W}><w:body>` +
        p('<w:pStyle w:val="H1"/>', '甲') +
        p(num(1, 1), '乙') +
        p('<w:pStyle w:val="H1b"/>', '丙') +
        p(`<w:pStyle w:val="H1"/>${num(0)}`, '丁') +
        p(num(2), '戊') +
        p(num(3), '己') +
        `</w:body></w:document>`,
    );
    expect(writeListNumbers(document, numbering, styles)).toBe(4);
    const texts = Array.from(document.getElementsByTagName('w:p')).map((el) => el.textContent);
    expect(texts).toEqual(['一、甲', '一.1 乙', '二、丙', '丁', '戊', '五、己']);
  });

  it('a small notice numbered by Word reads as typed', async () => {
    const text = [
      '一、总体要求',
      '(一)工作目标',
      '1.2020年底前完成改造。',
      '牵头单位:市生态环境局',
      '2.6月底前完成排查。',
      '(1)开展排查。',
      '(2)建立台账。',
      '(二)保障措施',
      '3.加强督导。',
      '二、工作要求',
      '(一)加强领导',
    ].join('\n');
    const { typed, numbered, auto } = await docxPair(text);
    expect(auto).toBe(10);
    const source = await ingestAsync(numbered, { path: 'numbered.docx' });
    expect(source.raw).toBe(`${text}\n`);
    expect(source.raw).toBe((await ingestAsync(typed, { path: 'typed.docx' })).raw);
  });

  it('the seed with its markers as Word numbering gives the graph of its typed text', async () => {
    const seed = readFileSync(join(CORPUS, 'zhengzhou-2020-notice.txt'), 'utf8');
    const { typed, numbered, auto } = await docxPair(seed);
    expect(auto).toBeGreaterThan(120);
    const [a, b] = await Promise.all([convertBytes(typed, 'seed.docx'), convertBytes(numbered, 'seed.docx')]);
    const strip = ({ source: _source, ...rest }: typeof a) => rest;
    expect(strip(b)).toEqual(strip(a));
    expect(b.nodes.filter((n) => n.type === 'task').length).toBeGreaterThan(90);
  });

  it('LibreOffice’s .docx of a list-numbered notice reads as its typed text, with the same graph', async () => {
    const bytes = new Uint8Array(readFileSync(join(CORPUS, 'docx', 'numbered-libreoffice.docx')));
    const typed = readFileSync(join(SCRIPTS, 'numbered-notice.txt'), 'utf8');
    expect((await ingestAsync(bytes, { path: 'numbered-libreoffice.docx' })).raw).toBe(typed);
    const [fromDocx, fromText] = await Promise.all([
      convertBytes(bytes, 'numbered.docx'),
      convertBytes(new TextEncoder().encode(typed), 'numbered.txt'),
    ]);
    const facts = (g: typeof fromDocx) => ({ nodes: g.nodes, edges: g.edges, document: g.document });
    expect(facts(fromDocx)).toEqual(facts(fromText));
    expect(fromDocx.nodes.filter((n) => n.type === 'task').map((n) => n.path)).toEqual([
      '一/(一)/1',
      '一/(一)/2',
      '一/(一)/2/(1)',
      '一/(一)/2/(2)',
      '一/(二)/1',
      '二/(一)/1',
    ]);
  });

  it.skipIf(!hasSoffice)(
    'LibreOffice makes the same .docx text from the source today',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'gongwen-lo-'));
      try {
        const args = ['--headless', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', dir];
        spawnSync('soffice', [...args, join(SCRIPTS, 'numbered-notice.fodt')], { timeout: 120_000 });
        const bytes = new Uint8Array(readFileSync(join(dir, 'numbered-notice.docx')));
        const typed = readFileSync(join(SCRIPTS, 'numbered-notice.txt'), 'utf8');
        expect((await ingestAsync(bytes, { path: 'fresh.docx' })).raw).toBe(typed);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    180_000,
  );

  it('the built command line reads the numbers too', async () => {
    const bin = join(import.meta.dirname, '..', '..', 'dist', 'bundle', 'main.js');
    if (!existsSync(bin)) throw new Error(`${bin} is missing: run 'npm run build' first`);
    const { numbered } = await docxPair('一、总体要求\n(一)工作目标\n1.加强督导。\n牵头单位:市生态环境局');
    const dir = mkdtempSync(join(tmpdir(), 'gongwen-numbering-'));
    try {
      writeFileSync(join(dir, 'n.docx'), numbered);
      const run = spawnSync(process.execPath, [bin, 'convert', join(dir, 'n.docx')], { encoding: 'utf8' });
      expect(run.stderr).toBe('');
      const graph = JSON.parse(run.stdout) as { nodes: { type: string; path?: string }[] };
      expect(graph.nodes.filter((n) => n.type === 'task').map((n) => n.path)).toEqual(['一/(一)/1']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a .docx whose numbering part is broken: a clear error, not half a text', async () => {
    const { numbered } = await docxPair('一、总体要求\n1.加强督导。');
    const { default: JSZip } = await import('jszip');
    const zip = await JSZip.loadAsync(numbered);
    zip.file('word/numbering.xml', '<w:numbering><w:abstractNum w:abstractNumId="0"><w:lvl>');
    const broken = await zip.generateAsync({ type: 'uint8array' });
    const err = await ingestAsync(broken, { path: 'broken.docx' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IngestError);
    expect((err as IngestError).code).toBe('unreadable');
    expect((err as IngestError).message).toMatch(
      /^broken\.docx: .*list numbering is malformed XML.*save it again/s,
    );
  });

  it('a .docx without numbering is read unchanged', async () => {
    const { typed } = await docxPair('一、总体要求\n1.加强督导。');
    const { docxWithListNumbers } = await import('../../src/ingest/docx-numbering.js');
    expect(await docxWithListNumbers(typed)).toBe(typed);
  });
});
