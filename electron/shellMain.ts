// Wires the shell calls to Electron: dialogs, the OS shell, IPC with validated arguments, menu and file-open events.
import { app, type BrowserWindow, dialog, Menu, shell } from 'electron';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { atomicWrite } from '../core/fs/atomicWrite.js';
import { SHELL_EVENTS, type MenuCommand, type OpenedFile } from '../core/shell/bridge.js';
import { handleShellCalls } from './ipcHandlers.js';
import { menuTemplate, type MenuLang } from './menu.js';
import { addRecent, loadRecent, saveRecent } from './recent.js';
import { createShellCalls, ShellError } from './shellHandlers.js';

export function setUpShell(getWindow: () => BrowserWindow | undefined) {
  const recentFile = join(app.getPath('userData'), 'recent-files.json');
  let lang: MenuLang = 'zh-CN';
  const send = (channel: string, payload: unknown) => getWindow()?.webContents.send(channel, payload);
  const sendMenu = (c: MenuCommand) => send(SHELL_EVENTS.menu, c);

  const rebuildMenu = async () => {
    const recent = await loadRecent(recentFile);
    const about = () =>
      void dialog.showMessageBox({
        title: 'BidForge',
        message: `标书工坊 BidForge ${app.getVersion()}`,
        detail:
          lang === 'zh-CN'
            ? '售后服务方案、安装外包协议、服务承诺书与保修卡的编制工具。'
            : 'Service plans, installation agreements, commitment letters and warranty cards.',
      });
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        menuTemplate({
          lang,
          recent,
          send: sendMenu,
          about,
          isMac: process.platform === 'darwin',
          dev: !app.isPackaged,
        }),
      ),
    );
  };

  const calls = createShellCalls({
    async chooseOpenPath(filters) {
      const win = getWindow();
      const r = win
        ? await dialog.showOpenDialog(win, { properties: ['openFile'], filters })
        : await dialog.showOpenDialog({ properties: ['openFile'], filters });
      return r.canceled ? undefined : r.filePaths[0];
    },
    async chooseSavePath(defaultPath, filters) {
      const win = getWindow();
      // Replacing a file is always asked (Windows and macOS ask anyway; GTK only with this property).
      const options = { defaultPath, filters, properties: ['showOverwriteConfirmation' as const] };
      const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return r.canceled ? undefined : r.filePath;
    },
    readText: (path) => readFile(path, 'utf8'),
    writeBytes: atomicWrite,
    showItemInFolder: (path) => shell.showItemInFolder(path),
    openPath: (path) => shell.openPath(path),
    recent: {
      list: () => loadRecent(recentFile),
      async add(path) {
        await saveRecent(recentFile, addRecent(await loadRecent(recentFile), path));
        app.addRecentDocument(path);
        await rebuildMenu();
      },
    },
    setLanguage(l) {
      lang = l;
      void rebuildMenu();
    },
    lang: () => lang,
  });

  handleShellCalls(calls, (e) => (e instanceof ShellError ? e.code : 'shell_failed'));

  /** A project file the OS asked us to open (double-click, second instance, macOS open-file). */
  const openFromOs = async (path: string) => {
    calls.grant(path);
    try {
      const file: OpenedFile = await calls.readGranted(path);
      send(SHELL_EVENTS.openFile, file);
    } catch (e) {
      dialog.showErrorBox('BidForge', (e as Error).message);
    }
  };

  void rebuildMenu();
  return { openFromOs };
}
