/**
 * A tiny typesetter for the PDF fixtures: paragraphs → wrapped, positioned lines → one SVG per page, which
 * `rsvg-convert -f pdf` (librsvg, cairo) turns into a PDF with an embedded subset of Noto Sans CJK, as a word
 * processor's export would have. Advance widths are measured, not guessed (see `measure`).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** The font every fixture uses (Debian fonts-noto-cjk). */
export const FONT = 'Noto Sans CJK SC';
/** A4 in points. */
export const PAGE = { w: 595, h: 842 };

/** One paragraph to set: its text, size, and how it sits (indented body text, centred title, flush right). */
export interface Para {
  text: string;
  size: number;
  align: 'indent' | 'left' | 'center' | 'right';
}

/** A positioned line of text (baseline y, from the top of the page). */
export interface Placed {
  text: string;
  x: number;
  y: number;
  size: number;
  anchor?: 'start' | 'middle' | 'end';
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The SVG of one page. */
export function pageSvg(lines: Placed[]): string {
  const body = lines
    .map(
      (l) =>
        `<text x="${l.x.toFixed(2)}" y="${l.y.toFixed(2)}" font-family="${FONT}" font-size="${l.size}"` +
        ` text-anchor="${l.anchor ?? 'start'}" xml:space="preserve">${esc(l.text)}</text>`,
    )
    .join('\n');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${PAGE.w}pt" height="${PAGE.h}pt" viewBox="0 0 ${PAGE.w} ${PAGE.h}">\n<rect width="100%" height="100%" fill="white"/>\n${body}\n</svg>\n`;
}

/** Writes the pages as SVG files and joins them into one PDF with rsvg-convert. */
export function writePdf(pages: Placed[][], out: string): void {
  const dir = mkdtempSync(join(tmpdir(), 'gongwen-pdf-'));
  try {
    const files = pages.map((p, i) => {
      const f = join(dir, `p${String(i + 1).padStart(3, '0')}.svg`);
      writeFileSync(f, pageSvg(p));
      return f;
    });
    execFileSync('rsvg-convert', ['-f', 'pdf', '-o', out, ...files]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Advance widths (in em) of every character in `text`, measured by setting each one alone and reading the
 * width pdfjs reports for it. */
export async function measure(text: string): Promise<Map<string, number>> {
  const chars = [...new Set(text.replace(/\s/g, ''))];
  const perPage = 60;
  const pages: Placed[][] = [];
  for (let i = 0; i < chars.length; i += perPage)
    pages.push(chars.slice(i, i + perPage).map((c, j) => ({ text: c, x: 20, y: 20 + j * 13, size: 10 })));
  const dir = mkdtempSync(join(tmpdir(), 'gongwen-measure-'));
  const widths = new Map<string, number>([[' ', 0]]);
  try {
    const pdf = join(dir, 'm.pdf');
    writePdf(pages, pdf);
    const doc = await getDocument({ data: new Uint8Array(readFileSync(pdf)), isEvalSupported: false })
      .promise;
    for (let p = 1; p <= doc.numPages; p++) {
      const items = (await (await doc.getPage(p)).getTextContent()).items;
      for (const it of items) if ('str' in it && it.str.trim()) widths.set(it.str.trim(), it.width / 10);
    }
    await doc.destroy();
    // A space: the width of "a a" less that of "aa" is not needed; Noto's space is a quarter em.
    widths.set(' ', 0.25);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return widths;
}

/** Breaks a paragraph into lines no wider than `width` points (first line shortened by `indent`). Latin words
 * are kept whole where they fit; CJK breaks anywhere. */
export function wrap(
  text: string,
  size: number,
  width: number,
  indent: number,
  em: Map<string, number>,
): string[] {
  const w = (c: string): number => (em.get(c) ?? 1) * size;
  const lines: string[] = [];
  let line = '';
  let used = indent;
  const tokens = text.match(/[A-Za-z0-9.%]+|./gsu) ?? [];
  for (const tok of tokens) {
    const tw = [...tok].reduce((s, c) => s + w(c), 0);
    if (used + tw > width && line.trim() !== '') {
      lines.push(line);
      line = '';
      used = 0;
      if (tok === ' ') continue;
    }
    line += tok;
    used += tw;
  }
  if (line.trim() !== '') lines.push(line);
  return lines;
}

/** The width of a line in points. */
export function lineWidth(text: string, size: number, em: Map<string, number>): number {
  return [...text].reduce((s, c) => s + (em.get(c) ?? 1) * size, 0);
}
