// Sandboxed preload: exposes window.bidforge (one invoker per API channel) and window.bidforgeShell (dialogs, menu and
// file-open events), built in preloadBridge.ts. Every call resolves to the envelope; none throws. Never raw ipcRenderer.
import { contextBridge, ipcRenderer } from 'electron';
import { createPreloadGlobals } from './preloadBridge.js';

for (const [name, value] of Object.entries(createPreloadGlobals(ipcRenderer)))
  contextBridge.exposeInMainWorld(name, value);
