// For the 首页/保修卡/设置 e2e tests: the built renderer behind the browser host on a private data folder, in Chromium.
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { createHandlers } from '../../core/api/handlers.js';
import { rendererDir, templatesDir } from '../../host/paths.js';
import { startHost, type RunningHost } from '../../host/server.js';
import { E2E_TIMEOUT, ensureRendererBuilt, haveChromium, openBrowser, requireChromium, screensDir } from '../e2e/helpers/browser.js';
import { tempDir } from '../helpers/tmp.js';

export { haveChromium, screensDir };
export const TIMEOUT = E2E_TIMEOUT;
requireChromium('app');

export type E2eApp = { host: RunningHost; browser: Browser; page: Page; dataDir: string; pageErrors: string[]; close(): Promise<void> };

/** Each test file gets its own data folder, so settings and recent projects never leak between tests. */
export async function startApp(): Promise<E2eApp> {
  ensureRendererBuilt();
  const dataDir = tempDir('bf-e2e-data-');
  const host = await startHost({ handlers: createHandlers({ templatesDir: templatesDir(), dataDir, program: 'host' }), rendererDir: rendererDir() });
  const { browser, page, pageErrors } = await openBrowser({ width: 1440, height: 900 });
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
