/**
 * `gongwen serve`: a read-only web app over the archive, server-rendered with node:http (no framework), bound to
 * 127.0.0.1. Pages: notices and series (/), tasks with filters (/tasks), units (/units, /units/NAME), the deadline
 * calendar (/calendar), a series and its year-over-year diffs (/series/ID, /diff/OLD/NEW: the HTML diff report),
 * a notice's text with a span highlighted (/notices/ID?start=&end=). Anything else is 404.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { openArchive, type Db } from '../archive/db.js';
import { routes } from './pages.js';

/** A running server. */
export interface Running {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Opens the archive for reading (series diffs are cached on first view) and serves it on 127.0.0.1:port (0: a free port). */
export async function startServer(options: { db: string; port: number; host?: string }): Promise<Running> {
  const db: Db = await openArchive(options.db, { write: false, cache: true });
  const server = createServer((req, res) => handle(db, req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          db.close();
          resolve();
        });
      }),
  };
}

function send(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'",
    'x-content-type-options': 'nosniff',
  });
  res.end(body);
}

function handle(db: Db, req: IncomingMessage, res: ServerResponse): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'read-only: GET only');
  let url: URL;
  try {
    url = new URL(req.url ?? '/', 'http://127.0.0.1');
  } catch {
    return send(res, 400, 'bad request');
  }
  let parts: string[];
  try {
    parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    return send(res, 400, 'bad path');
  }
  try {
    const out = routes(db, parts, url.searchParams);
    if (out === null) return send(res, 404, 'not found');
    send(res, 200, out);
  } catch (err) {
    send(res, 500, `error: ${String((err as Error).message).replace(/[<>&]/g, '')}`);
  }
}
