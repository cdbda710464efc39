/**
 * Byte-order marks: the signatures that announce a Unicode encoding at the start of a file.
 */

/** A byte-order mark we decode: how we report it, the WHATWG decoder label, and its length in bytes. */
export interface Bom {
  encoding: 'utf-8-bom' | 'utf-16le' | 'utf-16be';
  decoderLabel: 'utf-8' | 'utf-16le' | 'utf-16be';
  bytes: readonly number[];
}

/** UTF-32 marks, checked first because the UTF-32 LE mark begins with the UTF-16 LE one. We refuse UTF-32. */
const UTF32_BOMS: readonly (readonly number[])[] = [
  [0xff, 0xfe, 0x00, 0x00],
  [0x00, 0x00, 0xfe, 0xff],
];

const BOMS: readonly Bom[] = [
  { encoding: 'utf-8-bom', decoderLabel: 'utf-8', bytes: [0xef, 0xbb, 0xbf] },
  { encoding: 'utf-16le', decoderLabel: 'utf-16le', bytes: [0xff, 0xfe] },
  { encoding: 'utf-16be', decoderLabel: 'utf-16be', bytes: [0xfe, 0xff] },
];

/** Whether `bytes` begins with `signature`. */
export function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.length <= bytes.length && signature.every((byte, i) => bytes[i] === byte);
}

/** Whether the bytes open with a UTF-32 byte-order mark. */
export function hasUtf32Bom(bytes: Uint8Array): boolean {
  return UTF32_BOMS.some((bom) => startsWith(bytes, bom));
}

/** The UTF-8 or UTF-16 byte-order mark the bytes open with, if any. */
export function detectBom(bytes: Uint8Array): Bom | undefined {
  return BOMS.find((bom) => startsWith(bytes, bom.bytes));
}
