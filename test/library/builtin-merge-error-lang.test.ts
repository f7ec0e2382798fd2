// When the built-in templates cannot be merged (another program holds the clause library), the library screen says
// why in the UI's language: libraryInfo gives the store's refusal in Chinese and in English (worded by its code).
import { describe, expect, it } from 'vitest';
import { createLibraryHandlers } from '@core/library/handlers.js';
import { StoreAccess } from '@core/library/storeAccess.js';
import { openStore } from '@core/library/store/store.js';
import { tempDir, WARRANTY_BODY, warrantyMeta, writeTemplates } from './helpers.js';

const HAN = /\p{Script=Han}/u;

describe('libraryInfo: why the built-ins were not merged', () => {
  it('in Chinese and in English', async () => {
    const templatesDir = await tempDir('bidforge-tpl-');
    const dataDir = await tempDir();
    await writeTemplates(templatesDir, { 'warranty.md': { meta: warrantyMeta(), body: WARRANTY_BODY } });
    const first = new StoreAccess({ templatesDir, dataDir, program: 'BidForge app' });
    await first.store();
    await first.close();
    // templates/ changes (a new built-in version), and the CLI holds the library when the app opens it again.
    await writeTemplates(templatesDir, {
      'warranty.md': { meta: warrantyMeta({ version: 2, changeNote: '新版' }), body: `${WARRANTY_BODY}新增。` },
    });
    const cli = await openStore({ dataDir, program: 'CLI' });
    await cli.markReviewed('warranty-terms', '王').catch(() => undefined);
    const access = new StoreAccess({ templatesDir, dataDir, program: 'BidForge app' });
    try {
      const info = await createLibraryHandlers(access, () => '2026-05-01').libraryInfo({});
      expect(info.builtinMergeError).toMatch(/^条款库正被 \S.*（进程 \d+）使用/);
      expect(info.builtinMergeErrorEn).toMatch(/^The clause library is in use by \S.* \(pid \d+\)/);
      expect(info.builtinMergeErrorEn).not.toMatch(HAN);
    } finally {
      await access.close();
      await cli.close();
    }
  });
});
