// Sandboxed preload: exposes one invoke wrapper per API channel as window.bidforge, and the shell's dialogs, menu
// and file-open events as window.bidforgeShell. Never raw ipcRenderer.
import { contextBridge, ipcRenderer } from 'electron';
import { clientOf } from '../core/api/channels.js';
import type { ApiErrorBody } from '../core/api/contract.js';
import { SHELL_CALLS, SHELL_EVENTS, type MenuCommand, type OpenedFile, type ShellBridge } from '../core/shell/bridge.js';

type Reply = { ok: true; value: unknown } | { ok: false; error: ApiErrorBody };

async function invoke(channel: string, arg: unknown): Promise<unknown> {
  const reply = (await ipcRenderer.invoke(channel, arg)) as Reply;
  if (!reply.ok) throw new Error(`[${reply.error.code}] ${reply.error.message}`);
  return reply.value;
}

contextBridge.exposeInMainWorld('bidforge', clientOf((channel, arg) => invoke(`api:${channel}`, arg)));

// Events that arrive before the page subscribes (a double-clicked file at start-up) wait here for their listener.
function eventSource<T>(channel: string) {
  const listeners = new Set<(v: T) => void>();
  const early: T[] = [];
  ipcRenderer.on(channel, (_e, v: T) => {
    if (listeners.size) for (const l of listeners) l(v);
    else early.push(v);
  });
  return (listener: (v: T) => void) => {
    listeners.add(listener);
    for (const v of early.splice(0)) listener(v);
    return () => void listeners.delete(listener);
  };
}

const calls = Object.fromEntries(SHELL_CALLS.map((c) => [c, (arg: unknown) => invoke(`shell:${c}`, arg ?? {})]));
const shellBridge = { ...calls, onMenu: eventSource<MenuCommand>(SHELL_EVENTS.menu), onOpenFile: eventSource<OpenedFile>(SHELL_EVENTS.openFile) } as ShellBridge;
contextBridge.exposeInMainWorld('bidforgeShell', shellBridge);
