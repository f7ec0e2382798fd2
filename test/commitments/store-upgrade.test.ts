// A store saved before the library went atomic opens with today's built-ins: the variants retired since stay
// approved in it (their content is unchanged, so the merge takes nothing from the built-ins' status), the new
// atomic variants are added, and a project saved then still assembles from the store, without an error.
import { cp, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assemble } from '@core/assemble/assemble.js';
import { findClause } from '@core/model/library.js';
import { openStore } from '@core/library/store/index.js';
import { templatesDir } from '../helpers/paths.js';
import { tempDir } from '../library/helpers.js';
import { legacyProject } from './legacyFixtures.js';

/** Today's templates with every retired variant approved again, as the store of an earlier version seeded them. */
async function earlierTemplates(): Promise<{ dir: string; retired: string[] }> {
  const dir = join(await tempDir('bf-old-templates-'), 'templates');
  await cp(templatesDir, dir, { recursive: true });
  const retired: string[] = [];
  for (const f of await readdir(join(dir, 'clauses'))) {
    const file = join(dir, 'clauses', f);
    const text = await readFile(file, 'utf8');
    if (!text.includes('"status": "retired"')) continue;
    retired.push(`${/"id": "([^"]+)"/.exec(text)![1]}|${/"variant": "([^"]+)"/.exec(text)![1]}`);
    await writeFile(file, text.replace('"status": "retired"', '"status": "approved"'));
  }
  return { dir, retired };
}

describe('旧版本保存的条款库', () => {
  it('用今天的内置条款打开：已停用的变体在库中照旧可用，新变体加入，旧项目照常组装', async () => {
    const { dir, retired } = await earlierTemplates();
    expect(retired.length).toBeGreaterThan(0);
    const dataDir = await tempDir('bf-old-store-');
    const old = await openStore({ dataDir, program: 'test', templatesDir: dir });
    await old.close();

    const store = await openStore({ dataDir, program: 'test', templatesDir });
    const report = await store.mergeBuiltins(templatesDir);
    expect(report.conflicts).toEqual([]);
    const lib = await store.toLibrary();
    for (const r of retired) {
      const [id, variant] = r.split('|') as [string, string];
      expect([r, findClause(lib, id, variant)?.status]).toEqual([r, 'approved']);
    }
    expect(findClause(lib, 'wc-sanbao', '逐项承诺')).toBeDefined();
    // A project saved then, on the clauses of its time, assembles from this store without an error.
    const project = legacyProject('service-plan-full-sample', { outline: true });
    const a = assemble(project, lib);
    expect(a.problems.filter((p) => p.severity === 'error')).toEqual([]);
    await store.close();
  });
});
