// 每个文件都用同一种原子写入: the project save, settings and the clause store write through core/fs/atomicWrite.ts,
// which never follows a planted symbolic link, and a full or read-only disk is named, not reported as "internal".
import { lstatSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createHandlers } from '@core/api/handlers.js';
import { atomicWrite } from '@core/fs/atomicWrite.js';
import { openStore } from '@core/library/store/index.js';
import { createShellCalls } from '../../electron/shellHandlers.js';
import { templatesDir } from '../helpers/paths.js';
import { failingWrites } from './helpers.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'bf-writes-'));
  dirs.push(d);
  return d;
}
/** A file outside the folder that a planted link points to; it must never change. */
function victim(): string {
  const path = join(tempDir(), 'victim.txt');
  writeFileSync(path, '别人的文件');
  return path;
}

/** The project save as the app wires it: Electron's shell calls with atomicWrite as writeBytes. */
function projectSaver(target: string) {
  return createShellCalls({
    chooseOpenPath: async () => undefined,
    chooseSavePath: async () => target,
    readText: async (p) => readFileSync(p, 'utf8'),
    writeBytes: atomicWrite,
    showItemInFolder: () => undefined,
    openPath: async () => '',
    recent: { list: async () => [], add: async () => undefined },
    setLanguage: () => undefined,
    lang: () => 'zh-CN',
  });
}

describe('保存项目不跟随植入的符号链接', () => {
  it('a project file that is a symbolic link is not written through: the save fails and the linked file is unchanged', async () => {
    const dir = tempDir();
    const target = join(dir, '方案.bfproj');
    const other = victim();
    symlinkSync(other, target);
    const calls = projectSaver(target);
    await expect(
      calls.saveProject({ text: '{"schema":1}', suggestedName: '方案', saveAs: true }),
    ).rejects.toMatchObject({ code: 'cannot_write', message: expect.stringContaining('符号链接') });
    expect(readFileSync(other, 'utf8')).toBe('别人的文件');
    expect(lstatSync(target).isSymbolicLink()).toBe(true);
  });

  it('a link planted under the temp name the old save used (<file>.<pid>.tmp) is not followed', async () => {
    const dir = tempDir();
    const target = join(dir, '方案.bfproj');
    const other = victim();
    symlinkSync(other, `${target}.${process.pid}.tmp`);
    await projectSaver(target).saveProject({ text: '{"schema":1}', suggestedName: '方案', saveAs: true });
    expect(readFileSync(target, 'utf8')).toBe('{"schema":1}');
    expect(readFileSync(other, 'utf8')).toBe('别人的文件');
  });

  it('settings.json and library.json that are symbolic links are not written through either', async () => {
    const dir = tempDir();
    const other = victim();
    const api = createHandlers({ templatesDir, dataDir: dir });
    const { settings } = await api.getSettings({});
    symlinkSync(other, join(dir, 'settings.json'));
    await expect(api.saveSettings({ settings })).rejects.toMatchObject({
      code: 'settings_write_failed',
      message: expect.stringContaining('符号链接'),
    });

    const lib = tempDir();
    const store = await openStore({ dataDir: lib, program: 'app' });
    await store.createClause(
      { id: 'a', category: '测试', title: '甲', docTypes: ['service-plan'], body: '正文' },
      '张',
    );
    const elsewhere = join(tempDir(), 'library.json'); // a library elsewhere, the same text as ours
    const text = readFileSync(join(lib, 'library.json'), 'utf8');
    writeFileSync(elsewhere, text);
    rmSync(join(lib, 'library.json'));
    symlinkSync(elsewhere, join(lib, 'library.json'));
    await expect(store.markReviewed('a', '张')).rejects.toMatchObject({
      code: 'store_write_failed',
      message: expect.stringContaining('符号链接'),
      problems: [{ params: { reasonEn: expect.stringContaining('symbolic link') } }],
    });
    await store.close();
    expect(readFileSync(other, 'utf8')).toBe('别人的文件');
    expect(readFileSync(elsewhere, 'utf8')).toBe(text);
  });
});

describe('设置保存在磁盘已满或只读时说明原因', () => {
  it.each([
    ['ENOSPC', '磁盘已满'],
    ['EROFS', '只读'],
  ])(
    '%s: saving settings fails with settings_write_failed naming the file and the reason, and settings.json is unchanged',
    async (code, words) => {
      const dir = tempDir();
      const api = createHandlers({ templatesDir, dataDir: dir });
      const { settings } = await api.getSettings({});
      await api.saveSettings({ settings });
      const before = readFileSync(join(dir, 'settings.json'), 'utf8');
      const err = await failingWrites(code, () => api.saveSettings({ settings: { ...settings, userName: '改过' } }));
      expect(err).toMatchObject({ code: 'settings_write_failed', message: expect.stringContaining(words) });
      expect((err as Error).message).toContain(join(dir, 'settings.json'));
      expect(readFileSync(join(dir, 'settings.json'), 'utf8')).toBe(before);
      expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    },
  );
});
