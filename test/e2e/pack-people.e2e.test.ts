// End to end (#19): 条款库's import dialog shows a pack's author as written, but safely — a right-to-left override in
// the name is shown as [U+202E] (as the signer's name is), never applied to reorder what the reader sees.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ephemeralSigningKey, signPack } from '@core/library/packSigning.js';
import { openStore } from '@core/library/store/index.js';
import { makePack } from '@core/library/store/pack.js';
import { tempDir } from '../helpers/tmp.js';
import { haveChromium, screensDir, startApp, TIMEOUT, type E2eApp } from './helpers/app.js';

describe.skipIf(!haveChromium)('条款库导入预览：作者名称转义显示 (browser host + Chromium)', () => {
  let app: E2eApp;
  let packFile: string;

  beforeAll(async () => {
    app = await startApp();
    const dir = await tempDir('bf-e2e-pack-people-');
    const store = await openStore({ dataDir: dir, program: 'test', templatesDir: 'templates' });
    const [first] = (await store.getClause('wc-periods'))!.variants;
    await store.editVariant(
      'wc-periods',
      first!.name,
      { body: `${first!.versions.at(-1)!.body}\n\n集团法务部补充：本条自签字之日起生效。`, changeNote: '集团修订' },
      '集团法务',
    );
    const exported = await store.exportPack({ clauseIds: ['wc-periods'], blueprintIds: [], includeUnapproved: true });
    await store.close();
    // The maker writes the author with a right-to-left override (the library itself refuses such a name).
    for (const c of exported.payload.clauses) for (const v of c.variants) v.version.author = '集团\u202E法务';
    const pack = signPack(
      makePack(exported.payload, new Date(exported.createdAt)),
      ephemeralSigningKey(),
      '集团法务部',
    );
    packFile = join(dir, 'group.bfpack.json');
    writeFileSync(packFile, JSON.stringify(pack));
  }, 240_000);
  afterAll(() => app?.close(), TIMEOUT);

  it(
    'the 作者 / 审核人 column shows 集团[U+202E]法务, without the override character',
    async () => {
      const { page } = app;
      await page.goto(`${app.host.url}#library`);
      await page.getByTestId('nav-library').click();
      await page.getByTestId('import-pack-input').setInputFiles(packFile);
      const cell = page.getByRole('dialog').getByTestId('import-people').first();
      await cell.waitFor({ timeout: TIMEOUT });
      const text = await cell.innerText();
      expect(text).toBe('集团[U+202E]法务');
      expect(text).not.toMatch(/\u202E/);
      await page.screenshot({ path: join(screensDir, 'pack-import-people.png') });
    },
    2 * TIMEOUT,
  );
});
