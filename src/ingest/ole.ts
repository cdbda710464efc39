/** Recognising an OLE compound file (Word 97–2003 .doc, WPS .wps) without loading a Word reader. */
import { startsWith } from './bom.js';

/** The signature of an OLE compound file. */
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Whether the bytes are an OLE compound file (a .doc or .wps document, among others). */
export function isOleDocument(bytes: Uint8Array): boolean {
  return startsWith(bytes, OLE_SIGNATURE);
}

/** A name in an OLE directory is UTF-16LE: a spreadsheet holds a Workbook (Excel 97 on, WPS 表格) or Book stream. */
const WORKBOOK_STREAMS = ['Workbook', 'Book'].map((n) => Buffer.from(`${n}\0`, 'utf16le'));
const WORD_STREAM = Buffer.from('WordDocument', 'utf16le');

/** Whether an OLE compound file is a spreadsheet (.xls, .et) rather than a text document (.doc, .wps). */
export function isOleSpreadsheet(bytes: Uint8Array): boolean {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return !view.includes(WORD_STREAM) && WORKBOOK_STREAMS.some((s) => view.includes(s));
}
