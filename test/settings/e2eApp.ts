// For the 首页/保修卡/设置 e2e tests: the built renderer behind the browser host on a private data folder, in Chromium.
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createHandlers } from '../../core/api/handlers.js';
import { rendererDir, templatesDir } from '../../host/paths.js';
import { startHost, type RunningHost } from '../../host/server.js';
import { repoRoot } from '../helpers/paths.js';
import { tempDir } from '../helpers/tmp.js';

export const CHROMIUM = '/usr/bin/chromium';
export const TIMEOUT = 60_000;
export const screensDir = join(repoRoot, 'test', 'e2e', 'screens');
export const haveChromium = existsSync(CHROMIUM);
if (!haveChromium && process.env.CI === 'true') throw new Error(`${CHROMIUM} must be installed when CI=true (the e2e tests need it)`);

function newestMtime(path: string): number {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return readdirSync(path).reduce((m, name) => Math.max(m, newestMtime(join(path, name))), s.mtimeMs);
}

/** Builds the renderer when it is missing or older than its sources (as the composer e2e test does). */
function ensureRendererBuilt() {
  const index = join(rendererDir(), 'index.html');
  const sources = [join(repoRoot, 'renderer'), join(repoRoot, 'vite.config.ts')];
  if (existsSync(index) && statSync(index).mtimeMs >= Math.max(...sources.map(newestMtime))) return;
  // Vitest sets NODE_ENV=test; a child vite build would inherit it and bundle React's development build.
  execSync('npx vite build', { cwd: repoRoot, stdio: 'inherit', timeout: 180_000, env: { ...process.env, NODE_ENV: 'production' } });
}

export type E2eApp = { host: RunningHost; browser: Browser; page: Page; dataDir: string; pageErrors: string[]; close(): Promise<void> };

/** Each test file gets its own data folder, so settings and recent projects never leak between tests. */
export async function startApp(): Promise<E2eApp> {
  ensureRendererBuilt();
  const dataDir = tempDir('bf-e2e-data-');
  const host = await startHost({ handlers: createHandlers({ templatesDir: templatesDir(), dataDir, program: 'host' }), rendererDir: rendererDir() });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    timeout: TIMEOUT,
  });
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') pageErrors.push(`${m.text()} ${m.location().url}`);
  });
  mkdirSync(screensDir, { recursive: true });
  return {
    host,
    browser,
    page,
    dataDir,
    pageErrors,
    async close() {
      await browser.close().catch(() => undefined);
      await host.close().catch(() => undefined);
    },
  };
}
