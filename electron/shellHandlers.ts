// The shell calls behind native dialogs, written against injected dependencies so tests need no Electron.
// The renderer may only read or write paths the user picked in a dialog, opened from the OS, or saw in the recent list.
import { basename, extname } from 'node:path';
import { parseProjectText } from '../core/project/parse.js';
import type { OpenedFile, RecentFile, SavedFile, ShellBridge } from '../core/shell/bridge.js';

export type DialogFilter = { name: string; extensions: string[] };
export type ShellDeps = {
  chooseOpenPath(filters: DialogFilter[]): Promise<string | undefined>;
  chooseSavePath(suggestedName: string, filters: DialogFilter[]): Promise<string | undefined>;
  readText(path: string): Promise<string>;
  /** Must be atomic (temp file + rename): a crash while saving leaves the old file. */
  writeBytes(path: string, bytes: Uint8Array | string): Promise<void>;
  showItemInFolder(path: string): void;
  openPath(path: string): Promise<string>;
  recent: { list(): Promise<RecentFile[]>; add(path: string): Promise<void> };
  setLanguage(lang: 'zh-CN' | 'en'): void;
  lang(): 'zh-CN' | 'en';
};

export type ShellCalls = Omit<ShellBridge, 'onMenu' | 'onOpenFile'>;

const PROJECT_FILTERS = (zh: boolean): DialogFilter[] => [
  { name: zh ? '标书工坊项目' : 'BidForge project', extensions: ['bfproj', 'json'] },
];
const EXPORT_FILTERS: Record<'docx' | 'pdf', DialogFilter> = {
  docx: { name: 'Word', extensions: ['docx'] },
  pdf: { name: 'PDF', extensions: ['pdf'] },
};

export class ShellError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function createShellCalls(
  deps: ShellDeps,
): ShellCalls & { grant(path: string): void; readGranted(path: string): Promise<OpenedFile> } {
  const granted = new Set<string>();
  const zh = () => deps.lang() === 'zh-CN';
  const mustBeGranted = (path: string) => {
    if (!granted.has(path))
      throw new ShellError(
        'forbidden',
        zh() ? `未经对话框选择的路径不可访问：${path}` : `not a path the user chose: ${path}`,
      );
  };
  const readGranted = async (path: string): Promise<OpenedFile> => {
    mustBeGranted(path);
    let text: string;
    try {
      text = await deps.readText(path);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new ShellError(
        'cannot_read',
        zh()
          ? `无法打开 ${path}（${code ?? (e as Error).message}）`
          : `cannot open ${path} (${code ?? (e as Error).message})`,
      );
    }
    // A file that is not a project is reported and never joins 最近文件 (it would push out a good entry).
    try {
      parseProjectText(text, basename(path));
    } catch (e) {
      throw new ShellError('bad_project', (e as Error).message);
    }
    await deps.recent.add(path);
    return { path, name: basename(path), text };
  };
  const write = async (path: string, data: Uint8Array | string): Promise<SavedFile> => {
    try {
      await deps.writeBytes(path, data);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const why =
        code === 'ENOSPC'
          ? zh()
            ? '磁盘已满'
            : 'the disk is full'
          : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
            ? zh()
              ? '没有写入权限'
              : 'no permission to write there'
            : code === 'ESYMLINK'
              ? zh()
                ? '该位置是一个符号链接，不会通过链接写入'
                : 'that name is a symbolic link, which is not written through'
              : (code ?? (e as Error).message);
      throw new ShellError(
        'cannot_write',
        zh()
          ? `未能保存 ${path}：${why}；原文件未改动`
          : `could not save ${path}: ${why}; the previous file is unchanged`,
      );
    }
    granted.add(path);
    return { path, name: basename(path) };
  };

  return {
    grant: (path) => void granted.add(path),
    readGranted,
    async openProject() {
      const path = await deps.chooseOpenPath(PROJECT_FILTERS(zh()));
      if (!path) return null;
      granted.add(path);
      return readGranted(path);
    },
    async openRecent({ path }) {
      if ((await deps.recent.list()).some((f) => f.path === path)) granted.add(path);
      return readGranted(path);
    },
    async saveProject({ text, suggestedName, path, saveAs }) {
      let target = !saveAs && path && granted.has(path) ? path : undefined;
      if (!target) {
        const name = /\.(bfproj|json)$/i.test(suggestedName) ? suggestedName : `${suggestedName}.bfproj`;
        target = await deps.chooseSavePath(name, PROJECT_FILTERS(zh()));
        if (!target) return null;
      }
      const saved = await write(target, text);
      await deps.recent.add(target);
      return saved;
    },
    async saveExport({ bytes, suggestedName, format }) {
      const name = extname(suggestedName).toLowerCase() === `.${format}` ? suggestedName : `${suggestedName}.${format}`;
      const target = await deps.chooseSavePath(name, [EXPORT_FILTERS[format]]);
      if (!target) return null;
      return write(target, bytes);
    },
    async showInFolder({ path }) {
      mustBeGranted(path);
      deps.showItemInFolder(path);
    },
    async openPath({ path }) {
      mustBeGranted(path);
      // Only documents we wrote: a name typed into a save dialog could otherwise make this launch a program.
      if (!/\.(docx|pdf)$/i.test(path))
        throw new ShellError(
          'forbidden',
          zh() ? `只能打开导出的 DOCX 或 PDF：${path}` : `only exported DOCX or PDF files open: ${path}`,
        );
      const failure = await deps.openPath(path);
      if (failure) throw new ShellError('cannot_open', failure);
    },
    recentFiles: async () => deps.recent.list(),
    async setLanguage({ lang }) {
      deps.setLanguage(lang);
    },
  };
}
