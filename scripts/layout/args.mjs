/** Command-line options of the sweep scripts: `--name value` and `--flag`, and the sweep's output folder. */
import { join, resolve } from 'node:path';
import process from 'node:process';
import { PACKAGE_ROOT } from '../../dist/grammars.js';

/** The arguments after the script's name. */
export const argv = process.argv.slice(2);

/** The value after `--name`, or `fallback`. */
export const arg = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : fallback;
};

/** Whether `--name` is given. */
export const flag = (name) => argv.includes(`--${name}`);

/** The PDF sweep's folder (--out), absolute: soffice is given a profile URL under it (a relative file:// hangs it). */
export const sweepOut = () => resolve(arg('out', join(PACKAGE_ROOT, 'out', 'pdf-sweep')));
