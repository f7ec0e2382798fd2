// npm run start:web — the browser host on 127.0.0.1; prints the URL to open.
import { existsSync } from 'node:fs';
import { createHandlers } from '../core/api/handlers.js';
import { dataDir, rendererDir, templatesDir } from './paths.js';
import { startHost } from './server.js';

const port = Number(process.env.BIDFORGE_PORT ?? 5199);
if (!existsSync(rendererDir())) {
  console.error(`The renderer is not built (${rendererDir()} is missing): run "npm run build:renderer" first.`);
  process.exit(2);
}
const host = await startHost({ handlers: createHandlers({ templatesDir: templatesDir(), dataDir: dataDir(), program: 'BidForge (browser host)' }), rendererDir: rendererDir(), port });
console.log(`BidForge 标书工坊 is running at ${host.url}  (Ctrl+C to stop)\nclause library: ${dataDir()}`);
