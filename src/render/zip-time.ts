/**
 * Fixed timestamps in a zip archive. Zip writers stamp each entry with the time of writing, so the same
 * workbook written twice differs in those bytes; setting every entry's time to one given date makes an
 * .xlsx depend on its content alone. The archive is walked by its structure (end record → central
 * directory → local headers), never by searching for signatures in compressed data.
 */

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
/** Fixed size of the end-of-central-directory record, before its comment. */
const EOCD_SIZE = 22;
/** The longest comment the end record can have (its length is 16 bits). */
const MAX_COMMENT = 0xffff;
/** Fixed size of a central directory entry, before its name, extra field and comment. */
const CENTRAL_SIZE = 46;
/** Fixed size of a local header, before its name and extra field. */
const LOCAL_SIZE = 30;
/** The earliest year an MS-DOS date can hold. */
const DOS_EPOCH = 1980;

/** The MS-DOS time and date fields of `date` (UTC, 2-second resolution, clamped to 1980). */
export function dosDateTime(date: Date): { time: number; date: number } {
  if (date.getUTCFullYear() < DOS_EPOCH) return { time: 0, date: (1 << 5) | 1 };
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1),
    date: ((date.getUTCFullYear() - DOS_EPOCH) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}

/** Offset of the end-of-central-directory record, searched backwards over the longest possible comment. */
function endRecord(zip: Buffer): number {
  const lowest = Math.max(0, zip.length - EOCD_SIZE - MAX_COMMENT);
  for (let at = zip.length - EOCD_SIZE; at >= lowest; at--)
    if (zip.readUInt32LE(at) === EOCD_SIGNATURE) return at;
  throw new Error('not a zip archive: no end-of-central-directory record');
}

/**
 * Sets the modification time of every entry of `zip` (in place) to `date`, in its central directory entry
 * and in its local header. Throws on a malformed archive.
 */
export function setZipTimes(zip: Buffer, date: Date): Buffer {
  const { time, date: day } = dosDateTime(date);
  const eocd = endRecord(zip);
  const entries = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  for (let i = 0; i < entries; i++) {
    if (at + CENTRAL_SIZE > zip.length || zip.readUInt32LE(at) !== CENTRAL_SIGNATURE)
      throw new Error(`malformed zip archive: central directory entry ${i} not found`);
    zip.writeUInt16LE(time, at + 12);
    zip.writeUInt16LE(day, at + 14);
    const local = zip.readUInt32LE(at + 42);
    if (local + LOCAL_SIZE > zip.length || zip.readUInt32LE(local) !== LOCAL_SIGNATURE)
      throw new Error(`malformed zip archive: local header of entry ${i} not found`);
    zip.writeUInt16LE(time, local + 10);
    zip.writeUInt16LE(day, local + 12);
    at += CENTRAL_SIZE + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return zip;
}
