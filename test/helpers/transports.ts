// The API through each of its three transports, as the shells use them: in-process (CLI), the HTTP host (browser),
// and Electron's preload over a fake IPC wired to the real main-process registration (electron/ipcMainBridge.ts).
// Each call crosses the fake IPC through structuredClone, as Electron's does.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clientOfBridge } from '@core/api/channels.js';
import type { ApiHandlers } from '@core/api/contract.js';
import type { Envelope } from '@core/api/envelope.js';
import { createHttpClient } from '@core/api/httpClient.js';
import { createLocalClient } from '@core/api/localClient.js';
import { registerApi, type InvokeEvent } from '../../electron/ipcMainBridge.js';
import { createPreloadGlobals, type PreloadGlobals } from '../../electron/preloadBridge.js';
import { APP_ORIGIN } from '../../electron/security.js';
import { startHost, type RunningHost } from '../../host/server.js';

export const TRANSPORTS = ['in-process', 'HTTP host', 'Electron preload'] as const;
export type TransportName = (typeof TRANSPORTS)[number];
export type Connected = { api: ApiHandlers; close(): Promise<void>; host?: RunningHost; preload?: PreloadGlobals };

/** The preload's globals over a fake ipcMain that holds what registerApi registered. */
export function fakeElectron(handlers: ApiHandlers, senderUrl = `${APP_ORIGIN}/index.html`): PreloadGlobals {
  const registered = new Map<string, (event: InvokeEvent, arg: unknown) => Promise<Envelope>>();
  registerApi({ handle: (channel, listener) => void registered.set(channel, listener) }, handlers);
  return createPreloadGlobals({
    async invoke(channel, arg) {
      const listener = registered.get(channel);
      if (!listener) throw new Error(`No handler registered for '${channel}'`);
      return structuredClone(await listener({ senderFrame: { url: senderUrl } }, structuredClone(arg)));
    },
    on: () => undefined,
  });
}

export async function connect(name: TransportName, handlers: ApiHandlers): Promise<Connected> {
  if (name === 'in-process') return { api: createLocalClient(handlers), close: async () => undefined };
  if (name === 'HTTP host') {
    const rendererDir = mkdtempSync(join(tmpdir(), 'bf-renderer-'));
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><html><head></head><body>app</body></html>');
    const host = await startHost({ handlers, rendererDir });
    return { api: createHttpClient(host.url.replace(/\/$/, ''), host.token), close: () => host.close(), host };
  }
  const preload = fakeElectron(handlers);
  // What renderer/src/api.ts does with window.bidforge.
  return { api: clientOfBridge(preload.bidforge), close: async () => undefined, preload };
}
