// The preload's shell bridge with a fake ipcRenderer: one wrapper per shell call, events that arrive early are kept.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { SHELL_CALLS, SHELL_EVENTS, type MenuCommand } from '@core/shell/bridge.js';
import type { PreloadGlobals } from '../../electron/preloadBridge.js';

const exposed: Record<string, unknown> = {};
const invoked: [string, unknown][] = [];
const listeners = new Map<string, (e: unknown, v: unknown) => void>();

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
  ipcRenderer: {
    invoke: async (channel: string, arg: unknown) => {
      invoked.push([channel, arg]);
      return channel === 'shell:openPath'
        ? { ok: false, error: { code: 'forbidden', message: 'no' } }
        : { ok: true, value: null };
    },
    on: (channel: string, l: (e: unknown, v: unknown) => void) => listeners.set(channel, l),
  },
}));

let shell: PreloadGlobals['bidforgeShell'];
beforeAll(async () => {
  await import('../../electron/preload.js');
  shell = exposed.bidforgeShell as PreloadGlobals['bidforgeShell'];
});

describe('preload shell bridge', () => {
  it('exposes one function per shell call plus the two event subscriptions, and nothing else', () => {
    expect(Object.keys(shell).sort()).toEqual([...SHELL_CALLS, 'onMenu', 'onOpenFile'].sort());
  });

  it('routes each call to shell:<call> and returns a refusal as the envelope with its code', async () => {
    await shell.recentFiles({});
    await shell.saveProject({ text: '{}', suggestedName: 'a' });
    expect(invoked.map(([c]) => c)).toEqual(['shell:recentFiles', 'shell:saveProject']);
    expect(await shell.openPath({ path: '/x.pdf' })).toEqual({
      ok: false,
      error: { code: 'forbidden', message: 'no', params: {} },
    });
  });

  it('keeps a menu command that came before anyone listened, then delivers live ones', () => {
    listeners.get(SHELL_EVENTS.menu)!({}, { command: 'open', arg: '/a.bfproj' });
    const got: MenuCommand[] = [];
    const off = shell.onMenu((c) => got.push(c));
    listeners.get(SHELL_EVENTS.menu)!({}, { command: 'save' });
    off();
    listeners.get(SHELL_EVENTS.menu)!({}, { command: 'exportPdf' });
    expect(got).toEqual([{ command: 'open', arg: '/a.bfproj' }, { command: 'save' }]);
  });
});
