// The server's HTTP face (node:http, JSON, Bearer tokens): routes, body limits, and one error shape. A request is
// authenticated, authorised by role and validated before anything runs; a refusal is {ok:false, error:{code,
// message}} with a 4xx status, an unexpected failure a bare 500 'internal' (the detail goes to the log only).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type pg from 'pg';
import type { z } from 'zod';
import {
  blueprintPushSchema,
  decideRequestSchema,
  MAX_BODY_BYTES,
  MAX_PULL_PAGE,
  PROTOCOL_VERSION,
  pushRequestSchema,
  type PushRefusal,
  type PushResult,
} from '@core/teamSync/protocol.js';
import { authenticate, authorize, type User } from './auth.js';
import { badRequest, ServerError } from './errors.js';
import * as lib from './library.js';

export type HttpOptions = { maxBodyBytes?: number; log?: (line: string) => void; maxWaitMs?: number };

function send(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent || res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...(status === 413 ? { connection: 'close' } : {}),
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(text);
}

function readBody(req: IncomingMessage, max: number): Promise<unknown> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > max)
    return Promise.reject(new ServerError(413, 'payload_too_large', `a request is at most ${max} bytes`));
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? ''))
    return Promise.reject(new ServerError(415, 'unsupported_media_type', 'send JSON (content-type: application/json)'));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > max) {
        // Stop keeping it; the rest is drained (bounded by requestTimeout) so the 413 can still be read.
        req.removeAllListeners('data');
        req.resume();
        chunks.length = 0;
        reject(new ServerError(413, 'payload_too_large', `a request is at most ${max} bytes`));
      } else chunks.push(c);
    });
    req.on('error', reject);
    req.on('end', () => {
      try {
        const text = Buffer.concat(chunks).toString('utf8');
        // PostgreSQL text cannot hold NUL; refusing it here keeps it a clear 400, not a database error.
        if (/\\u0000/i.test(text)) reject(badRequest('NUL characters (\\u0000) are not allowed', 'bad_request'));
        else resolve(JSON.parse(text));
      } catch {
        reject(badRequest('the body is not valid JSON', 'bad_json'));
      }
    });
  });
}

function parse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issues = r.error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`)
    .join('; ');
  throw badRequest(`malformed request: ${issues}`);
}

function intParam(u: URL, name: string, dflt: number, min: number, max: number): number {
  const s = u.searchParams.get(name);
  if (s === null) return dflt;
  const n = Number(s);
  if (!/^\d+$/.test(s) || n < min || n > max) throw badRequest(`${name} must be a whole number ${min}–${max}`);
  return n;
}

/** Database unreachable or shutting down: the client should retry later, not see a 500. */
const UNAVAILABLE = new Set(['ECONNREFUSED', 'ECONNRESET', '57P01', '57P02', '57P03', '08006', '08001', '08003']);

export function createHandler(pool: pg.Pool, options: HttpOptions = {}) {
  const max = options.maxBodyBytes ?? MAX_BODY_BYTES;
  const log = options.log ?? ((l: string) => console.error(l));
  const maxWait = options.maxWaitMs ?? 30_000;

  async function route(req: IncomingMessage, signal: AbortSignal): Promise<unknown> {
    const u = new URL(req.url ?? '/', 'http://server');
    const key = `${req.method} ${u.pathname}`;
    if (key === 'GET /v1/health') return { protocol: PROTOCOL_VERSION };
    const known = [
      'GET /v1/me',
      'GET /v1/pull',
      'POST /v1/push',
      'POST /v1/decide',
      'POST /v1/blueprints',
      'GET /v1/history',
      'GET /v1/review',
    ];
    if (!known.includes(key)) throw new ServerError(404, 'not_found', `no such endpoint: ${key}`);
    const user: User = await authenticate(pool, req.headers.authorization);
    switch (key) {
      case 'GET /v1/me':
        return { name: user.name, role: user.role, protocol: PROTOCOL_VERSION };
      case 'GET /v1/pull': {
        authorize(user, 'pull');
        const since = intParam(u, 'since', 0, 0, Number.MAX_SAFE_INTEGER);
        const limit = intParam(u, 'limit', 1000, 1, MAX_PULL_PAGE);
        const wait = intParam(u, 'wait', 0, 0, maxWait);
        return lib.pullWaiting(pool, user, since, limit, wait, signal);
      }
      case 'POST /v1/push': {
        authorize(user, 'push');
        const body = parse(pushRequestSchema, await readBody(req, max));
        // Each proposal stands alone: one refused (a bad template, an id taken) does not hold back the others.
        const results: (PushResult | PushRefusal)[] = [];
        for (const p of body.proposals)
          try {
            results.push(await lib.push(pool, user, p));
          } catch (e) {
            if (!(e instanceof ServerError) || e.status >= 500) throw e;
            results.push({ key: p.key, error: { code: e.code, message: e.message } });
          }
        return { results };
      }
      case 'POST /v1/decide': {
        authorize(user, 'decide');
        return lib.decide(pool, user, parse(decideRequestSchema, await readBody(req, max)));
      }
      case 'POST /v1/blueprints': {
        authorize(user, 'blueprint');
        return lib.saveBlueprint(pool, user, parse(blueprintPushSchema, await readBody(req, max)).blueprint);
      }
      case 'GET /v1/history': {
        authorize(user, 'history');
        const clauseId = u.searchParams.get('clauseId') ?? undefined;
        return lib.historyOf(pool, clauseId, intParam(u, 'limit', 200, 1, 5000));
      }
      default: {
        authorize(user, 'review');
        return lib.reviewQueue(pool);
      }
    }
  }

  return (req: IncomingMessage, res: ServerResponse) => {
    const ac = new AbortController();
    res.on('close', () => ac.abort());
    route(req, ac.signal).then(
      (result) => send(res, 200, { ok: true, result }),
      (e: unknown) => {
        if (e instanceof ServerError) {
          send(res, e.status, { ok: false, error: { code: e.code, message: e.message } });
          return;
        }
        const code = (e as { code?: string }).code ?? '';
        if (UNAVAILABLE.has(code) || /Connection terminated|timeout exceeded when trying to connect/i.test(String(e))) {
          send(res, 503, { ok: false, error: { code: 'unavailable', message: 'the library database is unavailable' } });
          return;
        }
        log(`bidforge server: ${req.method} ${req.url}: ${(e as Error)?.stack ?? String(e)}`);
        send(res, 500, { ok: false, error: { code: 'internal', message: 'internal error (see the server log)' } });
      },
    );
  };
}

export function createHttpServer(pool: pg.Pool, options: HttpOptions = {}): Server {
  const server = createServer(createHandler(pool, options));
  server.headersTimeout = 20_000;
  server.requestTimeout = 60_000;
  server.keepAliveTimeout = 5_000;
  return server;
}
