import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = new URL('..', import.meta.url).pathname;
const NOTICE = '关于印发某市工作方案的通知\n\n一、总体要求\n1.10月底前完成。\n牵头单位：市生态环境局\n';

const copies: string[] = [];
afterAll(() => {
  for (const dir of copies) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the built package (bundle, grammar cache, grammars, its dependencies): an installed gongwen. */
function installedCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gongwen-pkg-'));
  copies.push(dir);
  cpSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
  cpSync(join(ROOT, 'grammars'), join(dir, 'grammars'), { recursive: true });
  cpSync(join(ROOT, 'dist/bundle'), join(dir, 'dist/bundle'), { recursive: true });
  cpSync(join(ROOT, 'dist/grammars.cache.json'), join(dir, 'dist/grammars.cache.json'));
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

const convert = (pkg: string) =>
  spawnSync(process.execPath, [join(pkg, 'dist/bundle/main.js'), 'convert', '-'], {
    input: NOTICE,
    encoding: 'utf8',
  });

beforeAll(() => {
  if (!existsSync(join(ROOT, 'dist/grammars.cache.json'))) throw new Error("run 'npm run build' first");
});

describe('grammars checked by the build', () => {
  it('are used as built while grammars/ is unchanged', () => {
    const r = convert(installedCopy());
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).nodes.some((n: { type: string }) => n.type === 'task')).toBe(true);
  });

  it('are checked again, examples and all, once a grammar file is edited', () => {
    const pkg = installedCopy();
    const file = join(pkg, 'grammars/structure.yaml');
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('none: ["一是加强领导"');
    writeFileSync(file, text.replace('none: ["一是加强领导"', 'none: ["一、总体要求", "一是加强领导"'));
    const r = convert(pkg);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/structure\.yaml.*一、总体要求.*must not be a marker/);
  });
});
