/**
 * Test-only encoders: Node can decode GB18030 but has no encoder for it, nor for UTF-16 BE.
 */
import { spawnSync } from 'node:child_process';

const ASCII_LIMIT = 0x80;
const LEAD_FIRST = 0x81;
const LEAD_LAST = 0xfe;
const TRAIL_FIRST = 0x40;
const TRAIL_LAST = 0xfe;
/** 0x7F is never a trail byte. */
const TRAIL_GAP = 0x7f;

let table: Map<string, [number, number]> | undefined;

/** Character → GBK double-byte code, by inverting `TextDecoder('gb18030')` over all two-byte codes. */
function gbkTable(): Map<string, [number, number]> {
  if (table) return table;
  table = new Map();
  const decoder = new TextDecoder('gb18030', { fatal: true });
  for (let lead = LEAD_FIRST; lead <= LEAD_LAST; lead++) {
    for (let trail = TRAIL_FIRST; trail <= TRAIL_LAST; trail++) {
      if (trail === TRAIL_GAP) continue;
      const char = decoder.decode(new Uint8Array([lead, trail]));
      if (!table.has(char)) table.set(char, [lead, trail]);
    }
  }
  return table;
}

/** Encodes `text` as GBK from the inverted decoder table; throws on a character GBK lacks. */
export function encodeGbkByTable(text: string): Uint8Array {
  const codes = gbkTable();
  const out: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < ASCII_LIMIT) {
      out.push(code);
      continue;
    }
    const pair = codes.get(char);
    if (!pair) throw new Error(`no GBK code for ${JSON.stringify(char)}`);
    out.push(...pair);
  }
  return Uint8Array.from(out);
}

/** Encodes `text` as GB18030 with the iconv command when it is installed; `undefined` when it is not. */
export function encodeGb18030ByIconv(text: string): Uint8Array | undefined {
  const result = spawnSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: text });
  if (result.error || result.status !== 0) return undefined;
  return new Uint8Array(result.stdout);
}

/** Encodes `text` as GB18030: iconv when available, else the GBK table (enough for the seed). */
export function encodeGb18030(text: string): Uint8Array {
  return encodeGb18030ByIconv(text) ?? encodeGbkByTable(text);
}

/** Encodes `text` as UTF-16 BE (Node's Buffer only writes LE). */
export function encodeUtf16be(text: string): Uint8Array {
  const bytes = Buffer.from(text, 'utf16le');
  bytes.swap16();
  return new Uint8Array(bytes);
}

/** The concatenation of byte arrays. */
export function concat(...parts: (Uint8Array | readonly number[])[]): Uint8Array {
  return new Uint8Array(Buffer.concat(parts.map((p) => Uint8Array.from(p))));
}
