// What the preload exposes, built from an ipcRenderer-like object so tests run it without Electron. Every call resolves
// to the envelope (core/api/envelope.ts) and never throws: the renderer unwraps it like any other transport.
// The renderer's `window.bidforge` / `window.bidforgeShell` types are derived from here (renderer/src/global.d.ts).
import { bridgeOf } from '../core/api/channels.js';
import { asEnvelope, failure, type Envelope } from '../core/api/envelope.js';
import {
  SHELL_CALLS,
  SHELL_EVENTS,
  type MenuCommand,
  type OpenedFile,
  type ShellBridge,
  type ShellCall,
} from '../core/shell/bridge.js';

export type IpcRendererLike = {
  invoke(channel: string, arg: unknown): Promise<unknown>;
  on(channel: string, listener: (event: unknown, value: unknown) => void): unknown;
};

/** The shell's calls as the preload exposes them: envelopes, like the API's. */
export type ShellCallsBridge = {
  [C in ShellCall]: (arg: Parameters<ShellBridge[C]>[0]) => Promise<Envelope<Awaited<ReturnType<ShellBridge[C]>>>>;
};

function invoker(ipc: IpcRendererLike) {
  return (channel: string, arg: unknown): Promise<Envelope> =>
    ipc
      .invoke(channel, arg)
      .then(asEnvelope, (e: unknown) => failure('ipc_failed', e instanceof Error ? e.message : String(e)));
}

// Events that arrive before the page subscribes (a double-clicked file at start-up) wait here for their listener.
function eventSource<T>(ipc: IpcRendererLike, channel: string) {
  const listeners = new Set<(v: T) => void>();
  const early: T[] = [];
  ipc.on(channel, (_e, value) => {
    // Main sends only these events' payloads on these channels (electron/shellMain.ts).
    const v = value as T;
    if (listeners.size) for (const l of listeners) l(v);
    else early.push(v);
  });
  return (listener: (v: T) => void) => {
    listeners.add(listener);
    for (const v of early.splice(0)) listener(v);
    return () => void listeners.delete(listener);
  };
}

export function createPreloadGlobals(ipc: IpcRendererLike) {
  const invoke = invoker(ipc);
  const calls = Object.fromEntries(
    SHELL_CALLS.map((c) => [c, (arg: unknown) => invoke(`shell:${c}`, arg ?? {})]),
  ) as ShellCallsBridge;
  return {
    bidforge: bridgeOf((channel, arg) => invoke(`api:${channel}`, arg)),
    bidforgeShell: {
      ...calls,
      onMenu: eventSource<MenuCommand>(ipc, SHELL_EVENTS.menu),
      onOpenFile: eventSource<OpenedFile>(ipc, SHELL_EVENTS.openFile),
    },
  };
}

export type PreloadGlobals = ReturnType<typeof createPreloadGlobals>;
