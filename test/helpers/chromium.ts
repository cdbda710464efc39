/** Test helper: Debian's chromium found on the PATH, launched headless through playwright-core with a fresh profile. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';

/** The chromium on the PATH, or '' when there is none. */
export const CHROMIUM = spawnSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], {
  encoding: 'utf8',
}).stdout.trim();

/** A headless chromium with a fresh profile in `dir`, without any background network of its own. */
export async function launchChromium(
  dir: string,
  viewport: { width: number; height: number },
): Promise<BrowserContext> {
  const { chromium } = await import('playwright-core');
  return chromium.launchPersistentContext(mkdtempSync(join(dir, 'chromium-')), {
    executablePath: CHROMIUM,
    viewport,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
    ].concat(['--disable-component-update', '--disable-sync', '--disable-quic']),
  });
}

/**
 * Prints the page `html` (a file) to the PDF `pdf` with the chromium on the PATH, a fresh profile under `dir`;
 * with `headerFooter`, the browser's date, title, URL and page count at the top and bottom of each page.
 */
export function printToPdf(html: string, pdf: string, dir: string, headerFooter = false): void {
  execFileSync(
    CHROMIUM,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      `--user-data-dir=${join(dir, 'profile')}`,
      headerFooter ? '--pdf-header-footer' : '--no-pdf-header-footer',
      `--print-to-pdf=${pdf}`,
      `file://${html}`,
    ],
    { stdio: 'ignore' },
  );
}
