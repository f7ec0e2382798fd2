// Opening the store compares the built-in templates only when they changed since the store last took them: the store
// records their fingerprint (builtinsChecked), a cold CLI start skips loading and comparing them (~0.2 s), and
// every change to templates/ is still merged on the next open.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { StoreAccess } from '@core/library/storeAccess.js';
import { LibraryStore } from '@core/library/store/store.js';
import { templatesStamp } from '@core/library/store/builtinsStamp.js';
import type { StoredClause } from '@core/library/store/schema.js';
import { tempDir, WARRANTY_BODY, warrantyMeta, writeTemplates } from './helpers.js';

const opened: StoreAccess[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const a of opened.splice(0)) await a.close();
});

async function setup() {
  const templatesDir = await tempDir('bidforge-tpl-');
  const dataDir = await tempDir();
  await writeTemplates(templatesDir, { 'warranty.md': { meta: warrantyMeta(), body: WARRANTY_BODY } });
  return { templatesDir, dataDir };
}

/** Opens the store as the app and the CLI do; returns how many times the built-ins were compared with it. */
async function openAccess(dirs: { templatesDir: string; dataDir: string }) {
  const compare = vi.spyOn(LibraryStore.prototype, 'previewImport');
  const access = new StoreAccess({ ...dirs, program: 'CLI' });
  opened.push(access);
  const store = await access.store();
  const compared = compare.mock.calls.length;
  compare.mockRestore();
  return { access, store, compared };
}

const versionsOf = (c: StoredClause | undefined) => c!.variants.find((v) => v.name === '标准')!.versions;
const fileOf = (dataDir: string) => readFile(join(dataDir, 'library.json'), 'utf8');

describe('built-ins compared only when templates/ changed', () => {
  it('a new store records the fingerprint it was seeded with; opening it again compares and writes nothing', async () => {
    const dirs = await setup();
    const first = await openAccess(dirs);
    expect(await first.store.builtinsChecked()).toBe(await templatesStamp(dirs.templatesDir));
    await first.access.close();
    const before = await fileOf(dirs.dataDir);
    const again = await openAccess(dirs);
    expect(again.compared).toBe(0);
    expect(await fileOf(dirs.dataDir)).toBe(before);
    expect(versionsOf(await again.store.getClause('warranty-terms'))).toHaveLength(1);
  });

  it('a changed built-in is merged on the next open, and the new fingerprint recorded', async () => {
    const dirs = await setup();
    await (await openAccess(dirs)).access.close();
    const body = '整机保修{{warranty_years}}年，压缩机包修八年。';
    await writeTemplates(dirs.templatesDir, {
      'warranty.md': { meta: warrantyMeta({ version: 2, changeNote: '压缩机八年' }), body },
    });
    const next = await openAccess(dirs);
    expect(next.compared).toBe(1);
    const versions = versionsOf(await next.store.getClause('warranty-terms'));
    expect(versions.at(-1)).toMatchObject({ body: `${body}\n`, status: 'approved', origin: 'builtin' });
    expect(await next.store.builtinsChecked()).toBe(await templatesStamp(dirs.templatesDir));
    await next.access.close();
    expect((await openAccess(dirs)).compared).toBe(0);
  });

  it('a store without a fingerprint (written before it existed) is compared once, then the fingerprint is kept', async () => {
    const dirs = await setup();
    await (await openAccess(dirs)).access.close();
    const file = JSON.parse(await fileOf(dirs.dataDir)) as Record<string, unknown>;
    delete file.builtinsChecked;
    await writeFile(join(dirs.dataDir, 'library.json'), JSON.stringify(file));
    const old = await openAccess(dirs);
    expect(old.compared).toBe(1);
    expect(await old.store.builtinsChecked()).toBe(await templatesStamp(dirs.templatesDir));
    await old.access.close();
    expect((await openAccess(dirs)).compared).toBe(0);
  });

  it('the library info still names a built-in edited here as a conflict also when a later open skipped the comparison', async () => {
    const dirs = await setup();
    const first = await openAccess(dirs);
    await first.access.write(async (s) => {
      const ref = await s.editVariant(
        'warranty-terms',
        '标准',
        { body: '本公司整机保修五年。', changeNote: '延长保修' },
        '张律师',
      );
      await s.submit(ref, '张律师');
      await s.approve(ref, '李主任');
    });
    await first.access.close();
    await writeTemplates(dirs.templatesDir, {
      'warranty.md': { meta: warrantyMeta({ version: 2 }), body: '整机保修{{warranty_years}}年，压缩机包修八年。' },
    });
    const changed = await openAccess(dirs);
    expect(changed.compared).toBe(1);
    expect((await changed.access.builtinState()).conflicts).toEqual([expect.stringContaining('warranty-terms')]);
    await changed.access.close();
    const next = await openAccess(dirs);
    expect(next.compared).toBe(0);
    expect((await next.access.builtinState()).conflicts).toEqual([expect.stringContaining('warranty-terms')]);
  });
});
