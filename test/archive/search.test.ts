import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addInputs, convertInProcess, type Input } from '../../src/archive/add.js';
import { ArchiveError, openArchive, type Db } from '../../src/archive/db.js';
import { grams, matchIsExact, matchQuery, runs } from '../../src/archive/derive.js';
import {
  queryTaskPage,
  queryTasks,
  queryUnit,
  queryUnits,
  type TaskFilter,
} from '../../src/archive/query.js';
import { random } from '../../src/bench/corpus.js';

const SEED = 'corpus/zhengzhou-2020-notice.txt';
const NEXT = 'corpus/diff/zhengzhou-2021-notice.txt';
/** Tasks with Latin letters, digits, ASCII and CJK punctuation, an astral character, a lone character. */
const MIXED = [
  '郑州市人民政府关于印发郑州市2021年臭氧污染防治实施方案的通知',
  '各县（市、区）人民政府，市人民政府各部门：',
  '现将《郑州市2021年臭氧污染防治实施方案》印发给你们，请认真贯彻执行。',
  '郑州市人民政府',
  '2021年3月1日',
  '郑州市2021年臭氧污染防治实施方案',
  '一、重点任务',
  '（一）削减VOCs。VOCs排放量下降10%，PM2.5浓度≤35μg/m³（市生态环境局牵头，市财政局配合）。',
  '（二）治理NOx。推进 NOx-减排 与“𠮷野家”油烟治理，a_b 100% 达标（市城市管理局牵头）。',
  '（三）尘。降尘，防止尘降（市住房保障局负责）。',
  '',
].join('\n');

async function* inputs(): AsyncGenerator<Input> {
  for (const path of [SEED, NEXT]) yield { path, bytes: readFileSync(path) };
  yield { path: 'mixed.txt', bytes: Buffer.from(MIXED) };
}

/** ASCII letters folded to lower case: what LIKE and the ascii tokenizer fold (and nothing else). */
const fold = (s: string): string => s.replace(/[A-Z]/g, (c) => c.toLowerCase());

/** The reference: every filter as a plain scan over the base tables (no derived table, no index on text). */
function scan(db: Db, f: TaskFilter): number[] {
  const where: string[] = [];
  const args: unknown[] = [];
  if (f.unit !== undefined) {
    where.push(
      'EXISTS (SELECT 1 FROM roles r WHERE r.task_id = t.id AND r.unit_id IN (SELECT id FROM units WHERE name = ? ' +
        `UNION SELECT unit_id FROM unit_names WHERE name = ?)${f.role ? ' AND r.role = ?' : ''})`,
    );
    args.push(f.unit, f.unit, ...(f.role ? [f.role] : []));
  } else if (f.role) {
    where.push('EXISTS (SELECT 1 FROM roles r WHERE r.task_id = t.id AND r.role = ?)');
    args.push(f.role);
  }
  if (f.dueFrom !== undefined || f.dueTo !== undefined) {
    where.push('EXISTS (SELECT 1 FROM deadlines d WHERE d.task_id = t.id AND d.date BETWEEN ? AND ?)');
    args.push(f.dueFrom ?? '0000-01-01', f.dueTo ?? '9999-12-31');
  }
  if (f.year !== undefined) {
    where.push('p.year = ?');
    args.push(f.year);
  }
  const rows = db
    .prepare(
      'SELECT t.id, t.text FROM tasks t JOIN plans p ON p.id = t.plan_id JOIN notices n ON n.id = t.notice_id ' +
        `${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY n.date, t.notice_id, t.id`,
    )
    .all(...args) as { id: number; text: string }[];
  const q = f.q?.trim();
  return rows.filter((r) => !q || fold(r.text).includes(fold(q))).map((r) => r.id);
}

describe('archive text search and filters', () => {
  let dir: string;
  let db: Db;
  let texts: string[];
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gongwen-search-'));
    db = await openArchive(join(dir, 's.db'), { write: true });
    await addInputs(db, inputs(), { convert: convertInProcess });
    texts = db.prepare('SELECT text FROM tasks ORDER BY id').pluck().all() as string[];
  }, 120_000);
  afterAll(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('cuts text into overlapping bigrams per run, and a query into the bigrams it needs', () => {
    expect(grams('扬尘治理')).toBe('扬尘 尘治 治理 理');
    expect(grams('PM2.5浓度，下降')).toBe('PM M2 2 5浓 浓度 度， ，下 下降 降');
    expect(grams('尘')).toBe('尘');
    expect(grams('𠮷野 a_b')).toBe('𠮷野 野 a b');
    expect(matchQuery('扬尘')).toBe('"扬尘"');
    expect(matchQuery('差异化管理')).toBe('"差异" AND "异化" AND "化管" AND "管理"');
    expect(matchQuery('尘尘尘')).toBe('"尘尘"');
    expect(matchQuery('尘')).toBe('"尘"*');
    expect(matchQuery('PM2.5')).toBe('"PM" AND "M2" AND "5"*');
    expect(matchQuery(' .-% ')).toBeNull();
    // one or two characters of one run: the index alone is exact; anything longer is checked against the text
    expect(['扬尘', '尘', 'Ab', '𠮷野'].map(matchIsExact)).toEqual([true, true, true, true]);
    expect(['差异化', 'P.M', '扬 尘', '%'].map(matchIsExact)).toEqual([false, false, false, false]);
  });

  it('cuts in one pass what the runs give (corpus task texts, and random strings of separators and surrogates)', () => {
    const reference = (text: string): string =>
      runs(text)
        .flatMap((r) => [...r.slice(1).map((c, i) => r[i]! + c), r.at(-1)!])
        .join(' ');
    for (const t of texts) expect(grams(t)).toBe(reference(t));
    // JavaScript's whitespace (and U+0085 and U+200B, which are not), ASCII punctuation edges, lone surrogates
    const alphabet = [
      ' ',
      '\t',
      '\n',
      '\u00a0',
      '\u0085',
      '\u1680',
      '\u200a',
      '\u200b',
      '\u2028',
      '\u202f',
      '\u205f',
      '\u3000',
      '\ufeff',
      'a',
      'Z',
      '0',
      '9',
      '_',
      '.',
      '@',
      '[',
      '`',
      '{',
      '\x7f',
      '\x80',
      '扬',
      '，',
      '𠮷',
      '\ud842',
      '\udfb7',
    ];
    const next = random(5);
    for (let k = 0; k < 20_000; k++) {
      let s = '';
      for (let i = Math.floor(next() * 12); i > 0; i--) s += alphabet[Math.floor(next() * alphabet.length)]!;
      expect(grams(s)).toBe(reference(s));
    }
  });

  it('finds exactly the tasks a plain scan finds, on random queries from the corpus', () => {
    const next = random(17);
    const queries = [
      '扬尘',
      '差异化管理',
      '尘',
      'VOCs',
      'vocs',
      'PM2.5',
      'nox-减',
      '𠮷',
      '𠮷野家',
      '100%',
      'a_b',
      'a%b',
      '%',
      '_',
      '，',
      '》',
      ' ',
      '牵头',
      '（市',
      '臭氧污染',
      '不存在的词语',
      '尘治',
      'μg/m³',
    ];
    for (let i = 0; i < 150; i++) {
      const text = texts[Math.floor(next() * texts.length)]!;
      const chars = [...text];
      const at = Math.floor(next() * chars.length);
      const q = chars.slice(at, at + 1 + Math.floor(next() * 6)).join('');
      // a substring, and the same with one character swapped for another of the corpus (mostly absent)
      queries.push(q, q.slice(0, -1) + ([...texts[i % texts.length]!][0] ?? '的'));
    }
    for (const q of ['扬尘', '尘', 'vocs', 'PM2.5', 'nox-减', '𠮷野家', '100%', 'a_b', '，', 'μg/m³'])
      expect(scan(db, { q }).length, q).toBeGreaterThan(0);
    // 降尘 and 尘降 stand in one task, 降尘降 nowhere: the index proposes it, the check against the text drops it
    const proposed = db.prepare('SELECT COUNT(*) FROM tasks_fts WHERE tasks_fts MATCH ?').pluck();
    expect(proposed.get(matchQuery('降尘降'))).toBe(1);
    expect(queryTasks(db, { q: '降尘降' })).toEqual([]);
    for (const q of queries) {
      const got = queryTasks(db, { q, limit: 1_000_000 }).map((t) => t.id);
      expect(got, q).toEqual(scan(db, { q }));
    }
  });

  it('answers every combination of filters in the same order as a scan, page by page, with its count', () => {
    const filters: TaskFilter[] = [
      {},
      { role: 'lead' },
      { role: 'lead', year: 2021 },
      { year: 2020 },
      { unit: '市生态环境局' },
      { unit: '郑州市生态环境局', role: 'lead', year: 2021 },
      { unit: '市生态环境局', role: 'lead', dueFrom: '2020-04-01', dueTo: '2021-06-30' },
      { unit: '市生态环境局', q: '扬尘' },
      { unit: '市生态环境局', q: '%' },
      { q: '扬尘', role: 'responsible' },
      { dueFrom: '2021-01-01' },
      { dueTo: '2020-10-31', q: '工业' },
      { role: 'cooperating', year: 2020, q: '治理' },
      { unit: '没有这个单位' },
    ];
    for (const f of filters) {
      const all = scan(db, f);
      expect(
        queryTasks(db, { ...f, limit: 1_000_000 }).map((t) => t.id),
        JSON.stringify(f),
      ).toEqual(all);
      const page = queryTaskPage(db, { ...f, limit: 7, offset: 5 });
      expect(page.rows.map((t) => t.id)).toEqual(all.slice(5, 12));
      expect(page).toMatchObject({ total: all.length, more: false });
      if (all.length > 3) expect(queryTaskPage(db, f, 3)).toMatchObject({ total: 3, more: true });
    }
    expect(
      scan(db, { unit: '市生态环境局', role: 'lead', dueFrom: '2020-04-01', dueTo: '2021-06-30' }).length,
    ).toBeGreaterThan(0);
  });

  it('serves the task list a page at a time, with the count and links to the pages around', async () => {
    const { routes, PAGE_SIZE } = await import('../../src/serve/pages.js');
    const total = scan(db, {}).length;
    expect(total).toBeGreaterThan(2 * PAGE_SIZE);
    const last = Math.ceil(total / PAGE_SIZE);
    const rows = (html: string) => html.match(/<tr>/g)!.length - 1;
    const first = routes(db, ['tasks'], new URLSearchParams())!;
    expect(first).toContain(`<p>${total} tasks</p>`);
    expect(first).toContain(`page 1 of ${last}`);
    expect(first).not.toContain('previous');
    expect(rows(first)).toBe(PAGE_SIZE);
    const end = routes(db, ['tasks'], new URLSearchParams(`page=${last}&q=`))!;
    expect(end).toContain('href="/tasks?page=' + (last - 1) + '&amp;q=">← previous');
    expect(end).not.toContain('next →');
    expect(rows(end)).toBe(total - (last - 1) * PAGE_SIZE);
    for (const bad of ['x', '0', '-2', '1.5', '1e20'])
      expect(routes(db, ['tasks'], new URLSearchParams(`page=${bad}`))).toContain('page 1 of');
  });

  it("names one unit for a unit's page: the canonical name's, else the one its spelling was met for most", () => {
    expect(queryUnit(db, '市生态环境局')).toEqual(queryUnits(db, '郑州市生态环境局')[0]);
    expect(queryUnit(db, '郑州市生态环境局')!.spellings).toContain('市生态环境局');
    expect(queryUnit(db, '没有这个单位')).toBeUndefined();
  });

  it('refuses an archive of another schema version, for reading and writing, without changing it', async () => {
    const file = join(dir, 'old.db');
    const old = await openArchive(file, { write: true });
    old.prepare("UPDATE meta SET value = '1' WHERE key = 'schema'").run();
    old.exec('DROP TABLE task_keys');
    old.close();
    for (const write of [true, false]) {
      const open = openArchive(file, { write });
      await expect(open).rejects.toThrow(ArchiveError);
      await expect(openArchive(file, { write })).rejects.toThrow(
        /archive schema 1, this gongwen reads \d+; build a new/,
      );
    }
    const D = (await import('better-sqlite3')).default;
    const raw = new D(file, { readonly: true });
    expect(raw.prepare("SELECT COUNT(*) FROM sqlite_master WHERE name = 'task_keys'").pluck().get()).toBe(0);
    raw.close();
  });

  it('refuses an archive made by a newer gongwen, saying to upgrade, and calls a 2 archive with brotli blobs 3', async () => {
    const file = join(dir, 'newer.db');
    const newer = await openArchive(file, { write: true });
    newer.prepare("UPDATE meta SET value = '4' WHERE key = 'schema'").run();
    newer.close();
    for (const write of [true, false])
      await expect(openArchive(file, { write })).rejects.toThrow(
        /archive schema 4, made by a newer gongwen; this gongwen reads schemas 2, 3: upgrade gongwen/,
      );
    const mislabelled = join(dir, 'mislabelled.db');
    const made = await openArchive(mislabelled, { write: true });
    made.prepare("UPDATE meta SET value = '2' WHERE key = 'schema'").run();
    made.close();
    const read = await openArchive(mislabelled, { write: false });
    expect(read.prepare("SELECT value FROM meta WHERE key = 'schema'").pluck().get()).toBe('2');
    read.close();
    const written = await openArchive(mislabelled, { write: true });
    expect(written.prepare("SELECT value FROM meta WHERE key = 'schema'").pluck().get()).toBe('3');
    written.close();
  });
});
