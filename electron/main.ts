// Electron main process: one window, the app:// protocol serving the renderer, and the API over IPC.
import { app, BrowserWindow, ipcMain, protocol, shell } from 'electron';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHANNELS } from '../core/api/contract.js';
import { dispatch } from '../core/api/dispatch.js';
import { createHandlers } from '../core/api/handlers.js';
import { rendererDir, templatesDir } from '../host/paths.js';
import { CONTENT_TYPES, RENDERER_CSP } from '../host/static.js';
import { APP_ORIGIN, APP_SCHEME, isTrustedUrl } from './security.js';


protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } }]);

if (!app.requestSingleInstanceLock()) app.quit();

function serveRenderer() {
  const root = rendererDir();
  protocol.handle(APP_SCHEME, async (request) => {
    const path = new URL(request.url).pathname;
    const file = normalize(join(root, path === '/' ? 'index.html' : decodeURIComponent(path)));
    if (!file.startsWith(root + sep)) return new Response('not found', { status: 404 });
    try {
      return new Response(await readFile(file), { headers: { 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', 'content-security-policy': RENDERER_CSP } });
    } catch {
      return new Response('not found', { status: 404 });
    }
  });
}

function registerApi() {
  const handlers = createHandlers({ templatesDir: templatesDir() });
  for (const channel of CHANNELS) {
    ipcMain.handle(`api:${channel}`, async (event, arg: unknown) => {
      if (!isTrustedUrl(event.senderFrame?.url)) return { ok: false, error: { code: 'forbidden', message: 'untrusted sender' } };
      return dispatch(handlers, channel, arg);
    });
  }
}

function createWindow() {
  const win = new BrowserWindow({
    width: 1400,
    height: 900,
    title: '标书工坊 BidForge',
    webPreferences: {
      preload: join(fileURLToPath(new URL('.', import.meta.url)), 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  });
  win.webContents.on('will-navigate', (e, url) => {
    if (!isTrustedUrl(url)) e.preventDefault();
  });
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (/^https:\/\//.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}

app.on('second-instance', () => {
  const [win] = BrowserWindow.getAllWindows();
  if (win) {
    if (win.isMinimized()) win.restore();
    win.focus();
  }
});

app.whenReady().then(() => {
  serveRenderer();
  registerApi();
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
