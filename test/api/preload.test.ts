// The preload bridge with a fake ipcRenderer: every channel is reachable, arguments are validated in main.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../core/api/channels.js';
import type { ApiHandlers } from '../../core/api/contract.js';
import { dispatch } from '../../core/api/dispatch.js';
import { createHandlers } from '../../core/api/handlers.js';

const exposed: Record<string, unknown> = {};
const invoked: string[] = [];
const handlers = createHandlers({ templatesDir: 'templates' });

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
  ipcRenderer: {
    invoke: async (channel: string, arg: unknown) => {
      invoked.push(channel);
      return dispatch(handlers, channel.replace(/^api:/, ''), arg);
    },
    on: () => undefined, // the shell's menu and file-open events (not under test here)
  },
}));

let bridge: ApiHandlers;
beforeAll(async () => {
  await import('../../electron/preload.js');
  bridge = exposed.bidforge as ApiHandlers;
});

describe('preload bridge', () => {
  it('exposes exactly one function per API channel and nothing else', () => {
    expect(Object.keys(bridge).sort()).toEqual([...CHANNELS].sort());
    for (const c of CHANNELS) expect(typeof bridge[c]).toBe('function');
  });

  it('routes each call to its own api:<channel> IPC channel', async () => {
    await bridge.listSamples({});
    const { project } = await bridge.openSample({ name: 'service-plan-sample' });
    await bridge.describeProject({ project });
    await bridge.preview({ project });
    await bridge.listBlueprints({});
    await bridge.listClauses({});
    await bridge.newProject({ blueprint: 'service-plan' });
    await bridge.parseProject({ text: JSON.stringify(project), fileName: 'p.json' });
    await bridge.exportDocument({ project, format: 'docx' });
    expect(new Set(invoked)).toEqual(new Set(CHANNELS.map((c) => `api:${c}`)));
  });

  it('turns a validation failure in main into a thrown error with its code', async () => {
    await expect(bridge.exportDocument({ project: { schema: 2 }, format: 'docx' } as never)).rejects.toThrow(/\[bad_request\]/);
  });
});
