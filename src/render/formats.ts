/** The output formats by command, apart so that the CLI can check `--format` without loading the renderers. */

/** The formats `gongwen convert` renders besides its JSON. */
export const DOCUMENT_FORMATS = ['csv', 'xlsx', 'ics', 'md'] as const;
/** One of `DOCUMENT_FORMATS`. */
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

/** Formats that take `--unit` (the task outputs). */
export const UNIT_FILTERED_FORMATS: readonly DocumentFormat[] = ['csv', 'xlsx', 'ics'];

/** Formats written as bytes rather than UTF-8 text. */
export const BINARY_FORMATS: readonly DocumentFormat[] = ['xlsx'];

/** The formats of `gongwen units`, the default first. */
export const UNIT_FORMATS = ['table', 'json', 'md', 'csv'] as const;
/** One of `UNIT_FORMATS`. */
export type UnitFormat = (typeof UNIT_FORMATS)[number];

/** Whether `value` is one of `formats`. */
export function isFormat<T extends string>(formats: readonly T[], value: string): value is T {
  return (formats as readonly string[]).includes(value);
}
