// The browser host: serves the built renderer and the API on 127.0.0.1; a browser signs in with a one-time launch link.
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import type { ApiHandlers } from '../core/api/contract.js';
import { dispatch } from '../core/api/dispatch.js';
import { failure, type Envelope } from '../core/api/envelope.js';
import { TOKEN_HEADER } from '../core/api/httpClient.js';
import { encodeEnvelope } from '../core/api/wire.js';
import { WORKER_CHANNELS } from '../core/api/workerJobs.js';
import { HostSession, NO_SESSION_PAGE } from './session.js';
import { CONTENT_TYPES, RENDERER_CSP } from './static.js';
import type { WorkerPool } from './workerPool.js';

const MAX_BODY = 25 * 1024 * 1024;

export type HostOptions = {
  handlers: ApiHandlers;
  rendererDir: string;
  port?: number;
  token?: string;
  /**
   * Worker threads for the expensive channels (core/api/workerJobs.ts), built over the same data folder and templates
   * as `handlers`; the host closes it with itself. Without one, every channel runs on the main loop (tests, tools).
   */
  pool?: WorkerPool;
};
export type RunningHost = {
  server: Server;
  url: string;
  /** The token programs given it in-process may send as a header; browsers get it only as an HttpOnly cookie. */
  token: string;
  /** The worker threads the expensive channels run in, when the host was given them. */
  pool: WorkerPool | undefined;
  /** A new one-time link that signs a browser in (what `npm start` prints). */
  launchUrl(): string;
  close(): Promise<void>;
};

function isLoopbackHost(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

export async function startHost(opts: HostOptions): Promise<RunningHost> {
  const session = new HostSession(opts.token);
  let port = 0;

  async function serveApi(req: IncomingMessage, res: ServerResponse, channel: string) {
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== `http://127.0.0.1:${port}` && origin !== `http://localhost:${port}`)
      return send(res, 403, failure('forbidden', 'foreign origin'));
    if (!session.admits(req, TOKEN_HEADER)) return send(res, 401, failure('unauthorized', 'missing or wrong session'));
    if (req.method !== 'POST') return send(res, 405, failure('method', 'use POST'));
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const c of req) {
      size += (c as Buffer).length;
      if (size > MAX_BODY) return send(res, 413, failure('too_large', `request body over ${MAX_BODY} bytes`));
      chunks.push(c as Buffer);
    }
    let arg: unknown;
    try {
      arg = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
    } catch {
      return send(res, 400, failure('bad_request', 'the request body is not JSON'));
    }
    // Results, errors, file bytes and their problems all travel in the body (core/api/wire.ts), never in headers.
    // The expensive channels in a worker thread, bounded in time and memory: this loop keeps answering meanwhile.
    const result =
      opts.pool && WORKER_CHANNELS.has(channel as never)
        ? await opts.pool.run(channel, arg)
        : await dispatch(opts.handlers, channel, arg);
    send(res, result.ok ? 200 : result.error.code === 'unknown_channel' ? 404 : 400, result);
  }

  async function serveFile(req: IncomingMessage, res: ServerResponse, url: URL) {
    const urlPath = url.pathname;
    if (url.searchParams.has('launch')) {
      if (!session.redeem(url.searchParams.get('launch'))) return sendPage(res, 401, NO_SESSION_PAGE);
      res.writeHead(302, { location: '/', 'set-cookie': session.setCookieHeader(), 'cache-control': 'no-store' });
      return res.end();
    }
    const rel = normalize(decodeURIComponent(urlPath === '/' ? '/index.html' : urlPath)).replace(/^([/\\])+/, '');
    // The app's page only with the session; its scripts and styles hold nothing secret.
    if (rel === 'index.html' && !session.admits(req, TOKEN_HEADER)) return sendPage(res, 401, NO_SESSION_PAGE);
    const file = join(opts.rendererDir, rel);
    if (!file.startsWith(opts.rendererDir + sep)) return send(res, 404, failure('not_found', urlPath));
    try {
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
        'content-security-policy': RENDERER_CSP,
        'x-content-type-options': 'nosniff',
      });
      res.end(body);
    } catch {
      send(res, 404, failure('not_found', urlPath));
    }
  }

  const server = createServer((req, res) => {
    // Only loopback names in Host: a DNS-rebinding page cannot reach us under another name.
    if (!isLoopbackHost(req.headers.host, port)) return send(res, 421, failure('forbidden', 'wrong Host'));
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const api = /^\/api\/([A-Za-z]+)$/.exec(url.pathname);
    (api ? serveApi(req, res, api[1]!) : serveFile(req, res, url)).catch((e: unknown) =>
      send(res, 500, failure('internal', String(e))),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as { port: number }).port;
  const url = `http://127.0.0.1:${port}/`;
  return {
    server,
    token: session.token,
    url,
    launchUrl: () => `${url}?launch=${session.newLaunchCode()}`,
    pool: opts.pool,
    close: async () => {
      await Promise.all([new Promise<void>((r) => server.close(() => r())), opts.pool?.close()]);
    },
  };
}

function send(res: ServerResponse, status: number, envelope: Envelope) {
  const { contentType, body } = encodeEnvelope(envelope);
  res.writeHead(status, { 'content-type': contentType, 'x-content-type-options': 'nosniff' });
  res.end(body);
}

function sendPage(res: ServerResponse, status: number, html: string) {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
  });
  res.end(html);
}
