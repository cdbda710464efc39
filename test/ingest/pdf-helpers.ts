/** Shared helpers of the PDF ingest tests: fixture paths, conversion through ingestAsync, seed scoring. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { headAgainstText, scoreAgainstText } from '../../src/eval/producers.js';
import { scoreSeed, type Gold } from '../../src/eval/seed.js';
import type { NoticeGraph } from '../../src/graph/schema.js';
import { convertSync } from '../../src/index.js';
import { ingestAsync, type IngestOptions } from '../../src/ingest/index.js';
import { convertSource } from '../../src/pipeline.js';

export const PDF_DIR = join(import.meta.dirname, '..', '..', 'corpus', 'pdf');
export const CORPUS = join(import.meta.dirname, '..', '..', 'corpus');

/** The bytes of a fixture in corpus/pdf/. */
export const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(join(PDF_DIR, name)));

/** Converts bytes through the async ingest and the pipeline. */
export async function convertBytes(
  bytes: Uint8Array,
  path: string,
  options: IngestOptions = {},
): Promise<NoticeGraph> {
  const source = await ingestAsync(bytes, { ...options, path });
  return convertSource(source, bytes, { path });
}

/** F1 of tasks and of units (all roles pooled) against the seed's gold. */
export function seedF1(graph: NoticeGraph): { tasks: number; units: number } {
  const gold = JSON.parse(
    readFileSync(join(CORPUS, 'gold', 'zhengzhou-2020-notice.gold.json'), 'utf8'),
  ) as Gold;
  const scores = scoreSeed(graph, gold);
  const tasks = scores.find((s) => s.kind === 'tasks')!.f1;
  const units = scores.filter((s) => s.kind.startsWith('units:'));
  const tp = units.reduce((n, s) => n + s.tp, 0);
  const g = units.reduce((n, s) => n + s.gold, 0);
  const f = units.reduce((n, s) => n + s.found, 0);
  return { tasks, units: (2 * tp) / (g + f) };
}

/** Whether a command is on PATH. */
export function hasCommand(command: string, args = ['--version']): boolean {
  try {
    execFileSync(command, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** The PDF's graph against the graph of the corpus text `rel`: every kind and head field the same. */
export async function expectSameNotice(pdf: string, rel: string): Promise<void> {
  const text = convertSync(readFileSync(join(CORPUS, rel), 'utf8'), { path: `corpus/${rel}` });
  const graph = await convertBytes(new Uint8Array(readFileSync(pdf)), pdf);
  const differ = scoreAgainstText(graph, text).filter((s) => s.f1 < 1);
  expect(differ.map((s) => ({ kind: s.kind, missed: s.missed, extra: s.spurious }))).toEqual([]);
  for (const [field, v] of Object.entries(headAgainstText(graph, text)))
    expect(v.found, field).toBe(v.expected);
  expect(graph.document.docNumber).toBe(text.document.docNumber);
}
