/**
 * The batch CLI, run as the real binary (built by `npm run build`): a folder in parallel with byte-identical,
 * scheduling-independent output, --skip-existing, JSON Lines on stdin, and an interrupted run that leaves no
 * partial file.
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = new URL('..', import.meta.url).pathname;
const BIN = join(ROOT, 'dist/bundle/main.js');
const SEED = join(ROOT, 'corpus/zhengzhou-2020-notice.txt');
const GOV = ['006', '055'].map((n) => join(ROOT, `corpus/gov/${n}.txt`));
const SIGINT_EXIT = 130;

const run = (args: string[], input?: string) =>
  spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, input, encoding: 'utf8', maxBuffer: 64 << 20 });

/** Every file under `dir`, relative, sorted. */
function files(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? files(dir, join(prefix, e.name)) : [join(prefix, e.name)]))
    .sort();
}

/** A folder of notices with a subfolder and two bad files. */
function archive(): { dir: string; input: string } {
  const dir = mkdtempSync(join(tmpdir(), 'gongwen-batch-'));
  const input = join(dir, 'in');
  mkdirSync(join(input, 'sub'), { recursive: true });
  copyFileSync(SEED, join(input, 'seed.txt'));
  for (const f of GOV) copyFileSync(f, join(input, 'sub', f.slice(-7)));
  writeFileSync(join(input, 'empty.txt'), '');
  writeFileSync(join(input, 'sub/binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]));
  return { dir, input };
}

beforeAll(() => {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run 'npm run build' first`);
});

describe('gongwen convert DIR (batch)', () => {
  it('gives the same bytes and the same stderr with 1 or 2 workers, and the same graph as one file', () => {
    const { dir, input } = archive();
    const one = run(['convert', input, '-o', join(dir, 'one'), '--jobs', '1']);
    const two = run(['convert', input, '-o', join(dir, 'two'), '--jobs', '2']);
    expect(one.status).toBe(1);
    expect(two.status).toBe(1);
    expect(two.stderr.replaceAll(join(dir, 'two'), '')).toBe(one.stderr.replaceAll(join(dir, 'one'), ''));
    expect(two.stderr).toMatch(/converted 3, failed 2, skipped 0/);
    expect(two.stderr).toMatch(/failed: .*empty\.txt: [^\n]+\n {2}failed: .*binary\.txt/);
    expect(two.stderr).not.toContain('\r');
    const outputs = files(join(dir, 'two'));
    expect(outputs).toEqual(['seed.txt.json', ...GOV.map((f) => `sub/${f.slice(-7)}.json`)].sort());
    expect(files(join(dir, 'one'))).toEqual(outputs);
    for (const f of outputs)
      expect(readFileSync(join(dir, 'two', f), 'utf8')).toBe(readFileSync(join(dir, 'one', f), 'utf8'));
    const single = run(['convert', join(input, 'seed.txt')]);
    expect(readFileSync(join(dir, 'two/seed.txt.json'), 'utf8')).toBe(single.stdout);
  });

  it('--skip-existing skips inputs whose output records the same sha256', () => {
    const { dir, input } = archive();
    const out = join(dir, 'out');
    run(['convert', input, '-o', out, '--jobs', '2']);
    const again = run(['convert', input, '-o', out, '--jobs', '2', '--skip-existing']);
    expect(again.stderr).toMatch(/converted 0, failed 2, skipped 3/);
    writeFileSync(
      join(input, 'seed.txt'),
      readFileSync(SEED, 'utf8').replace('2020年4月16日', '2020年4月17日'),
    );
    const changed = run(['convert', input, '-o', out, '--jobs', '2', '--skip-existing']);
    expect(changed.stderr).toMatch(/converted 1, failed 2, skipped 2/);
  });

  it('refuses --jobs that is not a whole number', () => {
    expect(run(['convert', ROOT, '--jobs', '0']).status).toBe(2);
    expect(run(['convert', ROOT, '--jobs', 'x']).status).toBe(2);
  });

  it('leaves no partial or temporary file when interrupted', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongwen-sigint-'));
    const input = join(dir, 'in');
    mkdirSync(input);
    for (let i = 0; i < 60; i++) copyFileSync(SEED, join(input, `${String(i).padStart(2, '0')}.txt`));
    const out = join(dir, 'out');
    const child = spawn(process.execPath, [BIN, 'convert', input, '-o', out, '--jobs', '2'], { cwd: ROOT });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    // Interrupt once the first output exists: some files are done, others are being written.
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (existsSync(out) && files(out).some((f) => f.endsWith('.json'))) {
          clearInterval(poll);
          child.kill('SIGINT');
          resolve();
        }
      }, 20);
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code, stderr).toBe(SIGINT_EXIT);
    expect(stderr).toContain('interrupted');
    const written = files(out);
    expect(written.filter((f) => !f.endsWith('.json'))).toEqual([]);
    expect(written.length).toBeLessThan(60);
    for (const f of written) expect(() => JSON.parse(readFileSync(join(out, f), 'utf8'))).not.toThrow();
  });
});

describe('gongwen convert --input jsonl -', () => {
  it('writes one graph a line in input order; a bad line is reported and the stream goes on', () => {
    const text = readFileSync(GOV[0]!, 'utf8');
    const lines = [
      JSON.stringify({ path: 'a.txt', text }),
      'not json',
      JSON.stringify({ path: 'b.txt' }),
      '',
      JSON.stringify({ path: 'c.txt', base64: readFileSync(GOV[1]!).toString('base64') }),
      JSON.stringify({ text: '   ' }),
      JSON.stringify({ path: 'a.txt', text }),
    ];
    const r = run(['convert', '--input', 'jsonl', '-', '--jobs', '2'], lines.join('\n') + '\n');
    expect(r.status).toBe(1);
    const out = r.stdout.trim().split('\n');
    expect(out.map((l) => JSON.parse(l).source.path)).toEqual(['a.txt', 'c.txt', 'a.txt']);
    expect(out[2]).toBe(out[0]);
    expect(r.stderr).toMatch(/^line 2:1:1 error .+ bad-jsonl-record$/m);
    expect(r.stderr).toMatch(/^b\.txt:1:1 error .+ bad-jsonl-record$/m);
    expect(r.stderr).toMatch(/^line 6:1:1 error .+ empty-input$/m);
    const file = join(mkdtempSync(join(tmpdir(), 'gongwen-jsonl-')), 'a.txt');
    writeFileSync(file, text);
    const single = JSON.parse(run(['convert', file]).stdout);
    expect(JSON.parse(out[0]!)).toEqual({ ...single, source: { ...single.source, path: 'a.txt' } });
  });

  it('exits 0 when every line converts', () => {
    const r = run(
      ['convert', '--input', 'jsonl', '-', '--jobs', '1'],
      JSON.stringify({ path: 's', text: readFileSync(SEED, 'utf8') }),
    );
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).document.date).toBe('2020-04-16');
  });
});
