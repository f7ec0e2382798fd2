// CLI 与应用同时写入: the host (the API the app uses, on a data folder) and the CLI (a real second process) write to
// the same store at once. The lock holds — a writer that finds it taken is told who holds it (program and pid) —
// and when both retry, every change of both ends up in library.json: nothing is lost.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiHandlers } from '@core/api/contract.js';
import { createHandlers } from '@core/api/handlers.js';
import { decodeStore, openStore } from '@core/library/store/index.js';
import { repoRoot, templatesDir } from '../helpers/paths.js';
import { bundle, sleep } from './helpers.js';

const root = mkdtempSync(join(tmpdir(), 'bf-cli-host-'));
const dataDir = join(root, 'data');
const host = createHandlers({ templatesDir, dataDir, program: 'host' }) as ApiHandlers & {
  close?: () => Promise<void>;
};
let cliBundle: string;
beforeAll(async () => {
  cliBundle = await bundle(join(import.meta.dirname, 'fixtures', 'cli-entry.ts'), 'cli');
});
afterAll(async () => {
  await host.close?.();
  await rm(cliBundle, { force: true });
});

type CliResult = { code: number; stdout: string; stderr: string };
/** The real CLI (bin/bidforge.mjs's entry, bundled) in its own process, so the lock sees two different programs. */
function cli(...args: string[]): Promise<CliResult> {
  return new Promise((resolve) => {
    const env = { ...process.env, BIDFORGE_TEMPLATES: templatesDir };
    execFile(
      process.execPath,
      [cliBundle, ...args, '--lang', 'en'],
      { cwd: repoRoot, env, timeout: 60_000 },
      (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** A pack with `n` new approved clauses, made in a store of its own. */
async function packFile(name: string, ids: string[]): Promise<string> {
  const s = await openStore({ dataDir: join(root, `src-${name}`), program: 'test' });
  for (const id of ids) {
    const ref = await s.createClause(
      { id, category: '导入', title: `导入条款 ${id}`, docTypes: ['service-plan'], body: `${id} 的正文。` },
      '法务部',
    );
    await s.submit(ref, '法务部');
    await s.approve(ref, '法务负责人');
  }
  const file = join(root, `${name}.bfpack.json`);
  writeFileSync(file, JSON.stringify(await s.exportPack({ clauseIds: ids, blueprintIds: [] })));
  await s.close();
  return file;
}

const diskState = () => decodeStore(readFileSync(join(dataDir, 'library.json'), 'utf8'), new Date()).data;

describe('CLI 与应用同时写入同一个库', () => {
  it('while the app holds the lock, the CLI is told who has it (program and pid) and changes nothing', async () => {
    await host.libraryInfo({}); // opens (and seeds) the store
    const app = await openStore({ dataDir, program: 'app' });
    await app.markReviewed('warranty-terms', '法务部'); // takes the lock and keeps it until close
    const before = readFileSync(join(dataDir, 'library.json'), 'utf8');
    const pack = await packFile('blocked', ['blocked-one']);
    const r = await cli('library', 'import', pack, '--resolve', 'take-theirs', '--data', dataDir);
    await app.close();
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`The clause library is in use by app \\(pid ${process.pid}\\) since \\d{4}-`));
    expect(r.stderr).not.toMatch(/\n\s+at /); // one line, no stack trace
    expect(readFileSync(join(dataDir, 'library.json'), 'utf8')).toBe(before);
  }, 90_000);

  it('the host editing in a loop and the CLI importing at the same time: both retry, nothing is lost', async () => {
    const ids = ['cli-a', 'cli-b', 'cli-c'];
    const packs = await Promise.all(ids.map((id) => packFile(id, [id])));
    const baseVersions = diskState()
      .clauses.find((c) => c.id === 'warranty-terms')!
      .variants.find((v) => v.name === '标准')!.versions.length;

    const refusals = { host: 0, cli: 0 };
    let cliDone = false;
    let edits = 0;
    // The host keeps editing for as long as the CLI is at work, so their writes really interleave.
    const hostEdits = (async () => {
      for (let i = 0; (!cliDone || i < 5) && i < 200; i++, edits++) {
        for (;;) {
          try {
            await host.libraryEdit({
              clauseId: 'warranty-terms',
              variant: '标准',
              body: `并发修改 ${i}`,
              changeNote: `host ${i}`,
              by: '法务部',
            });
            break;
          } catch (e) {
            if ((e as { code?: string }).code !== 'store_locked') throw e;
            expect((e as Error).message).toMatch(/条款库正被 BidForge 命令行（进程 \d+）使用/);
            refusals.host++;
            await sleep(10);
          }
        }
        await sleep(20);
      }
    })();
    const cliImports = (async () => {
      for (const pack of packs)
        for (let attempt = 0; ; attempt++) {
          const r = await cli('library', 'import', pack, '--resolve', 'take-theirs', '--data', dataDir);
          if (r.code === 0) break;
          expect(r.stderr).toMatch(/The clause library is in use by host \(pid \d+\)/);
          expect(attempt).toBeLessThan(20);
          refusals.cli++;
        }
      cliDone = true;
    })();
    await Promise.all([hostEdits, cliImports]);

    const data = diskState();
    const notes = data.clauses
      .find((c) => c.id === 'warranty-terms')!
      .variants.find((v) => v.name === '标准')!
      .versions.map((v) => v.changeNote);
    expect(notes.length).toBe(baseVersions + edits);
    for (let i = 0; i < edits; i++) expect(notes).toContain(`host ${i}`);
    for (const id of ids) expect(data.clauses.map((c) => c.id)).toContain(id);
    // The host's own view agrees with the disk (it re-read the file after each CLI write).
    expect((await host.libraryHistory({ clauseId: 'warranty-terms', variant: '标准' })).length).toBe(
      baseVersions + edits,
    );
    // The writes overlapped: the host went on editing throughout the CLI's three imports.
    expect(edits).toBeGreaterThan(10);
    console.log(`${edits} host edits during 3 CLI imports; lock refusals: host ${refusals.host}, CLI ${refusals.cli}`);
  }, 120_000);
});
