// The company a card prints comes from 设置 → 公司信息 (or a company's own template), never from a sample: without a
// company name or hotline, or with a placeholder in them, the batch is refused — previewed as a refusal, not exported.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROFILE_FIELDS } from '@core/cards/cardsText.js';
import { createCardsHandlers } from '@core/cards/handlers.js';
import { profileGaps, withProfile } from '@core/cards/profile.js';
import { defaultTemplatesDir, loadCardTemplate } from '@core/cards/template.js';
import { errorText } from '@core/i18n/errorText.js';
import { problemText } from '@core/i18n/problemText.js';
import { appMessagesEn, appMessagesZh } from '../../renderer/src/settings/messages.js';
import { tempDir } from '../helpers/tmp.js';
import { settingsWith, TEST_COMPANY, thrown, withTestPeriods } from './helpers.js';

const file = {
  fileName: '客户清单.csv',
  data: Buffer.from('客户名称,序列号,购买日期\n张三,SN1,2026-01-31\n李四,SN2,2026-02-01\n', 'utf8').toString('base64'),
};
// Periods typed in (the built-in templates carry none): these batches lack only what the test takes away.
const handlers = async (company?: Parameters<typeof settingsWith>[0], templatesDir = defaultTemplatesDir) =>
  withTestPeriods(createCardsHandlers({ templatesDir, settings: await settingsWith(company ?? {}) }));

describe('a batch 设置 gives no company', () => {
  it('is read (rows, problems) but previews no card: the refusal names 公司名称 and 服务热线 and where to fill them', async () => {
    const r = await (await handlers()).parseCards({ ...file, previewCount: 3, qr: true });
    expect(r).toMatchObject({ dataRows: 2, validRows: 2, preview: [] });
    expect(r.fatal).toBeUndefined();
    expect(r.refused?.code).toBe('card_profile_missing');
    expect(r.refused?.params?.problems.map((p) => p.params?.field)).toEqual(['name', 'hotline']);
    expect(errorText(r.refused, 'zh-CN')).toBe(
      '保修卡上的“公司名称”未填写：请在 设置 → 公司信息 中填写后再打印；保修卡上的“服务热线”未填写：请在 设置 → 公司信息 中填写后再打印',
    );
    expect(errorText(r.refused, 'en')).toBe(
      'The warranty card’s “Company name” is not filled in: fill it in under Settings → Company profile, then print; ' +
        'The warranty card’s “Service hotline” is not filled in: fill it in under Settings → Company profile, then print',
    );
  });

  it('is not exported, in either format', async () => {
    const api = await handlers({ name: TEST_COMPANY.name });
    for (const format of ['pdf', 'docx'] as const) {
      const e = await thrown(api.exportCards({ ...file, format, layout: 'a5', qr: false }));
      expect(e.code).toBe('card_profile_missing');
      expect(e.message).toBe('保修卡上的“服务热线”未填写：请在 设置 → 公司信息 中填写后再打印');
    }
  });

  it('nor is one whose company or hotline is a placeholder; blank service hours print no line, a placeholder in them is refused', async () => {
    const placeholder = await (await handlers({ name: '待定', hotline: '400-XXX-XXXX' })).parseCards({
      ...file,
      previewCount: 1,
      qr: false,
    });
    expect(placeholder.refused?.params?.problems.map((p) => [p.params?.field, p.params?.value])).toEqual([
      ['name', '待定'],
      ['hotline', '400-XXX-XXXX'],
    ]);
    expect(problemText(placeholder.refused!.params!.problems[0]!, 'en')).toBe(
      'The warranty card’s “Company name” is a placeholder, “待定”, which cannot be printed: enter the real one under Settings → Company profile, then print',
    );
    const noHours = await (await handlers({ name: TEST_COMPANY.name, hotline: TEST_COMPANY.hotline })).parseCards({
      ...file,
      previewCount: 1,
      qr: false,
    });
    expect(noHours.refused).toBeUndefined();
    expect(noHours.preview[0]).toMatchObject({
      company: TEST_COMPANY.name,
      hotline: TEST_COMPANY.hotline,
      serviceHours: '',
    });
    const tbd = await (await handlers({ ...TEST_COMPANY, serviceHours: 'TBD' })).parseCards({
      ...file,
      previewCount: 1,
      qr: false,
    });
    expect(tbd.refused?.message).toBe(
      '保修卡上的“服务时间”是占位文字“TBD”，不能印在卡上：请在 设置 → 公司信息 中填写实际的服务时间后再打印',
    );
  });
});

describe('a batch with a company', () => {
  it('previews and prints 设置’s company, hotline and service hours; the QR code carries that hotline', async () => {
    const r = await (await handlers(TEST_COMPANY)).parseCards({ ...file, previewCount: 1, qr: true });
    expect(r.refused).toBeUndefined();
    expect(r.preview[0]).toMatchObject({
      company: TEST_COMPANY.name,
      hotline: TEST_COMPANY.hotline,
      serviceHours: TEST_COMPANY.serviceHours,
    });
  });

  it('a company’s own template may carry its company and hotline; 设置’s win where they are set', async () => {
    const dir = tempDir('bf-cards-own-');
    mkdirSync(join(dir, 'cards'));
    const own = { ...(await loadCardTemplate()), company: '自有模板公司', hotline: '400-999-0000', serviceHours: '' };
    writeFileSync(join(dir, 'cards', 'standard.json'), JSON.stringify(own));
    const alone = await (await handlers({}, dir)).parseCards({ ...file, previewCount: 1, qr: false });
    expect(alone.refused).toBeUndefined();
    expect(alone.preview[0]).toMatchObject({ company: '自有模板公司', hotline: '400-999-0000' });
    const both = await (await handlers({ name: TEST_COMPANY.name }, dir)).parseCards({
      ...file,
      previewCount: 1,
      qr: false,
    });
    expect(both.preview[0]).toMatchObject({ company: TEST_COMPANY.name, hotline: '400-999-0000' });
  });

  it('profileGaps looks at every template a batch prints on, naming each gap once', async () => {
    const t = await loadCardTemplate();
    expect(profileGaps([withProfile(t, TEST_COMPANY)])).toBeUndefined();
    const gaps = profileGaps([t, { ...t, id: 'other' }]);
    expect(gaps?.problems.map((p) => p.params?.field)).toEqual(['name', 'hotline']);
    // Spaces are no company either.
    expect(
      profileGaps([withProfile(t, { name: '  ', hotline: TEST_COMPANY.hotline, serviceHours: '' })])?.message,
    ).toContain('公司名称');
  });
});

it('the refusal names each field as 设置 → 公司信息 does, in both languages', () => {
  const keys = {
    name: 'settings.companyName',
    hotline: 'settings.hotline',
    serviceHours: 'settings.serviceHours',
  } as const;
  for (const [field, key] of Object.entries(keys)) {
    const label = PROFILE_FIELDS[field as keyof typeof PROFILE_FIELDS];
    expect([label.zh, label.en]).toEqual([appMessagesZh[key], appMessagesEn[key]]);
  }
  // Where to fill them: 设置 → 公司信息, Settings → Company profile.
  expect([appMessagesZh['settings.title'], appMessagesZh['settings.company']]).toEqual(['设置', '公司信息']);
  expect([appMessagesEn['settings.title'], appMessagesEn['settings.company']]).toEqual(['Settings', 'Company profile']);
});
