// npm run start:web — the browser host on 127.0.0.1; prints the URL to open.
import { existsSync } from 'node:fs';
import { createHandlers } from '../core/api/handlers.js';
import { dataDir, rendererDir, templatesDir } from './paths.js';
import { startHost, type RunningHost } from './server.js';
import { WorkerPool } from './workerPool.js';

const preferred = Number(process.env.BIDFORGE_PORT ?? 5199);
/** Another copy (or another program) may hold the usual port: take the next free one rather than fail. */
const PORTS_TO_TRY = 10;

if (!existsSync(rendererDir())) {
  console.error(`The renderer is not built (${rendererDir()} is missing): run "npm run build:renderer" first.`);
  process.exit(2);
}
const deps = { templatesDir: templatesDir(), dataDir: dataDir(), program: 'BidForge (browser host)' };
const handlers = createHandlers(deps);
// PDF layout, XLSX reading, tender reading and previews run in worker threads over the same folders (host/workerPool.ts).
const pool = new WorkerPool({ deps });
let host: RunningHost | undefined;
for (let port = preferred; !host && port < preferred + PORTS_TO_TRY; port++) {
  try {
    host = await startHost({ handlers, rendererDir: rendererDir(), port, pool });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EADDRINUSE' || preferred === 0) throw e;
  }
}
if (!host) {
  console.error(
    `Ports ${preferred}–${preferred + PORTS_TO_TRY - 1} on 127.0.0.1 are all in use: set BIDFORGE_PORT to a free port.`,
  );
  process.exit(2);
}
// The first export need not wait for its worker to load the export code: start one now, in the background.
pool.warm();
// The one-time launch link signs the browser in (host/session.ts): GET / alone never hands out the session.
console.log(`BidForge 标书工坊 is running at ${host.launchUrl()}  (Ctrl+C to stop)\nclause library: ${dataDir()}`);
