/** Whether an input is graph JSON rather than a notice: used by `gongwen diff` and `gongwen archive add`. */

/** Whether the bytes are JSON (a NoticeGraph), judged by the first character after any BOM and whitespace. */
export function looksLikeJson(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 64))
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  return head.startsWith('{');
}
