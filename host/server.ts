// The browser host: serves the built renderer and the API on 127.0.0.1, guarded by a per-run token.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import type { ApiHandlers } from '../core/api/contract.js';
import { dispatch } from '../core/api/dispatch.js';
import { FILE_NAME_HEADER, PROBLEMS_HEADER, TOKEN_HEADER } from '../core/api/httpClient.js';
import { CONTENT_TYPES, RENDERER_CSP } from './static.js';

const MAX_BODY = 25 * 1024 * 1024;

export type HostOptions = { handlers: ApiHandlers; rendererDir: string; port?: number; token?: string };
export type RunningHost = { server: Server; url: string; token: string; close(): Promise<void> };

function isLoopbackHost(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

export async function startHost(opts: HostOptions): Promise<RunningHost> {
  const token = opts.token ?? randomBytes(24).toString('hex');
  let port = 0;

  async function serveApi(req: IncomingMessage, res: ServerResponse, channel: string) {
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== `http://127.0.0.1:${port}` && origin !== `http://localhost:${port}`) return send(res, 403, { ok: false, error: { code: 'forbidden', message: 'foreign origin' } });
    if (req.headers[TOKEN_HEADER] !== token) return send(res, 401, { ok: false, error: { code: 'unauthorized', message: 'missing or wrong token' } });
    if (req.method !== 'POST') return send(res, 405, { ok: false, error: { code: 'method', message: 'use POST' } });
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const c of req) {
      size += (c as Buffer).length;
      if (size > MAX_BODY) return send(res, 413, { ok: false, error: { code: 'too_large', message: `request body over ${MAX_BODY} bytes` } });
      chunks.push(c as Buffer);
    }
    let arg: unknown;
    try {
      arg = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
    } catch {
      return send(res, 400, { ok: false, error: { code: 'bad_request', message: 'the request body is not JSON' } });
    }
    const result = await dispatch(opts.handlers, channel, arg);
    if (!result.ok) return send(res, result.error.code === 'unknown_channel' ? 404 : 400, result);
    const value = result.value as { bytes?: unknown; fileName?: string; problems?: unknown };
    if (value && value.bytes instanceof Uint8Array) {
      res.writeHead(200, {
        'content-type': 'application/octet-stream',
        [FILE_NAME_HEADER]: encodeURIComponent(value.fileName ?? 'export'),
        [PROBLEMS_HEADER]: encodeURIComponent(JSON.stringify(value.problems ?? []).slice(0, 6000)),
      });
      return res.end(value.bytes);
    }
    send(res, 200, result);
  }

  async function serveFile(res: ServerResponse, urlPath: string) {
    const rel = normalize(decodeURIComponent(urlPath === '/' ? '/index.html' : urlPath)).replace(/^([/\\])+/, '');
    const file = join(opts.rendererDir, rel);
    if (!file.startsWith(opts.rendererDir + sep)) return send(res, 404, { ok: false });
    try {
      let body: Buffer | string = await readFile(file);
      if (rel === 'index.html') body = body.toString('utf8').replace('<head>', `<head><meta name="bidforge-token" content="${token}">`);
      res.writeHead(200, { 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', 'content-security-policy': RENDERER_CSP, 'x-content-type-options': 'nosniff' });
      res.end(body);
    } catch {
      send(res, 404, { ok: false, error: { code: 'not_found', message: urlPath } });
    }
  }

  const server = createServer((req, res) => {
    // Only loopback names in Host: a DNS-rebinding page cannot reach us under another name.
    if (!isLoopbackHost(req.headers.host, port)) return send(res, 421, { ok: false, error: { code: 'forbidden', message: 'wrong Host' } });
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const api = /^\/api\/([A-Za-z]+)$/.exec(url.pathname);
    (api ? serveApi(req, res, api[1]!) : serveFile(res, url.pathname)).catch((e: unknown) => send(res, 500, { ok: false, error: { code: 'internal', message: String(e) } }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as { port: number }).port;
  return { server, token, url: `http://127.0.0.1:${port}/`, close: () => new Promise((r) => server.close(() => r())) };
}

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}
