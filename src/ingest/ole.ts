/** Recognising an OLE compound file (Word 97–2003 .doc, WPS .wps) without loading a Word reader. */
import { startsWith } from './bom.js';

/** The signature of an OLE compound file. */
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Whether the bytes are an OLE compound file (a .doc or .wps document, among others). */
export function isOleDocument(bytes: Uint8Array): boolean {
  return startsWith(bytes, OLE_SIGNATURE);
}
