import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { NoticeGraphSchema } from '../src/graph/schema.js';

const ROOT = new URL('..', import.meta.url).pathname;
const BIN = join(ROOT, 'dist/bundle/main.js');
const SEED = join(ROOT, 'corpus/zhengzhou-2020-notice.txt');

const run = (args: string[], input?: Buffer) =>
  spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, input, encoding: 'utf8', maxBuffer: 64 << 20 });

beforeAll(() => {
  // The CLI is tested as the real binary, built by `npm test` (or `npm run build`) before vitest runs.
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run 'npm run build' first`);
});

describe('gongwen CLI', () => {
  it('prints help and version', () => {
    const help = run(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('gongwen convert <file|dir|->');
    expect(help.stdout).toContain('--format');
    const version = run(['--version']);
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
  });

  it.each([
    [['convert']],
    [['frobnicate', 'x']],
    [['convert', SEED, '--format', 'xml']],
    [['convert', SEED, '--bogus']],
    [['schema', 'extra']],
    [['convert', SEED, '--format', 'csv', '--skip-existing']],
  ])('exits 2 on a usage error: %j', (args) => {
    const r = run(args);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/gongwen: .+\nTry 'gongwen --help'/);
  });

  it('converts one file to exactly one NoticeGraph on stdout', () => {
    const r = run(['convert', SEED]);
    expect(r.status).toBe(0);
    const graph = NoticeGraphSchema.parse(JSON.parse(r.stdout));
    expect(graph.source.format).toBe('txt');
    expect(graph.nodes.filter((n) => n.type === 'plan')).toHaveLength(3);
  });

  it('reads stdin and writes JSON Lines', () => {
    const r = run(['convert', '-', '--format', 'jsonl'], readFileSync(SEED));
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!).document.date).toBe('2020-04-16');
  });

  it('converts a folder, goes on past a bad file and exits 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongwen-cli-'));
    mkdirSync(join(dir, 'in/sub'), { recursive: true });
    copyFileSync(SEED, join(dir, 'in/seed.txt'));
    copyFileSync(join(ROOT, 'corpus/gov/006.txt'), join(dir, 'in/sub/006.txt'));
    writeFileSync(join(dir, 'in/empty.txt'), '');
    writeFileSync(join(dir, 'in/binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]));
    const r = run(['convert', join(dir, 'in'), '-o', join(dir, 'out')]);
    expect(r.status).toBe(1);
    expect(existsSync(join(dir, 'out/seed.txt.json'))).toBe(true);
    expect(existsSync(join(dir, 'out/sub/006.txt.json'))).toBe(true);
    expect(existsSync(join(dir, 'out/empty.txt.json'))).toBe(false);
    expect(r.stderr).toMatch(/empty\.txt:1:1 error .+ empty-input/);
    expect(r.stderr).toMatch(/converted 2, failed 2/);
  });

  it('converts a folder of PDFs and HTML, reporting the bad PDFs and keeping the good ones', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongwen-pdfs-'));
    mkdirSync(join(dir, 'in'));
    for (const f of ['seed-export.pdf', 'two-column.pdf', 'encrypted.pdf', 'truncated.pdf'])
      copyFileSync(join(ROOT, 'corpus/pdf', f), join(dir, 'in', f));
    copyFileSync(join(ROOT, 'corpus/gov/006.html'), join(dir, 'in/006.html'));
    const r = run(['convert', join(dir, 'in'), '-o', join(dir, 'out')]);
    expect(r.status).toBe(1);
    for (const f of ['seed-export.pdf', 'two-column.pdf', '006.html'])
      expect(existsSync(join(dir, 'out', `${f}.json`)), f).toBe(true);
    expect(existsSync(join(dir, 'out/encrypted.pdf.json'))).toBe(false);
    expect(r.stderr).toMatch(/encrypted\.pdf:1:1 error .+ encrypted-pdf/);
    expect(r.stderr).toMatch(/truncated\.pdf:1:1 error .+ corrupt-pdf/);
    const graph = JSON.parse(readFileSync(join(dir, 'out/seed-export.pdf.json'), 'utf8'));
    expect(graph.source.format).toBe('pdf');
    expect(graph.nodes.find((n: { id: string }) => n.id === 'air/三/(一)/1').page).toBe(2);
  });

  it('prints diagnostics as file:line:col severity message code', () => {
    const r = run(['convert', SEED, '--verbose']);
    expect(r.stderr.split('\n').filter(Boolean)[0]).toMatch(/^\S+:\d+:\d+ (error|warning|info) .+ [a-z-]+$/);
  });

  it('takes a clerk’s own unit gazetteer with --units', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongwen-units-'));
    const notice = join(dir, 'luoyang.txt');
    writeFileSync(
      notice,
      '洛阳市人民政府办公厅\n关于印发洛阳市2021年蓝天行动方案的通知\n各县区政府:\n现印发给你们。\n\n一、重点工作\n1.治理扬尘。10月底前完成。\n牵头单位:市生态环境局、市控尘办\n',
    );
    const gazetteer = join(dir, 'luoyang.yaml');
    writeFileSync(
      gazetteer,
      'scope: [洛阳]\nunits:\n  - { name: 洛阳市控制扬尘污染办公室, kind: agency, aliases: [市控尘办] }\n',
    );
    const unitOf = (args: string[], id: string) => {
      const graph = JSON.parse(run(['convert', notice, ...args]).stdout);
      return graph.nodes.find((n: { id: string }) => n.id === id);
    };
    // the generic local table knows 洛阳市's 市生态环境局 from the issuer; 市控尘办 only the clerk's file
    expect(unitOf([], 'unit:市生态环境局')).toMatchObject({ canonical: '洛阳市生态环境局', kind: 'agency' });
    expect(unitOf([], 'unit:市控尘办')).toMatchObject({ canonical: null, kind: 'agency' });
    expect(unitOf(['--units', gazetteer], 'unit:市控尘办')).toMatchObject({
      canonical: '洛阳市控制扬尘污染办公室',
      kind: 'agency',
    });
  });

  it('prints the JSON Schema', () => {
    const r = run(['schema']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).properties.schemaVersion).toBeDefined();
  });

  it('repairs a file and lists the edits with --diff', () => {
    const r = run(['repair', SEED, '--diff']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/:\d+:\d+ \S+ "PM】。" → "PM10"/);
  });

  it('repairs every format convert reads: the text of a PDF and of a web page, as convert parses it', () => {
    const pdf = run(['repair', join(ROOT, 'corpus/pdf/seed-export.pdf')]);
    expect(pdf.status, pdf.stderr).toBe(0);
    expect(pdf.stdout).toContain('郑州市2020年大气污染防治攻坚战实施方案');
    const html = run(['repair', join(ROOT, 'corpus/gov/006.html')]);
    expect(html.status, html.stderr).toBe(0);
    expect(html.stdout).not.toMatch(/<\/?[a-z]+[ >]/);
    const bad = run(['repair', join(ROOT, 'corpus/pdf/seed-export.pdf'), '--max-pages', '1']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/seed-export\.pdf.*pages/);
  });
});
