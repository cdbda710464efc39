import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/grammars.js';
import { SEED_PATH } from './seed.js';

const BIN = join(PACKAGE_ROOT, 'dist/bundle/main.js');

const run = (args: string[], input?: Buffer) =>
  spawnSync(process.execPath, [BIN, ...args], {
    cwd: PACKAGE_ROOT,
    input,
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
const runBytes = (args: string[]) =>
  spawnSync(process.execPath, [BIN, ...args], { cwd: PACKAGE_ROOT, maxBuffer: 64 << 20 });

beforeAll(() => {
  // The CLI is tested as the real binary, built by `npm test` (or `npm run build`) before vitest runs.
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run 'npm run build' first`);
});

describe('gongwen units', () => {
  it('prints an aligned table by default', () => {
    const r = run(['units', SEED_PATH, '-q']);
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^单位\s+职责\s+序号\s+任务\s+完成时限$/);
    expect(r.stdout).toContain('郑州市生态环境局');
  });

  it('keeps one unit, matched by an alias, as JSON', () => {
    const r = run(['units', SEED_PATH, '-q', '--unit', '市环保局', '--format', 'json']);
    expect(r.status).toBe(0);
    const { units } = JSON.parse(r.stdout);
    expect(units.map((u: { name: string }) => u.name)).toEqual(['郑州市生态环境局']);
    expect(units[0].lead.length).toBeGreaterThan(0);
  });

  it('writes Markdown and CSV', () => {
    const md = run(['units', SEED_PATH, '-q', '--unit', '市发改委', '--format', 'md']);
    expect(md.stdout).toMatch(/^## 郑州市发展和改革委员会\n/);
    const csv = run(['units', '-', '-q', '--unit', '市发改委', '--format', 'csv'], readFileSync(SEED_PATH));
    const records = parse(csv.stdout, { bom: true }) as string[][];
    expect(records[0]![0]).toBe('单位');
    expect(records.slice(1).every((r) => r[0] === '郑州市发展和改革委员会')).toBe(true);
  });

  it('exits 1 when no unit matches and 2 on a bad format', () => {
    const none = run(['units', SEED_PATH, '-q', '--unit', '某某公司']);
    expect(none.status).toBe(1);
    expect(none.stderr).toContain("matches '某某公司'");
    expect(run(['units', SEED_PATH, '--format', 'jsonl']).status).toBe(2);
  });
});

describe('gongwen convert --format csv|xlsx|ics|md', () => {
  it('writes the task table as CSV on stdout, with lines in 来源', () => {
    const r = run(['convert', SEED_PATH, '-q', '--format', 'csv']);
    expect(r.status).toBe(0);
    expect(r.stdout.startsWith('\uFEFF方案,序号,')).toBe(true);
    const records = parse(r.stdout, { bom: true }) as string[][];
    expect(records[1]!.slice(1, 3)).toEqual(['三/(一)/1', '工业企业差异化管理']);
    expect(records[1]!.at(-1)).toBe('第38行');
  });

  it('writes XLSX into -o DIR, and as bytes on a redirected stdout', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongwen-render-'));
    const r = run(['convert', SEED_PATH, '-q', '--format', 'xlsx', '-o', dir]);
    expect(r.status).toBe(0);
    const file = join(dir, 'zhengzhou-2020-notice.txt.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    expect(workbook.worksheets).toHaveLength(3);
    const piped = runBytes(['convert', SEED_PATH, '-q', '--format', 'xlsx']);
    expect(piped.status).toBe(0);
    expect(piped.stdout.subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('writes one calendar per unit, the same bytes every run, noting skipped deadlines', () => {
    const a = run(['convert', SEED_PATH, '--format', 'ics', '--unit', '市控尘办']);
    const b = run(['convert', SEED_PATH, '--format', 'ics', '--unit', '市控尘办']);
    expect(a.status).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const events = new ICAL.Component(ICAL.parse(a.stdout)).getAllSubcomponents('vevent');
    expect(events.length).toBeGreaterThan(0);
    const all = run(['convert', SEED_PATH, '--format', 'ics']);
    expect(all.stderr).toContain("skipped '南部垃圾焚烧厂正式投产后,半年内'");
  });

  it('writes Markdown', () => {
    const r = run(['convert', SEED_PATH, '-q', '--format', 'md']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^# 关于印发郑州市2020年大气、水、土壤污染防治攻坚战实施方案的通知\n/);
    expect(r.stdout).toContain('\n### 三、重点工作\n');
  });

  it('names the files of a folder <name>.csv instead of .json', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongwen-render-'));
    mkdirSync(join(dir, 'in'));
    copyFileSync(SEED_PATH, join(dir, 'in/seed.txt'));
    const r = run(['convert', join(dir, 'in'), '-q', '--format', 'csv', '-o', join(dir, 'out')]);
    expect(r.status).toBe(0);
    expect(existsSync(join(dir, 'out/seed.txt.csv'))).toBe(true);
    expect(existsSync(join(dir, 'out/seed.txt.json'))).toBe(false);
  });

  it.each([
    [['convert', SEED_PATH, '--format', 'json', '--unit', '市工信局']],
    [['convert', SEED_PATH, '--format', 'md', '--unit', '市工信局']],
    [['convert', SEED_PATH, '--format', 'pdf']],
  ])('exits 2 on a usage error: %j', (args) => {
    const r = run(args);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/gongwen: .+\nTry 'gongwen --help'/);
  });

  it('takes -o - for stdout with one notice, and refuses it for a folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongwen-dash-'));
    const inDir = (args: string[]) =>
      spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8', maxBuffer: 64 << 20 });
    const r = inDir(['convert', SEED_PATH, '-o', '-']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).document.title).toContain('郑州市2020年');
    expect(existsSync(join(dir, '-'))).toBe(false);
    mkdirSync(join(dir, 'in'));
    copyFileSync(SEED_PATH, join(dir, 'in/seed.txt'));
    const folder = inDir(['convert', 'in', '-o', '-']);
    expect(folder.status).toBe(2);
    expect(folder.stderr).toMatch(/-o - is stdout, which takes one notice: give a folder -o DIR/);
    expect(existsSync(join(dir, '-'))).toBe(false);
  });

  it('lists the units command and the formats in --help', () => {
    const help = run(['--help']).stdout;
    expect(help).toContain('gongwen units <file|->');
    expect(help).toContain('--unit NAME');
  });
});
