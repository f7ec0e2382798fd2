// The desktop shell without Electron: menu template, window placement, recent files, dialog-backed file calls.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { projectFileFromArgv, type MenuCommand, type RecentFile } from '@core/shell/bridge.js';
import { menuTemplate } from '../../electron/menu.js';
import { addRecent, loadRecent, MAX_RECENT, saveRecent } from '../../electron/recent.js';
import { createShellCalls, type ShellDeps } from '../../electron/shellHandlers.js';
import { fitToDisplays, loadWindowState, saveWindowState } from '../../electron/windowState.js';

const dir = mkdtempSync(join(tmpdir(), 'bf-shell-'));

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flatten(i.submenu) : [])]);
}

describe('application menu', () => {
  const sent: MenuCommand[] = [];
  const recent: RecentFile[] = [{ path: '/p/甲项目.bfproj', name: '甲项目' }];
  const items = flatten(
    menuTemplate({
      lang: 'zh-CN',
      recent,
      send: (c) => sent.push(c),
      about: () => undefined,
      isMac: false,
      dev: false,
    }),
  );
  const byLabel = (label: string) => items.find((i) => i.label === label)!;
  const click = (i: MenuItemConstructorOptions) => (i.click as unknown as () => void)();

  it('has 文件、编辑、视图、帮助 with the file commands and their shortcuts', () => {
    for (const top of ['文件', '编辑', '视图', '帮助']) expect(byLabel(top)).toBeDefined();
    expect(byLabel('新建…').accelerator).toBe('CmdOrCtrl+N');
    expect(byLabel('打开…').accelerator).toBe('CmdOrCtrl+O');
    expect(byLabel('继续上次的项目').accelerator).toBe('CmdOrCtrl+Shift+T');
    expect(byLabel('保存').accelerator).toBe('CmdOrCtrl+S');
    expect(byLabel('另存为…').accelerator).toBe('CmdOrCtrl+Shift+S');
    expect(byLabel('导出 PDF…').accelerator).toBe('CmdOrCtrl+E');
    expect(byLabel('导出 DOCX…').accelerator).toBe('CmdOrCtrl+Shift+E');
  });

  it('sends each command to the renderer; a recent file opens by its path; screens switch by number', () => {
    click(byLabel('保存'));
    click(byLabel('导出 DOCX…'));
    click(byLabel('甲项目'));
    click(byLabel('条款库'));
    expect(sent).toEqual([
      { command: 'save' },
      { command: 'exportDocx' },
      { command: 'open', arg: '/p/甲项目.bfproj' },
      { command: 'screen', arg: 'library' },
    ]);
    expect(byLabel('条款库').accelerator).toBe('CmdOrCtrl+3');
  });

  it('undo and redo stay native so text fields keep their own undo', () => {
    expect(byLabel('撤销').role).toBe('undo');
    expect(byLabel('重做').role).toBe('redo');
  });

  it('follows the UI language, and says so when there is no recent file', () => {
    const en = flatten(
      menuTemplate({ lang: 'en', recent: [], send: () => undefined, about: () => undefined, isMac: false, dev: false }),
    );
    expect(en.map((i) => i.label)).toEqual(expect.arrayContaining(['File', 'Save As…', 'Export PDF…', '(none)']));
    expect(en.find((i) => i.label === '(none)')!.enabled).toBe(false);
  });
});

describe('window placement', () => {
  const screen = { x: 0, y: 0, width: 1920, height: 1040 };
  it('keeps a saved window that is on a screen, shrunk to fit', () => {
    expect(fitToDisplays({ x: 100, y: 50, width: 1200, height: 800, maximized: false }, [screen])).toEqual({
      x: 100,
      y: 50,
      width: 1200,
      height: 800,
      maximized: false,
    });
    expect(fitToDisplays({ x: 1000, y: 0, width: 3000, height: 2000, maximized: true }, [screen])).toEqual({
      x: 0,
      y: 0,
      width: 1920,
      height: 1040,
      maximized: true,
    });
  });
  it('drops a window left on a monitor that is gone', () => {
    expect(fitToDisplays({ x: 2500, y: 100, width: 1200, height: 800, maximized: false }, [screen])).toBeUndefined();
    expect(
      fitToDisplays({ x: 2500, y: 100, width: 1200, height: 800, maximized: false }, [
        screen,
        { x: 1920, y: 0, width: 2560, height: 1400 },
      ]),
    ).toMatchObject({ x: 2500 });
  });
  it('round-trips through its file; a damaged file means default placement', async () => {
    const f = join(dir, 'window.json');
    await saveWindowState(f, { x: 10, y: 20, width: 1000, height: 700, maximized: true });
    expect(await loadWindowState(f)).toEqual({ x: 10, y: 20, width: 1000, height: 700, maximized: true });
    writeFileSync(f, '{"x": "left"');
    expect(await loadWindowState(f)).toBeUndefined();
  });
});

describe('recent files', () => {
  it('puts the newest first, without duplicates, at most ten', async () => {
    let list: RecentFile[] = [];
    for (let i = 0; i < 12; i++) list = addRecent(list, `/p/项目${i}.bfproj`);
    list = addRecent(list, '/p/项目5.bfproj');
    expect(list).toHaveLength(MAX_RECENT);
    expect(list[0]).toEqual({ path: '/p/项目5.bfproj', name: '项目5' });
    expect(list.filter((f) => f.path === '/p/项目5.bfproj')).toHaveLength(1);
    const f = join(dir, 'recent.json');
    await saveRecent(f, list);
    expect(await loadRecent(f)).toEqual(list);
    writeFileSync(f, 'not json');
    expect(await loadRecent(f)).toEqual([]);
  });
});

/** A project file's text, as a save writes it. */
const PROJECT = JSON.stringify({
  schema: 1,
  id: 'p-1',
  name: '方案',
  title: '某医院空调项目售后服务方案',
  blueprint: 'service-plan',
  date: '2026-11-24',
  values: {},
});

function fakeDeps(over: Partial<ShellDeps> = {}) {
  const files = new Map<string, string | Uint8Array>();
  let recent: RecentFile[] = [];
  const shown: string[] = [];
  const deps: ShellDeps = {
    chooseOpenPath: async () => '/docs/方案.bfproj',
    chooseSavePath: async (name) => `/docs/${name}`,
    readText: async (p) => {
      const v = files.get(p);
      if (v === undefined) throw Object.assign(new Error('no such file'), { code: 'ENOENT' });
      return String(v);
    },
    writeBytes: async (p, b) => void files.set(p, b),
    showItemInFolder: (p) => void shown.push(p),
    openPath: async () => '',
    recent: { list: async () => recent, add: async (p) => void (recent = addRecent(recent, p)) },
    setLanguage: () => undefined,
    lang: () => 'zh-CN',
    ...over,
  };
  return { deps, files, shown, recent: () => recent };
}

describe('shell file calls', () => {
  it('opens through the dialog, then saves back to the same path without asking again', async () => {
    const f = fakeDeps({
      chooseSavePath: async () => {
        throw new Error('should not ask');
      },
    });
    f.files.set('/docs/方案.bfproj', PROJECT);
    const calls = createShellCalls(f.deps);
    expect(await calls.openProject({})).toEqual({ path: '/docs/方案.bfproj', name: '方案.bfproj', text: PROJECT });
    expect(await calls.saveProject({ text: '{"a":2}', suggestedName: '方案', path: '/docs/方案.bfproj' })).toEqual({
      path: '/docs/方案.bfproj',
      name: '方案.bfproj',
    });
    expect(f.files.get('/docs/方案.bfproj')).toBe('{"a":2}');
    expect(f.recent()[0]!.path).toBe('/docs/方案.bfproj');
  });

  it('never writes to a path the renderer made up: it asks with a save dialog instead', async () => {
    const f = fakeDeps();
    const calls = createShellCalls(f.deps);
    const saved = await calls.saveProject({ text: 'x', suggestedName: '新项目', path: '/etc/passwd' });
    expect(saved).toEqual({ path: '/docs/新项目.bfproj', name: '新项目.bfproj' });
    expect(f.files.has('/etc/passwd')).toBe(false);
    await expect(calls.showInFolder({ path: '/etc/passwd' })).rejects.toThrow(/未经对话框选择/);
    await expect(calls.openRecent({ path: '/etc/passwd' })).rejects.toThrow(/未经对话框选择/);
  });

  it('a cancelled dialog is null, not an error', async () => {
    const calls = createShellCalls(
      fakeDeps({ chooseOpenPath: async () => undefined, chooseSavePath: async () => undefined }).deps,
    );
    expect(await calls.openProject({})).toBeNull();
    expect(await calls.saveExport({ bytes: new Uint8Array([1]), suggestedName: '方案', format: 'pdf' })).toBeNull();
  });

  it('exports get their extension; only exported documents may be opened', async () => {
    const f = fakeDeps();
    const calls = createShellCalls(f.deps);
    const saved = await calls.saveExport({
      bytes: new Uint8Array([37, 80]),
      suggestedName: '售后服务方案',
      format: 'pdf',
    });
    expect(saved!.path).toBe('/docs/售后服务方案.pdf');
    await calls.openPath({ path: saved!.path });
    await calls.showInFolder({ path: saved!.path });
    expect(f.shown).toEqual(['/docs/售后服务方案.pdf']);
    const exe = await createShellCalls(fakeDeps({ chooseSavePath: async () => '/docs/x.exe' }).deps).saveExport({
      bytes: new Uint8Array([1]),
      suggestedName: 'x',
      format: 'pdf',
    });
    await expect(
      createShellCalls(fakeDeps({ chooseSavePath: async () => '/docs/x.exe' }).deps).openPath({ path: exe!.path }),
    ).rejects.toThrow();
  });

  it('a full disk is a clear error saying the old file is unchanged', async () => {
    const f = fakeDeps({
      writeBytes: async () => {
        throw Object.assign(new Error('nospc'), { code: 'ENOSPC' });
      },
    });
    f.files.set('/docs/方案.bfproj', PROJECT);
    const calls = createShellCalls(f.deps);
    await calls.openProject({});
    await expect(calls.saveProject({ text: 'new', suggestedName: '方案', path: '/docs/方案.bfproj' })).rejects.toThrow(
      /磁盘已满.*原文件未改动/,
    );
    expect(f.files.get('/docs/方案.bfproj')).toBe(PROJECT);
  });

  it('打开损坏的文件时报告错误，最近文件保持不变', async () => {
    const f = fakeDeps({ chooseOpenPath: async () => '/docs/坏文件.bfproj' });
    f.files.set('/docs/好项目.bfproj', PROJECT);
    f.files.set('/docs/坏文件.bfproj', '{"schema": 1, "title": ');
    const calls = createShellCalls(f.deps);
    await f.deps.recent.add('/docs/好项目.bfproj');
    await expect(calls.openProject({})).rejects.toThrow(/坏文件\.bfproj/);
    expect(f.recent().map((r) => r.path)).toEqual(['/docs/好项目.bfproj']);
  });

  it('a recent file that has gone names the file', async () => {
    const f = fakeDeps();
    await f.deps.recent.add('/docs/旧项目.bfproj');
    await expect(createShellCalls(f.deps).openRecent({ path: '/docs/旧项目.bfproj' })).rejects.toThrow(
      /旧项目\.bfproj.*ENOENT/,
    );
  });
});

describe('file association', () => {
  it('finds the project file among the arguments a double-click passes', () => {
    expect(projectFileFromArgv(['C:\\BidForge\\BidForge.exe', '--flag', 'D:\\标书\\甲项目.bfproj'])).toBe(
      'D:\\标书\\甲项目.bfproj',
    );
    expect(projectFileFromArgv(['/usr/bin/bidforge', '/home/u/乙.bfproj.json'])).toBe('/home/u/乙.bfproj.json');
    expect(projectFileFromArgv(['/usr/bin/bidforge', '.'])).toBeUndefined();
  });
  it('electron-builder associates .bfproj with the app', () => {
    const yml = readFileSync('electron-builder.yml', 'utf8');
    expect(yml).toMatch(/fileAssociations:\s*\n\s*- ext: bfproj/);
  });
});
