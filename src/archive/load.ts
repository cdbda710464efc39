/** Reads back what the archive keeps whole: a notice's graph JSON and its repaired text (both deflated). */
import { inflateSync } from 'node:zlib';
import type { NoticeGraph } from '../graph/schema.js';
import { ArchiveError, type Db } from './db.js';

function blob(db: Db, id: number): { graph: Buffer; text: Buffer; text_exact: number } {
  const row = db.prepare('SELECT graph, text, text_exact FROM notice_blobs WHERE notice_id = ?').get(id) as
    { graph: Buffer; text: Buffer; text_exact: number } | undefined;
  if (!row) throw new ArchiveError(`no notice ${id} in the archive`);
  return row;
}

/** The NoticeGraph of a notice, as it was added. */
export function loadGraph(db: Db, id: number): NoticeGraph {
  return JSON.parse(inflateSync(blob(db, id).graph).toString('utf8')) as NoticeGraph;
}

/** The repaired text of a notice; `exact` is false when it was laid out from the graph's leaves. */
export function loadText(db: Db, id: number): { text: string; exact: boolean } {
  const row = blob(db, id);
  return { text: inflateSync(row.text).toString('utf8'), exact: row.text_exact === 1 };
}
