// `bidforge server --db postgres://… [--port N] [--host 127.0.0.1] [--allow-plain-http]`: migrates the schema and
// serves the team library. Plain HTTP only on loopback unless told otherwise: on an intranet, put a TLS reverse proxy
// in front (server/deploy/). Also `npm run server -- --db …`.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type pg from 'pg';
import { migrate, openPool } from './db.js';
import { createHttpServer, type HttpOptions } from './http.js';

export type ServerOptions = HttpOptions & {
  db: string;
  port?: number;
  host?: string;
  allowPlainHttp?: boolean;
};

export type RunningServer = { url: string; pool: pg.Pool; server: Server; migrated: string[]; close(): Promise<void> };

export const isLoopback = (host: string) =>
  host === 'localhost' || host === '::1' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);

export class StartError extends Error {}

export async function startServer(o: ServerOptions): Promise<RunningServer> {
  const host = o.host ?? '127.0.0.1';
  if (!isLoopback(host) && !o.allowPlainHttp)
    throw new StartError(
      `refusing to serve plain HTTP on ${host}: tokens would cross the network in clear. Listen on 127.0.0.1 behind a ` +
        'TLS reverse proxy (server/deploy/), or pass --allow-plain-http if the network itself is trusted.',
    );
  const pool = await openPool(o.db);
  let migrated: string[];
  try {
    migrated = await migrate(pool);
  } catch (e) {
    await pool.end().catch(() => undefined);
    throw new StartError(`cannot prepare the database: ${(e as Error).message}`);
  }
  const server = createHttpServer(pool, o);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port ?? 8720, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const shown = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  return {
    url: `http://${shown}:${port}`,
    pool,
    server,
    migrated,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pool.end().catch(() => undefined);
    },
  };
}
