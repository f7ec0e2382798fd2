// IPC only through the two typed modules: electron/ipcHandlers.ts registers every handler (sender checked, arguments
// validated, the envelope returned) and electron/preloadBridge.ts makes every invoker. Nowhere else may call
// ipcMain.handle/on or ipcRenderer.invoke/on/send directly, or a channel could skip the checks.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/paths.js';

const RAW_IPC = /\bipc(Main|Renderer)\s*\.\s*(handle|handleOnce|on|once|invoke|send|sendSync)\s*\(/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((e) => {
    const p = join(dir, e);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(e) ? [p] : [];
  });
}

describe('IPC', () => {
  it('no module touches ipcMain or ipcRenderer directly: handlers and invokers come from the two IPC modules', () => {
    const offenders = ['electron', 'core', 'renderer/src', 'host', 'cli']
      .flatMap((d) => files(join(repoRoot, d)))
      .filter((f) => RAW_IPC.test(readFileSync(f, 'utf8')));
    expect(offenders.map((f) => relative(repoRoot, f))).toEqual([]);
  });

  it('the check recognises a raw call', () => {
    expect(RAW_IPC.test("ipcMain.handle('x', fn)")).toBe(true);
    expect(RAW_IPC.test('ipcRenderer.invoke(channel, arg)')).toBe(true);
    expect(RAW_IPC.test('registerApi(ipcMain, handlers)')).toBe(false);
  });
});
