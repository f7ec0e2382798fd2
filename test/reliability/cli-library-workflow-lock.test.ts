// 条款库 in the app and `bidforge library edit|submit|approve` in a second process at once: the app (the host's
// handlers) keeps editing one clause while the real CLI drafts, submits and approves another. The CLI waits while the
// app writes (--wait) instead of failing, and every change of both ends up in library.json: none is lost.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiHandlers } from '@core/api/contract.js';
import { createHandlers } from '@core/api/handlers.js';
import { decodeStore } from '@core/library/store/index.js';
import { repoRoot, templatesDir } from '../helpers/paths.js';
import { bundle, sleep } from './helpers.js';

const root = mkdtempSync(join(tmpdir(), 'bf-cli-work-'));
const dataDir = join(root, 'data');
const host = createHandlers({ templatesDir, dataDir, program: 'host' }) as ApiHandlers & {
  close?: () => Promise<void>;
};
let cliBundle: string;
beforeAll(async () => {
  cliBundle = await bundle(join(import.meta.dirname, 'fixtures', 'cli-entry.ts'), 'cli-work');
});
afterAll(async () => {
  await host.close?.();
  await rm(cliBundle, { force: true });
});

/** The real CLI in its own process, so the lock sees two programs. */
function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const env = { ...process.env, BIDFORGE_TEMPLATES: templatesDir };
    execFile(
      process.execPath,
      [cliBundle, ...args, '--data', dataDir, '--lang', 'en'],
      { cwd: repoRoot, env, timeout: 60_000 },
      (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const versionsOf = (id: string, variant = '标准') =>
  decodeStore(readFileSync(join(dataDir, 'library.json'), 'utf8'), new Date())
    .data.clauses.find((c) => c.id === id)!
    .variants.find((v) => v.name === variant)!.versions;

describe('条款库 in the app and bidforge library in a second process, at once', () => {
  it('the CLI drafts, submits and approves while the app keeps editing: the CLI waits its turn and nothing is lost', async () => {
    await host.libraryInfo({}); // opens (and seeds) the store
    const before = versionsOf('warranty-terms').length;
    const file = join(root, 'exclusions.md');
    writeFileSync(
      file,
      `---\n{ "title": "免责条款", "category": "免责条款" }\n---\n下列情况不属于免费保修范围：人为损坏。\n`,
    );

    let cliDone = false;
    let edits = 0;
    const appEdits = (async () => {
      for (let i = 0; (!cliDone || i < 5) && i < 300; i++) {
        for (;;) {
          try {
            await host.libraryEdit({
              clauseId: 'warranty-terms',
              variant: '标准',
              body: `应用修改 ${i}`,
              changeNote: `app ${i}`,
              by: '法务部',
            });
            break;
          } catch (e) {
            if ((e as { code?: string }).code !== 'store_locked') throw e;
            await sleep(5);
          }
        }
        edits++;
        await sleep(10);
      }
    })();
    const steps: [string, ...string[]][] = [
      ['edit', 'exclusions', file, '--as', '张律师', '--variant', '标准'],
      ['submit', 'exclusions', '--as', '张律师'],
      ['approve', 'exclusions', '--as', '张律师'], // refused: four eyes, whatever the load
      ['approve', 'exclusions', '--as', '李主任'],
    ];
    const results = [];
    for (const step of steps) results.push(await cli('library', ...step, '--wait', '30'));
    cliDone = true;
    await appEdits;

    expect(
      results.map((r) => r.code),
      results.map((r) => r.stderr).join('\n'),
    ).toEqual([0, 0, 1, 0]);
    expect(results[2]!.stderr).toMatch(/nobody approves their own version/);
    const exclusions = versionsOf('exclusions');
    expect(exclusions[exclusions.length - 1]).toMatchObject({
      status: 'approved',
      author: '张律师',
      reviewer: '李主任',
    });
    const notes = versionsOf('warranty-terms').map((v) => v.changeNote);
    expect(notes.length).toBe(before + edits);
    for (let i = 0; i < edits; i++) expect(notes).toContain(`app ${i}`);
    expect(edits).toBeGreaterThan(5); // the app really wrote while the CLI worked
  }, 180_000);
});
