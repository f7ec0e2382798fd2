// Keystroke → preview on a 40-page plan, as a user runs the app: the browser host in its own process (npm run
// start:web), the built renderer in Chromium. The figure goes to test-output/preview-latency.json; the goal is 100 ms.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { factPhrase } from '@core/commitments/phrase.js';
import type { Commitment } from '@core/commitments/schema.js';
import { projectSchema } from '@core/model/project.js';
import { repoRoot } from '../helpers/paths.js';
import { squash } from '../helpers/text.js';
import { tempDir } from '../helpers/tmp.js';
import {
  E2E_TIMEOUT,
  ensureRendererBuilt,
  haveChromium,
  openBrowser,
  previewText,
  requireChromium,
} from './helpers/browser.js';

requireChromium('preview latency');

/**
 * Runs in the page (as a string: this file is type-checked without the DOM): resolves with the milliseconds from the
 * next input event (the keystroke) to the preview showing `text`.
 */
const MEASURE_PREVIEW = `(text) => new Promise((resolve) => {
  const preview = document.querySelector('[data-testid="preview"]');
  let start = 0;
  document.addEventListener('input', () => (start = performance.now()), { once: true, capture: true });
  new MutationObserver((_, obs) => {
    if (start > 0 && preview.innerText.replace(/\\s+/g, '').includes(text)) {
      obs.disconnect();
      resolve(performance.now() - start);
    }
  }).observe(preview, { subtree: true, childList: true, characterData: true });
})`;

/** Starts `npm run start:web`'s host on a free port with its own data folder; resolves with its URL. */
function startHostProcess(): Promise<{ child: ChildProcess; url: string }> {
  // node --import tsx (not the tsx wrapper) so that the host is this one process, whose peak memory is read below.
  const child = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'host', 'main.ts')], {
    cwd: repoRoot,
    env: { ...process.env, BIDFORGE_PORT: '0', BIDFORGE_DATA: tempDir('bidforge-latency-'), NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`the host did not start: ${out}`)), E2E_TIMEOUT);
    const read = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /running at (http:\/\/127\.0\.0\.1:\d+\/\?launch=\w+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1]! });
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => reject(new Error(`the host exited (${code}): ${out}`)));
  });
}

/** A process's peak resident memory (Linux), in MB. */
function peakRssMb(pid: number | undefined): number | undefined {
  const status = `/proc/${pid}/status`;
  if (pid === undefined || !existsSync(status)) return undefined;
  const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(status, 'utf8'))?.[1];
  return kb ? Math.round(Number(kb) / 1024) : undefined;
}

describe.skipIf(!haveChromium)('preview latency (host in its own process + Chromium)', () => {
  let host: { child: ChildProcess; url: string } | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let pageErrors: string[] = [];

  beforeAll(async () => {
    ensureRendererBuilt();
    host = await startHostProcess();
    ({ browser, page, pageErrors } = await openBrowser());
  }, 240_000);

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    host?.child.kill();
  }, E2E_TIMEOUT);

  it(
    'the preview of a 40-page plan follows a keystroke (figure written to test-output/preview-latency.json)',
    async () => {
      // The full sample with its tables repeated 13 times is about 40 pages as PDF (37 at ×12, 45 at ×16).
      const base = JSON.parse(
        readFileSync(join(repoRoot, 'templates', 'samples', 'service-plan-full-sample.json'), 'utf8'),
      ) as { values: Record<string, unknown> };
      const values = Object.fromEntries(
        Object.entries(base.values).map(([k, v]) => [
          k,
          Array.isArray(v) && typeof v[0] === 'object'
            ? Array.from({ length: v.length * 13 }, (_, i) => v[i % v.length])
            : v,
        ]),
      );
      await page.goto(`${host!.url}#composer`);
      await page.getByTestId('open-project-input').waitFor({ state: 'attached' });
      await page.getByTestId('open-project-input').setInputFiles({
        name: 'plan-40.bfproj.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify({ ...base, name: 'plan-40', values })),
      });
      // The plan states its promises as facts: the keystroke goes to the general arrival time in 承诺, and the
      // preview shows it in the arrival sentence (as core phrases it).
      const arrive = projectSchema.parse(base).commitments?.find((f) => f.id === 'arrive') as Extract<
        Commitment,
        { within: unknown }
      >;
      const sentence = (value: number) => squash(factPhrase({ ...arrive, within: { ...arrive.within, value } }));
      await expect.poll(() => previewText(page), { timeout: E2E_TIMEOUT }).toContain(sentence(arrive.within.value));
      const pages = await page.locator('.doc-page').count();
      await page.getByTestId('tab-facts').click();
      const arrival = page.getByTestId('fact-arrive-value');
      // A figure whose sentence another promise of the plan prints already would show before the keystroke's effect.
      const initial = await previewText(page);
      const figures = ['3', '4', '5', '6', '7', '8', '9', '3', '4'].filter(
        (v) => Number(v) === arrive.within.value || !initial.includes(sentence(Number(v))),
      );
      expect(figures.length).toBeGreaterThanOrEqual(7);

      const samples: number[] = [];
      for (const typed of figures) {
        await arrival.click();
        // Time from the keystroke (the input event) to the preview showing its effect, measured inside the page.
        const waiting = page.evaluate(
          `(${MEASURE_PREVIEW})(${JSON.stringify(sentence(Number(typed)))})`,
        ) as Promise<number>;
        await arrival.press('Control+a');
        await arrival.pressSequentially(typed);
        samples.push(await waiting);
        await page.waitForTimeout(150); // a pause between keystrokes, as when one corrects a figure
      }
      samples.sort((a, b) => a - b);
      const median = samples[Math.floor(samples.length / 2)]!;
      mkdirSync(join(repoRoot, 'test-output'), { recursive: true });
      const hostPeakRssMb = peakRssMb(host!.child.pid);
      writeFileSync(
        join(repoRoot, 'test-output', 'preview-latency.json'),
        JSON.stringify(
          {
            planPages: 40,
            previewSheets: pages,
            samplesMs: samples.map(Math.round),
            medianMs: Math.round(median),
            hostPeakRssMb,
          },
          null,
          2,
        ),
      );
      console.log(
        `preview latency on a ~40-page plan: median ${Math.round(median)} ms (${samples.map(Math.round).join(', ')} ms)`,
      );
      // The goal is 100 ms (reported above); this bound catches a live preview that stopped following typing.
      expect(median).toBeLessThan(1500);
      expect(pageErrors).toEqual([]);
    },
    4 * E2E_TIMEOUT,
  );
});
