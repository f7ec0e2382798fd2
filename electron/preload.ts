// Sandboxed preload: exposes exactly one invoke wrapper per API channel as window.bidforge. Never raw ipcRenderer.
import { contextBridge, ipcRenderer } from 'electron';
import { clientOf } from '../core/api/channels.js';
import type { ApiErrorBody } from '../core/api/contract.js';

type Reply = { ok: true; value: unknown } | { ok: false; error: ApiErrorBody };

const bridge = clientOf(async (channel, arg) => {
  const reply = (await ipcRenderer.invoke(`api:${channel}`, arg)) as Reply;
  if (!reply.ok) throw new Error(`[${reply.error.code}] ${reply.error.message}`);
  return reply.value;
});

contextBridge.exposeInMainWorld('bidforge', bridge);
