import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PlanDiffSchema } from '../../src/diff/index.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const BIN = join(ROOT, 'dist/bundle/main.js');
const OLD = 'corpus/gov/007.txt';
const NEW = 'corpus/diff/gov-007-revised.txt';

const run = (args: string[]) =>
  spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });

beforeAll(() => {
  // The CLI is tested as the real binary, built by `npm test` (or `npm run build`) before vitest runs.
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run 'npm run build' first`);
});

describe('gongwen diff', () => {
  it('prints the PlanDiff as JSON', () => {
    const r = run(['diff', OLD, NEW]);
    expect(r.status).toBe(0);
    const d = PlanDiffSchema.parse(JSON.parse(r.stdout));
    expect(d.summary.target_changed).toBe(2);
    expect(d.matches.some((m) => m.oldPath !== m.newPath)).toBe(true);
  });

  it('takes a NoticeGraph JSON file for either side', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongwen-diff-'));
    const graph = join(dir, 'old.json');
    writeFileSync(graph, run(['convert', OLD]).stdout);
    const fromJson = JSON.parse(run(['diff', graph, NEW]).stdout);
    const fromText = JSON.parse(run(['diff', OLD, NEW]).stdout);
    expect(fromJson.changes).toEqual(fromText.changes);
    writeFileSync(join(dir, 'bad.json'), '{"schemaVersion": "1.0.0"}');
    const bad = run(['diff', join(dir, 'bad.json'), NEW]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('not a NoticeGraph');
  });

  it('writes Markdown with the summary table first, and HTML into -o FILE', () => {
    const md = run(['diff', OLD, NEW, '--format', 'md']);
    expect(md.status).toBe(0);
    expect(md.stdout).toMatch(/^# .+\n\n.+\n\n\| 变化 +\| 数量 \|/);
    expect(md.stdout).toContain('## waste');
    // a wording change as its phrase in its sentence
    expect(md.stdout).toContain(
      '“摸清建筑垃圾产生现状和发展趋势,【+推行建筑垃圾分类管理和计量收费,】加强建筑垃圾全过程管理。”',
    );
    const out = join(mkdtempSync(join(tmpdir(), 'gongwen-diff-')), 'report.html');
    const html = run(['diff', OLD, NEW, '--format', 'html', '-o', out]);
    expect(html.status).toBe(0);
    expect(html.stdout).toBe('');
    const page = readFileSync(out, 'utf8');
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).not.toMatch(/<(script|link|img)[^>]+(src|href)=/);
  });

  it('writes xlsx and docx into -o FILE (zip files)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongwen-diff-'));
    for (const format of ['xlsx', 'docx']) {
      const out = join(dir, `report.${format}`);
      const r = run(['diff', OLD, NEW, '--format', format, '-o', out]);
      expect(r.status, r.stderr).toBe(0);
      expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    }
  });

  it('gives the history of more than two editions (json, md), and refuses xlsx for it', () => {
    const three = [
      'corpus/zhengzhou-2020-notice.txt',
      'corpus/diff/zhengzhou-2021-notice.txt',
      'corpus/diff/zhengzhou-2022-notice.txt',
    ];
    const json = run(['diff', ...three]);
    expect(json.status, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout).steps).toHaveLength(2);
    const md = run(['diff', ...three, '--format', 'md']);
    expect(md.stdout).toContain('| 任务');
    const xlsx = run(['diff', ...three, '--format', 'xlsx', '-o', join(tmpdir(), 'never.xlsx')]);
    expect(xlsx.status).toBe(2);
    expect(xlsx.stderr).toContain('json, md or html');
  });

  it('prints the PlanDiff JSON Schema with schema --diff', () => {
    const r = run(['schema', '--diff']);
    expect(r.status).toBe(0);
    const schema = JSON.parse(r.stdout);
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['matches', 'changes', 'summary']));
  });

  it.each([[['diff', OLD]], [['diff', OLD, NEW, '--format', 'xml']], [['diff', OLD, NEW, '--keywords']]])(
    'exits 2 on a usage error: %j',
    (args) => {
      const r = run(args);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/gongwen: .+\nTry 'gongwen --help'/);
    },
  );
});
