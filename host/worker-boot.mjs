// Starts host/worker.ts in a worker thread when the app runs from its TypeScript sources (`tsx host/main.ts`, tests):
// tsx's --import loader registers its hooks on the main thread only, so a worker registers them itself, then loads
// the worker. Built apps (Electron's dist-electron/worker.mjs) start their bundled worker directly.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
await import('./worker.ts');
