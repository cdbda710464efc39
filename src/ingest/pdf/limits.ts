/** Limits of the PDF reader that callers may name without loading pdfjs. */

/** Most pages a PDF may have before it is refused (configurable: `maxPages`, `--max-pages`). */
export const DEFAULT_MAX_PAGES = 500;
