// Electron main process: one window, the app:// protocol serving the renderer, and the API over IPC.
import { app, BrowserWindow, protocol, screen, session, shell } from 'electron';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHandlers } from '../core/api/handlers.js';
import { dataDir, rendererDir, templatesDir } from '../host/paths.js';
import { CONTENT_TYPES, RENDERER_CSP } from '../host/static.js';
import { WorkerPool, withWorkers } from '../host/workerPool.js';
import { projectFileFromArgv } from '../core/shell/bridge.js';
import { handleApiCalls } from './ipcHandlers.js';
import { APP_ORIGIN, APP_SCHEME, isTrustedUrl } from './security.js';
import { setUpShell } from './shellMain.js';
import { DEFAULT_SIZE, fitToDisplays, loadWindowState, saveWindowState } from './windowState.js';

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } },
]);

if (!app.requestSingleInstanceLock()) app.quit();

function serveRenderer() {
  const root = rendererDir();
  protocol.handle(APP_SCHEME, async (request) => {
    const path = new URL(request.url).pathname;
    const file = normalize(join(root, path === '/' ? 'index.html' : decodeURIComponent(path)));
    if (!file.startsWith(root + sep)) return new Response('not found', { status: 404 });
    try {
      return new Response(await readFile(file), {
        headers: {
          'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
          'content-security-policy': RENDERER_CSP,
        },
      });
    } catch {
      return new Response('not found', { status: 404 });
    }
  });
}

function serveApi() {
  // ~/.bidforge (or $BIDFORGE_DATA), not Electron's userData: the app and `bidforge library` share one store.
  const deps = { templatesDir: templatesDir(), dataDir: dataDir(), program: 'BidForge app' };
  // Exports, card files and tender reading in worker threads (dist-electron/worker.mjs beside this bundle), bounded in
  // time and memory: a long PDF layout never freezes the window (host/workerPool.ts).
  const pool = new WorkerPool({ deps, entry: new URL('./worker.mjs', import.meta.url) });
  handleApiCalls(withWorkers(createHandlers(deps), pool));
}

const windowStateFile = () => join(app.getPath('userData'), 'window-state.json');

async function createWindow() {
  const saved = fitToDisplays(
    await loadWindowState(windowStateFile()),
    screen.getAllDisplays().map((d) => d.workArea),
  );
  const win = new BrowserWindow({
    ...(saved ? { x: saved.x, y: saved.y, width: saved.width, height: saved.height } : DEFAULT_SIZE),
    minWidth: 960,
    minHeight: 600,
    title: '标书工坊 BidForge',
    webPreferences: {
      preload: join(fileURLToPath(new URL('.', import.meta.url)), 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      // A middle click must not open links in a new window (electronegativity AUXCLICK_JS_CHECK).
      disableBlinkFeatures: 'Auxclick',
    },
  });
  win.webContents.on('will-navigate', (e, url) => {
    if (!isTrustedUrl(url)) e.preventDefault();
  });
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (/^https:\/\//.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  if (saved?.maximized) win.maximize();
  // Remember size and position; the normal bounds, so a maximised window restores to where it was.
  win.on(
    'close',
    () =>
      void saveWindowState(windowStateFile(), { ...win.getNormalBounds(), maximized: win.isMaximized() }).catch(
        () => undefined,
      ),
  );
  void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}

const mainWindow = () => BrowserWindow.getAllWindows()[0];
let shellApi: ReturnType<typeof setUpShell> | undefined;
// macOS delivers double-clicked files through open-file, possibly before the app is ready.
const pendingOpen: string[] = [];
app.on('open-file', (event, path) => {
  event.preventDefault();
  if (shellApi) void shellApi.openFromOs(path);
  else pendingOpen.push(path);
});

app.on('second-instance', (_event, argv) => {
  const win = mainWindow();
  if (win) {
    if (win.isMinimized()) win.restore();
    win.focus();
  }
  const file = projectFileFromArgv(argv);
  if (file) void shellApi?.openFromOs(file);
});

app.whenReady().then(async () => {
  // The app needs no camera, microphone, notifications or other permission: refuse every request (electronegativity
  // PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK).
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  serveRenderer();
  serveApi();
  shellApi = setUpShell(mainWindow);
  await createWindow();
  const file = projectFileFromArgv(process.argv);
  for (const path of [...pendingOpen.splice(0), ...(file ? [file] : [])]) void shellApi.openFromOs(path);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) void createWindow();
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
