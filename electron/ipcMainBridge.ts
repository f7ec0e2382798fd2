// The main-process side of IPC: one handler per API channel and per shell call, each answering with the envelope
// (core/api/envelope.ts). Takes an ipcMain-like object so tests run the real registration without Electron;
// electron/ipcHandlers.ts hands it Electron's own.
import { CHANNELS } from '../core/api/channels.js';
import type { ApiHandlers } from '../core/api/contract.js';
import { dispatch } from '../core/api/dispatch.js';
import { failure, type Envelope } from '../core/api/envelope.js';
import { SHELL_CALLS, shellArgSchemas, type ShellCall } from '../core/shell/bridge.js';
import { isTrustedUrl } from './security.js';

/** What a handler sees of Electron's IpcMainInvokeEvent: the frame that sent the call. */
export type InvokeEvent = { senderFrame?: { url: string } | null };
export type IpcMainLike = {
  handle(channel: string, listener: (event: InvokeEvent, arg: unknown) => Promise<Envelope>): void;
};

const untrusted = () => failure('forbidden', 'untrusted sender');

/** `api:<channel>` for every channel, after checking that the sender is our own app:// page. */
export function registerApi(ipc: IpcMainLike, handlers: ApiHandlers): void {
  for (const channel of CHANNELS) {
    ipc.handle(`api:${channel}`, async (event, arg) =>
      isTrustedUrl(event.senderFrame?.url) ? dispatch(handlers, channel, arg) : untrusted(),
    );
  }
}

/** `shell:<call>` for every shell call, its argument validated here: the renderer is not trusted with paths. */
export function registerShell(
  ipc: IpcMainLike,
  calls: Record<ShellCall, (arg: never) => Promise<unknown>>,
  codeOf: (e: unknown) => string,
): void {
  for (const call of SHELL_CALLS) {
    ipc.handle(`shell:${call}`, async (event, arg) => {
      if (!isTrustedUrl(event.senderFrame?.url)) return untrusted();
      const parsed = shellArgSchemas[call].safeParse(arg ?? {});
      if (!parsed.success)
        return failure('bad_request', `${call}: ${parsed.error.issues[0]?.message ?? 'invalid arguments'}`);
      try {
        const fn = calls[call] as (a: unknown) => Promise<unknown>;
        return { ok: true, value: (await fn(parsed.data)) ?? null };
      } catch (e) {
        return failure(codeOf(e), e instanceof Error ? e.message : String(e));
      }
    });
  }
}
