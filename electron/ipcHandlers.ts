// The main process's IPC: Electron's ipcMain carries the API and the shell calls, registered by ipcMainBridge.ts
// (sender checked, arguments validated, the envelope returned). With the preload, the only module that imports
// Electron's IPC objects (biome.json: noRestrictedImports), so no channel can skip those checks.
import { ipcMain } from 'electron';
import type { ApiHandlers } from '../core/api/contract.js';
import type { ShellCall } from '../core/shell/bridge.js';
import { registerApi, registerShell } from './ipcMainBridge.js';

/** `api:<channel>` for every API channel. */
export function handleApiCalls(handlers: ApiHandlers): void {
  registerApi(ipcMain, handlers);
}

/** `shell:<call>` for every shell call; `codeOf` names a failure's error code. */
export function handleShellCalls(
  calls: Record<ShellCall, (arg: never) => Promise<unknown>>,
  codeOf: (e: unknown) => string,
): void {
  registerShell(ipcMain, calls, codeOf);
}
