// Shared by the end-to-end tests: build the renderer when stale, and start Debian's Chromium through playwright-core.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { isStale, rendererOutput, rendererSources } from '../../../scripts/freshness.js';
import { repoRoot } from '../../helpers/paths.js';
import { squash } from '../../helpers/text.js';

export const CHROMIUM = '/usr/bin/chromium';
export const E2E_TIMEOUT = 60_000;
export const screensDir = join(repoRoot, 'test', 'e2e', 'screens');
export const haveChromium = existsSync(CHROMIUM);

/** Fails under CI without Chromium; elsewhere says the test is skipped. */
export function requireChromium(what: string): void {
  if (!haveChromium && process.env.CI === 'true')
    throw new Error(`${CHROMIUM} must be installed when CI=true (the ${what} e2e test needs it)`);
  if (!haveChromium) console.warn(`${CHROMIUM} is not installed: skipping the ${what} e2e test`);
}

/** Builds the renderer when it is missing or older than its sources (the same rule as npm start). */
export function ensureRendererBuilt(): void {
  if (!isStale(rendererOutput(repoRoot), rendererSources(repoRoot))) return;
  // Vitest sets NODE_ENV=test; a child vite build would inherit it and bundle React's development build.
  execSync('npx vite build', {
    cwd: repoRoot,
    stdio: 'inherit',
    timeout: 180_000,
    env: { ...process.env, NODE_ENV: 'production' },
  });
}

/** A headless Chromium page (1600×1000 unless told) in zh-CN that collects page errors. */
export async function openBrowser(
  viewport = { width: 1600, height: 1000 },
): Promise<{ browser: Browser; page: Page; pageErrors: string[] }> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    timeout: E2E_TIMEOUT,
  });
  const context = await browser.newContext({ acceptDownloads: true, viewport, locale: 'zh-CN' });
  const page = await context.newPage();
  page.setDefaultTimeout(E2E_TIMEOUT);
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') pageErrors.push(`${m.text()} ${m.location().url}`);
  });
  return { browser, page, pageErrors };
}

/** The preview's text without white space (the sheets break lines anywhere). */
export const previewText = async (page: Page) => squash(await page.getByTestId('preview').innerText());
