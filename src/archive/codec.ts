/**
 * How the archive compresses what it keeps whole (a notice's graph JSON and its repaired text). Brotli at quality 1
 * took about half the CPU of deflate at level 1 for blobs ~7% smaller (bench graphs: 0.5 vs 1.1 ms, 33 vs 35 KB a
 * notice) and reads back as fast; quality 0 (now) takes less still. An archive records its codec in `meta` when it is created (db.ts); one made
 * before brotli has no record and keeps deflate for every blob, old and new.
 */
import { brotliCompressSync, brotliDecompressSync, constants, deflateSync, inflateSync } from 'node:zlib';

export const BLOB_CODECS = ['deflate', 'brotli'] as const;
export type BlobCodec = (typeof BLOB_CODECS)[number];

/**
 * Brotli's fastest setting: on the bench graphs (182 KB of pretty JSON) quality 0 takes 0.93 ms where 1 takes
 * 1.20 (the texts: 0.40 and 0.56 ms) for blobs ~10% larger (36.2 vs 32.8 KB; 17.6 vs 16.9 KB). Any quality
 * reads back with the same decoder, so archives made at quality 1 read and mix as they are.
 */
const BROTLI_QUALITY = 0;

/** The bytes or text compressed with the codec. */
export function pack(data: Uint8Array | string, codec: BlobCodec): Buffer {
  if (codec === 'deflate') return deflateSync(data, { level: 1 });
  const size = typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength;
  return brotliCompressSync(data, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: size,
    },
  });
}

/** The bytes a blob was made of. */
export function unpack(blob: Uint8Array, codec: BlobCodec): Buffer {
  return codec === 'deflate' ? inflateSync(blob) : brotliDecompressSync(blob);
}
