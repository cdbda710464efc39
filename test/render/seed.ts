/** Test helper: the seed notice converted once, its raw text, and its gold tasks. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../src/grammars.js';
import { convertSync, type NoticeGraph } from '../../src/index.js';

/** Path of the seed notice. */
export const SEED_PATH = join(PACKAGE_ROOT, 'corpus/zhengzhou-2020-notice.txt');

const bytes = readFileSync(SEED_PATH);

/** The seed's decoded text (UTF-8 without BOM). */
export const seedRaw: string = bytes.toString('utf8');

/** The seed's NoticeGraph. */
export const seedGraph: NoticeGraph = convertSync(bytes, { path: SEED_PATH });

/** A gold task, as the gold writes it. */
export interface GoldTask {
  path: string;
  number: string | null;
  title: string;
  lead: string[];
  cooperating: string[];
  responsible: string[];
  deadlines: { text: string; date: string | null; kind: string }[];
}

/** The gold's plans (ids air, water, soil) and their tasks. */
export const goldPlans: { id: string; tasks: GoldTask[] }[] = (
  JSON.parse(readFileSync(join(PACKAGE_ROOT, 'corpus/gold/zhengzhou-2020-notice.gold.json'), 'utf8')) as {
    plans: { id: string; tasks: GoldTask[] }[];
  }
).plans;

/** A graph with the given nodes and edges around one plan, for small hand-made cases. */
export function tinyGraph(nodes: NoticeGraph['nodes'], edges: NoticeGraph['edges']): NoticeGraph {
  return {
    schemaVersion: '1.1.0',
    source: { path: 'tiny.txt', sha256: '0'.repeat(64), format: 'txt', encoding: 'utf-8' },
    document: { title: '关于印发测试方案的通知', issuers: ['测试办'], date: '2020-04-16', recipients: [] },
    nodes: [{ id: 'notice', type: 'notice', title: '关于印发测试方案的通知' }, ...nodes],
    edges,
    repairs: [],
    diagnostics: [],
  };
}
