/** Reads back what the archive keeps whole: a notice's graph JSON and its repaired text (compressed: codec.ts). */
import type { NoticeGraph } from '../graph/schema.js';
import { unpack } from './codec.js';
import { ArchiveError, blobCodec, type Db } from './db.js';
import { textFromLeaves } from './text.js';

function blob(db: Db, id: number): { graph: Buffer; text: Buffer; text_exact: number } {
  const row = db.prepare('SELECT graph, text, text_exact FROM notice_blobs WHERE notice_id = ?').get(id) as
    { graph: Buffer; text: Buffer; text_exact: number } | undefined;
  if (!row) throw new ArchiveError(`no notice ${id} in the archive`);
  return row;
}

/** The NoticeGraph of a notice, as it was added. */
export function loadGraph(db: Db, id: number): NoticeGraph {
  return JSON.parse(unpack(blob(db, id).graph, blobCodec(db)).toString('utf8')) as NoticeGraph;
}

/**
 * The repaired text of a notice; `exact` is false when its input was not at hand when it was added, and the text
 * is laid out from the graph's leaves (older archives stored that layout; newer ones make it here).
 */
export function loadText(db: Db, id: number): { text: string; exact: boolean } {
  const row = blob(db, id);
  const exact = row.text_exact === 1;
  if (!exact && row.text.length === 0) return { text: textFromLeaves(loadGraph(db, id)), exact };
  return { text: unpack(row.text, blobCodec(db)).toString('utf8'), exact };
}
