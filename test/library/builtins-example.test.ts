// A variable newly marked as an example in templates/ (its default offered, never pre-filled) reaches a store seeded
// before the mark: the merge on open takes the marked declaration as a new built-in version, and the clause the
// projects assemble from carries the mark.
import { afterEach, describe, expect, it } from 'vitest';
import { StoreAccess } from '@core/library/storeAccess.js';
import { tempDir, WARRANTY_BODY, warrantyMeta, writeTemplates } from './helpers.js';

const opened: StoreAccess[] = [];
afterEach(async () => {
  for (const a of opened.splice(0)) await a.close();
});

const HOURS = {
  key: 'service_hours',
  type: 'text',
  label: '服务时间',
  default: '周一至周五 9:00–18:00',
  required: true,
};
const BODY = `${WARRANTY_BODY}服务时间：{{service_hours}}。`;

async function open(dirs: { templatesDir: string; dataDir: string }) {
  const access = new StoreAccess({ ...dirs, program: 'CLI' });
  opened.push(access);
  return { access, store: await access.store() };
}

describe('the example mark flows from templates/ into an existing store', () => {
  it('a store seeded before the mark holds it after the next open', async () => {
    const dirs = { templatesDir: await tempDir('bidforge-tpl-'), dataDir: await tempDir() };
    const meta = (hours: Record<string, unknown>) => warrantyMeta({ variables: [...warrantyMeta().variables, hours] });
    await writeTemplates(dirs.templatesDir, { 'warranty.md': { meta: meta(HOURS), body: BODY } });
    const first = await open(dirs);
    const before = (await first.store.getClause('warranty-terms'))!.variants[0]!.versions.at(-1)!;
    expect(before.variables.find((v) => v.key === 'service_hours')?.example).toBeUndefined();
    await first.access.close();

    await writeTemplates(dirs.templatesDir, {
      'warranty.md': {
        meta: { ...meta({ ...HOURS, example: true }), version: 2, changeNote: '服务时间改为示例' },
        body: BODY,
      },
    });
    const next = await open(dirs);
    const versions = (await next.store.getClause('warranty-terms'))!.variants[0]!.versions;
    expect(versions).toHaveLength(2);
    expect(versions.at(-1)).toMatchObject({ status: 'approved', origin: 'builtin' });
    expect(versions.at(-1)!.variables.find((v) => v.key === 'service_hours')).toMatchObject({ example: true });
    // What a project assembles from is the marked version.
    const lib = await next.store.toLibrary();
    const clause = lib.clauses.find((c) => c.id === 'warranty-terms')!;
    expect(clause.variables.find((v) => v.key === 'service_hours')?.example).toBe(true);
  });
});
