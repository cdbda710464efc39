/**
 * Running the external programs some inputs need (pdftoppm and tesseract for OCR, LibreOffice for .doc/.wps):
 * a program that is not installed is an IngestError 'missing-tool' saying how to install it; one that fails is
 * 'tool-failed' with its own message.
 */
import { execFile } from 'node:child_process';
import { describeInput, IngestError } from './errors.js';

/** How to install the OCR tools on Debian/Ubuntu. */
export const OCR_INSTALL = 'apt-get install tesseract-ocr tesseract-ocr-chi-sim poppler-utils';

/** The largest output read from a tool (tesseract's TSV of a dense page is a few hundred KB). */
const MAX_OUTPUT = 64 * 1024 * 1024;

/** A program to run, and how to get it when it is missing. */
export interface Tool {
  command: string;
  install: string;
}

/** Runs `tool` with `args`; resolves to its standard output. `timeoutMs` bounds its run. */
export function runTool(
  tool: Tool,
  args: string[],
  path: string | undefined,
  timeoutMs: number,
  env?: NodeJS.ProcessEnv,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const options = { maxBuffer: MAX_OUTPUT, timeout: timeoutMs, ...(env ? { env } : {}) };
    execFile(tool.command, args, options, (err, stdout, stderr) => {
      if (!err) return resolve(stdout);
      const what = describeInput(path);
      if ((err as NodeJS.ErrnoException).code === 'ENOENT')
        return reject(
          new IngestError(
            'missing-tool',
            `${what}: needs ${tool.command}, which is not installed; install it (${tool.install}) and try again`,
            path,
            { cause: err },
          ),
        );
      const detail = (stderr || err.message).trim().split('\n').slice(-3).join(' / ');
      reject(
        new IngestError('tool-failed', `${what}: ${tool.command} failed (${detail})`, path, { cause: err }),
      );
    });
  });
}

/** Resolves to the first of `commands` found on PATH, or null. */
export async function findCommand(commands: string[]): Promise<string | null> {
  for (const command of commands) {
    const found = await new Promise<boolean>((resolve) =>
      execFile(command, ['--version'], { timeout: 30_000 }, (err) =>
        resolve(!err || (err as NodeJS.ErrnoException).code !== 'ENOENT'),
      ),
    );
    if (found) return command;
  }
  return null;
}
