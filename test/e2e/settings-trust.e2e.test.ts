// End to end: 设置 → 受信任的签发人. The page shows this library's own key; a colleague's key is added by pasting its
// text (a name with an invisible character is refused, naming the field); a pack that colleague signed then keeps its
// approvals in 条款库's import dialog, and after removing the signer the same pack arrives as drafts.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ephemeralSigningKey, loadSigningKey, publicKeyText, signPack } from '@core/library/packSigning.js';
import { openStore } from '@core/library/store/index.js';
import { tempDir } from '../helpers/tmp.js';
import { haveChromium, screensDir, startApp, TIMEOUT, type E2eApp } from './helpers/app.js';

describe.skipIf(!haveChromium)('设置：受信任的签发人 (browser host + Chromium)', () => {
  let app: E2eApp;
  const colleague = ephemeralSigningKey();
  let packFile: string;
  let keyFile: string;

  beforeAll(async () => {
    app = await startApp();
    // The colleague's pack: their approved revision of wc-periods/标准, signed with their key.
    const dir = await tempDir('bf-e2e-trust-');
    const store = await openStore({ dataDir: dir, program: 'test', templatesDir: 'templates' });
    const [first] = (await store.getClause('wc-periods'))!.variants;
    const ref = await store.editVariant(
      'wc-periods',
      first!.name,
      { body: `${first!.versions.at(-1)!.body}\n\n集团法务部补充：本条自签字之日起生效。`, changeNote: '集团修订' },
      '集团法务',
    );
    await store.submit(ref, '集团法务');
    await store.approve(ref, '集团法务负责人');
    const pack = signPack(
      await store.exportPack({ clauseIds: ['wc-periods'], blueprintIds: [] }),
      colleague,
      '集团法务部',
    );
    await store.close();
    packFile = join(dir, 'group.bfpack.json');
    writeFileSync(packFile, JSON.stringify(pack));
    keyFile = join(dir, 'group-key.txt');
    writeFileSync(keyFile, publicKeyText(colleague.publicKey, '集团法务部'));
  }, 240_000);
  afterAll(() => app?.close(), TIMEOUT);

  const importDialogSays = async (text: RegExp) => {
    const { page } = app;
    await page.getByTestId('nav-library').click();
    await page.getByTestId('import-pack-input').setInputFiles(packFile);
    const alert = page.getByRole('dialog').getByTestId('import-signer');
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(text);
    return alert;
  };

  it(
    'shows the own key, adds a colleague by pasted key, refuses an invisible character, and imports accordingly',
    async () => {
      const { page } = app;
      await page.goto(`${app.host.url}#settings`);
      // A user name with a zero-width space is refused on save, naming the field.
      await page.getByTestId('settings-userName').fill('王\u200b工');
      await page.getByTestId('settings-save').click();
      await page.getByText(/保存失败：用户名含有不可见字符 U\+200B（零宽空格）/).waitFor();
      const card = page.getByTestId('trust-card');
      await card.waitFor();
      // The own key: made on first view, the same the folder's key file holds.
      const own = await loadSigningKey(app.dataDir!);
      await expect.poll(() => card.getByTestId('trust-own-fingerprint').innerText()).toBe(own.fingerprint);
      expect(await card.getByTestId('trust-own-text').inputValue()).toContain(`bidforge-ed25519:${own.publicKey}`);
      await card.getByText('尚未添加受信任的签发人').waitFor();

      // A name with a zero-width space is refused, naming the field.
      await card.getByTestId('trust-name').fill('集团\u200b法务部');
      await card.getByTestId('trust-key').fill(publicKeyText(colleague.publicKey, '集团法务部'));
      await card.getByTestId('trust-add').click();
      await page.getByText(/签发人名称含有不可见字符 U\+200B（零宽空格）/).waitFor();

      // Imported from the key file the colleague sent, without a name: the name in the key text is used.
      await card.getByTestId('trust-name').fill('');
      await card.getByTestId('trust-key').fill('');
      await card.getByTestId('trust-key-file').setInputFiles(keyFile);
      await expect.poll(() => card.getByTestId('trust-key').inputValue()).toContain(colleague.publicKey);
      await card.getByTestId('trust-add').click();
      await page.getByText(`已添加 集团法务部（指纹 ${colleague.fingerprint}）`).waitFor();
      const row = card.getByTestId('trust-signers').locator('tr', { hasText: colleague.fingerprint });
      await row.getByText('集团法务部').waitFor();
      await card.scrollIntoViewIfNeeded();
      await page.waitForTimeout(300); // let the message finish fading in
      await card.screenshot({ path: join(screensDir, 'settings-trust.png') });

      // Their pack keeps its approvals.
      const trusted = await importDialogSays(/签发人：集团法务部（指纹 [0-9A-F-]+），已受信任/);
      await page.waitForTimeout(400); // let the dialog finish fading in
      await page.screenshot({ path: join(screensDir, 'import-trusted.png') });
      await page
        .getByRole('dialog')
        .getByRole('button', { name: /取\s*消/ })
        .click();
      await trusted.waitFor({ state: 'detached' });

      // Removed from the list, the same pack arrives as drafts, and the dialog says why.
      await page.getByTestId('nav-settings').click();
      await card.getByTestId(`trust-remove-${colleague.fingerprint}`).click();
      await page
        .locator('.ant-popconfirm:visible')
        .getByRole('button', { name: /确\s*定|OK/ })
        .click();
      await page.getByText('已移除 集团法务部').waitFor();
      await card.getByText('尚未添加受信任的签发人').waitFor();
      await importDialogSays(
        new RegExp(`未受信任的签发人签名（自称“集团法务部”，指纹 ${colleague.fingerprint}）.*草稿`),
      );
      await page.waitForTimeout(400);
      await page.screenshot({ path: join(screensDir, 'import-untrusted.png') });
      // In English the card speaks English; the key text to hand out is in both languages.
      const { settings } = await app.handlers.getSettings({});
      await app.handlers.saveSettings({ settings: { ...settings, uiLanguage: 'en' } });
      await page.reload(); // the UI language is read at start
      await page.getByTestId('nav-settings').click();
      await card.getByText("This library's signing key").waitFor();
      const english = await card.innerText();
      expect(english).toContain(`Fingerprint: ${own.fingerprint}`);
      expect(english).toContain('No trusted signers yet');
      expect(await card.getByTestId('trust-own-text').inputValue()).toContain(`Fingerprint：${own.fingerprint}`);
      await card.screenshot({ path: join(screensDir, 'settings-trust-en.png') });
      // The refusals above are logged by the browser as failed requests; nothing else went wrong.
      expect(app.pageErrors.filter((e) => !/status of 400 .*\/api\/(addTrustedSigner|saveSettings)$/.test(e))).toEqual(
        [],
      );
    },
    4 * TIMEOUT,
  );
});
