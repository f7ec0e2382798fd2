// Every in-process e2e test starts the same way: the built renderer behind the browser host, in Chromium.
import { mkdirSync } from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { createHandlers } from '@core/api/handlers.js';
import type { ApiHandlers } from '@core/api/contract.js';
import { rendererDir, templatesDir } from '../../../host/paths.js';
import { startHost, type RunningHost } from '../../../host/server.js';
import { SESSION_COOKIE } from '../../../host/session.js';
import { tempDir } from '../../helpers/tmp.js';
import {
  E2E_TIMEOUT,
  ensureRendererBuilt,
  haveChromium,
  openBrowser,
  previewText,
  requireChromium,
  screensDir,
} from './browser.js';

export { haveChromium, previewText, requireChromium, screensDir };
export const TIMEOUT = E2E_TIMEOUT;
requireChromium('app');

export type E2eApp = {
  host: RunningHost;
  handlers: ApiHandlers;
  browser: Browser;
  page: Page;
  dataDir: string | undefined;
  pageErrors: string[];
  close(): Promise<void>;
};

/**
 * Starts the app for one test file. By default it gets a data folder of its own (clause store, settings, recent
 * projects never leak between files); `store: false` runs the API on the built-in templates only.
 */
export async function startApp(
  opts: { store?: boolean; viewport?: { width: number; height: number } } = {},
): Promise<E2eApp> {
  ensureRendererBuilt();
  const dataDir = opts.store === false ? undefined : tempDir('bf-e2e-data-');
  const handlers = createHandlers({ templatesDir: templatesDir(), ...(dataDir ? { dataDir, program: 'host' } : {}) });
  const host = await startHost({ handlers, rendererDir: rendererDir() });
  const { browser, page, pageErrors } = await openBrowser(opts.viewport ?? { width: 1440, height: 900 });
  // Signed in as the launch link would (its one-time flow has its own test in test/api/contract.test.ts).
  await page
    .context()
    .addCookies([{ name: SESSION_COOKIE, value: host.token, url: host.url, httpOnly: true, sameSite: 'Strict' }]);
  mkdirSync(screensDir, { recursive: true });
  return {
    host,
    handlers,
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

/**
 * The app for one test file: started before its first test and closed after its last. The object is filled in when
 * the app has started, so tests read it (app.page, app.host …) inside their bodies, never at the file's top level.
 */
export function useApp(opts: Parameters<typeof startApp>[0] = {}): E2eApp {
  const app = {} as E2eApp;
  beforeAll(async () => {
    Object.assign(app, await startApp(opts));
  }, 240_000);
  afterAll(() => app.close?.(), TIMEOUT);
  return app;
}

/** From 首页, opens a sample as a new project in 编制. */
export async function openSampleFromHome(app: E2eApp, sample: string): Promise<void> {
  await app.page.goto(`${app.host.url}#home`);
  await app.page.getByTestId(`home-sample-${sample}`).click();
  await app.page.waitForURL(/#composer$/);
}

/**
 * An antd dialog zooms in from the last click for a third of a second. Playwright can take it for stable mid-zoom and
 * press a button in it as it grows: the press hits the button, the release lands beside it, no click happens and the
 * dialog stays open (seen under load: a save whose 仍然保存 never downloaded, a 确定 that never opened the project).
 * Resolves with the dialog once it has finished appearing; click in it after that.
 */
export async function settledDialog(dialog: Locator): Promise<Locator> {
  await dialog.waitFor();
  await expect
    .poll(() => dialog.evaluate((el) => !/\bant-zoom/.test(el.className) && el.getAnimations().length === 0), {
      timeout: TIMEOUT,
    })
    .toBe(true);
  return dialog;
}

/**
 * After 首页 hands 编制 a project, 编制 may first ask whether to drop unsaved edits — a moment after the URL changes,
 * later on a busy machine. Answers that question whenever it shows, until `opened` (something only the newly opened
 * project shows) is visible with no question left.
 */
export async function discardUntilOpened(page: Page, opened: Locator): Promise<void> {
  const question = page.locator('.ant-modal-confirm');
  const discard = question.getByRole('button', { name: /确\s*定|OK/ });
  await expect
    .poll(
      async () => {
        if (await discard.isVisible()) await discard.click({ timeout: 2000 }).catch(() => undefined);
        return (await opened.isVisible()) && !(await question.isVisible());
      },
      { timeout: TIMEOUT },
    )
    .toBe(true);
}
