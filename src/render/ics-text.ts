/** RFC 5545 content lines: TEXT escaping, folding at 75 octets, and DATE / DATE-TIME values. */

/** The line break of iCalendar. */
export const ICS_EOL = '\r\n';

/** The longest content line, in octets, before it is folded. */
export const FOLD_OCTETS = 75;

/** Escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * Folds one content line (RFC 5545 §3.1) so that no line exceeds 75 octets of UTF-8: continuation lines start
 * with one space, and a multi-byte character is never cut.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, 'utf8');
    if (octets + size > FOLD_OCTETS) {
      parts.push(current);
      current = ' ';
      octets = 1;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join(ICS_EOL);
}

/** A DATE value: 2020-10-31 → 20201031. */
export function icsDate(iso: string): string {
  return iso.replace(/-/g, '');
}

/** The day after an ISO date, as a DATE value (the exclusive end of an all-day event). */
export function icsNextDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return icsDate(d.toISOString().slice(0, 10));
}

/** A UTC DATE-TIME at midnight of an ISO date: 2020-04-16 → 20200416T000000Z. */
export function icsMidnightUtc(iso: string): string {
  return `${icsDate(iso)}T000000Z`;
}
