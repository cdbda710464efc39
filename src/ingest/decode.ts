/**
 * Decoding bytes to text by detection: a byte-order mark decides; otherwise valid UTF-8 is UTF-8, and what is
 * not is tried as GB18030 (a superset of GBK and GB2312). Validity is tested by `TextDecoder` with `fatal: true`,
 * so each attempt is one native pass over the bytes.
 *
 * Known ambiguities, resolved in favour of UTF-8:
 * - A short GBK text can also be valid UTF-8 by chance (the GBK bytes of "鍙戝竷" are the UTF-8 bytes of "发布").
 *   Valid UTF-8 wins: long Chinese GBK text is almost never valid UTF-8, while UTF-8 misread as GBK is common.
 * - Big5 and other legacy double-byte encodings often decode "cleanly" as GB18030 into the wrong characters;
 *   nothing here can tell them apart, so they come out as GB18030 mojibake.
 */
import { describeInput, IngestError, PLAIN_TEXT_ADVICE } from './errors.js';
import { detectBom, hasUtf32Bom } from './bom.js';
import type { SourceEncoding } from './types.js';

/** The text of the bytes and the encoding it was decoded from. */
export interface Decoded {
  text: string;
  encoding: SourceEncoding;
}

/** C0 control characters other than tab, line feed, vertical tab, form feed and carriage return; and DEL. */
const CONTROL_CHARS = /[\x00-\x08\x0E-\x1F\x7F]/g;

/** Above this share of control characters a "text" is taken for binary data (text has next to none)… */
const MAX_CONTROL_SHARE = 0.02;
/** …unless there are only this many or fewer: a few strays (an ESC, a DOS end-of-file mark) do not make a short text binary. */
const MAX_STRAY_CONTROLS = 3;

const NUL = 0;

/** Whether `text` holds too many control characters (see `CONTROL_CHARS`) to be text. */
function isControlHeavy(text: string): boolean {
  const controls = text.match(CONTROL_CHARS)?.length ?? 0;
  return controls > MAX_STRAY_CONTROLS && controls / text.length > MAX_CONTROL_SHARE;
}

/** Decodes strictly; `undefined` when the bytes are not valid in that encoding. */
function tryDecode(label: string, bytes: Uint8Array): string | undefined {
  try {
    // ignoreBOM: the caller has already cut a leading BOM off; a second U+FEFF is content and must stay.
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function binaryError(where: string, path: string | undefined, why: string): IngestError {
  return new IngestError(
    'binary-input',
    `${where}: looks like binary data, not text (${why}); ${PLAIN_TEXT_ADVICE}`,
    path,
  );
}

function decodeWithoutBom(bytes: Uint8Array, where: string, path: string | undefined): Decoded {
  if (bytes.includes(NUL)) {
    throw binaryError(where, path, 'it contains NUL bytes; UTF-16 text needs a byte-order mark');
  }
  const utf8 = tryDecode('utf-8', bytes);
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8' };
  const gb = tryDecode('gb18030', bytes);
  if (gb !== undefined) return { text: gb, encoding: 'gb18030' };
  // Neither decodes: tell noise from text in some other encoding by its control characters (ASCII in both).
  if (isControlHeavy(new TextDecoder('latin1').decode(bytes))) {
    throw binaryError(where, path, 'it is neither UTF-8 nor GB18030 and is full of control characters');
  }
  throw new IngestError(
    'unknown-encoding',
    `${where}: is neither valid UTF-8 nor valid GB18030/GBK; re-save it as UTF-8 (e.g. iconv -f <encoding> -t UTF-8)`,
    path,
  );
}

function decodeWithBom(
  bytes: Uint8Array,
  label: string,
  bomLength: number,
  where: string,
  path: string | undefined,
): string {
  const text = tryDecode(label, bytes.subarray(bomLength));
  if (text === undefined) {
    throw new IngestError(
      'unknown-encoding',
      `${where}: starts with a ${label.toUpperCase()} byte-order mark but is not valid ${label.toUpperCase()}; re-save it as UTF-8`,
      path,
    );
  }
  return text;
}

/**
 * Decodes the bytes of a text file by detection (see the module comment). A leading BOM is dropped; everything
 * else, CRLF and control characters included, is kept as it is.
 * Throws `IngestError` 'unknown-encoding' for bytes no accepted encoding reads, 'binary-input' for NUL bytes or
 * a high share of control characters.
 */
export function decodeBytes(bytes: Uint8Array, path?: string): Decoded {
  const where = describeInput(path);
  if (hasUtf32Bom(bytes)) {
    throw new IngestError(
      'unknown-encoding',
      `${where}: is UTF-32, which is not supported; re-save it as UTF-8`,
      path,
    );
  }
  const bom = detectBom(bytes);
  const decoded: Decoded = bom
    ? { text: decodeWithBom(bytes, bom.decoderLabel, bom.bytes.length, where, path), encoding: bom.encoding }
    : decodeWithoutBom(bytes, where, path);
  if (decoded.text.includes('\0')) throw binaryError(where, path, 'it contains NUL characters');
  if (isControlHeavy(decoded.text)) throw binaryError(where, path, 'it is full of control characters');
  return decoded;
}
