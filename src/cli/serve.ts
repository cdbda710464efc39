/** `gongwen serve [--db FILE] [--port N]`: the archive's read-only web app on 127.0.0.1. */
import { ArchiveError, DEFAULT_DB } from '../archive/db.js';

type Values = Record<string, string | boolean | string[] | undefined>;

/** The default port. */
export const DEFAULT_PORT = 8017;

/** Runs the server until interrupted; resolves to the exit status. */
export async function runServe(args: string[], v: Values, usage: (m: string) => number): Promise<number> {
  if (args.length > 0) return usage('serve takes no arguments (the archive is --db FILE)');
  const port = v.port === undefined ? DEFAULT_PORT : Number(v.port);
  if (!(Number.isInteger(port) && port >= 0 && port < 65536))
    return usage(`--port must be a port number (0–65535), not '${String(v.port)}'`);
  const file = (v.db as string | undefined) ?? DEFAULT_DB;
  const { startServer } = await import('../serve/server.js');
  try {
    const server = await startServer({ db: file, port });
    process.stderr.write(`gongwen: serving ${file} at ${server.url} (read-only; Ctrl-C stops)\n`);
    await new Promise<void>((resolve) => {
      const stop = () => void server.close().then(resolve);
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    return 0;
  } catch (err) {
    if (err instanceof ArchiveError || (err as { code?: string }).code === 'EADDRINUSE') {
      process.stderr.write(`gongwen: ${(err as Error).message}\n`);
      return 1;
    }
    throw err;
  }
}
