// Where a card's warranty periods come from — the project chosen, then the periods typed in 保修期限, then a company's
// own template — and never from a sample: the built-in templates carry none, so a batch given none is refused, naming
// 保修期限 and how to give them, as is a blank or 0 period, naming its component; in Chinese and in English.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PERIODS_FIELD } from '@core/cards/cardsText.js';
import { createCardsHandlers } from '@core/cards/handlers.js';
import { defaultTemplatesDir, loadCardTemplate } from '@core/cards/template.js';
import { errorText } from '@core/i18n/errorText.js';
import { problemText } from '@core/i18n/problemText.js';
import type { Project } from '@core/model/project.js';
import { appMessagesEn, appMessagesZh } from '../../renderer/src/settings/messages.js';
import { tempDir } from '../helpers/tmp.js';
import { settingsWith, TEST_COMPANY, thrown } from './helpers.js';

const file = {
  fileName: '客户清单.csv',
  data: Buffer.from('客户名称,序列号,购买日期\n张三,SN1,2026-01-31\n', 'utf8').toString('base64'),
};
const handlers = async (company: object = TEST_COMPANY, templatesDir = defaultTemplatesDir) =>
  createCardsHandlers({ templatesDir, settings: await settingsWith(company) });
const parse = async (more: object = {}, api?: Awaited<ReturnType<typeof handlers>>) =>
  (api ?? (await handlers())).parseCards({ ...file, previewCount: 1, qr: false, ...more });
const project = (commitments: object[]) =>
  ({
    schema: 1,
    name: 'p',
    title: '某医院项目',
    blueprint: 'service-plan',
    date: '2026-11-24',
    script: 'hans',
    values: {},
    commitments,
  }) as unknown as Project;
const warranty = (months: number, component?: string) => ({
  id: `w-${component ?? 'unit'}`,
  kind: 'warranty',
  offered: true,
  period: { value: months, unit: '个月' },
  ...(component ? { scope: { component } } : {}),
});

describe('a batch given no warranty period', () => {
  it('previews no card; the refusal names 保修期限 and says to choose the project or fill it in', async () => {
    const r = await parse();
    expect(r).toMatchObject({ validRows: 1, preview: [] });
    expect(r.templates).toEqual([
      { id: 'standard', title: '产品保修卡', cards: 1, components: [], periodsFrom: 'none', templatePeriods: false },
    ]);
    expect(r.refused?.code).toBe('card_periods_missing');
    expect(errorText(r.refused, 'zh-CN')).toBe(
      '保修卡“产品保修卡”的“保修期限”未填写：请在“保修期限”中选择项目（印方案承诺的保修期），或添加部件并填写保修期后再打印',
    );
    expect(errorText(r.refused, 'en')).toBe(
      'The warranty card “产品保修卡” has no “Warranty periods”: under “Warranty periods” choose the project (the plan’s warranty commitments are printed), or add the components and their periods, then print',
    );
  });

  it('is not exported, in either format', async () => {
    const api = await handlers();
    for (const format of ['pdf', 'docx'] as const) {
      const e = await thrown(api.exportCards({ ...file, format, layout: 'a5', qr: false }));
      expect(e.code).toBe('card_periods_missing');
      expect(e.problems.map((p) => p.params?.template)).toEqual(['standard']);
    }
  });

  it('with no company either: both reasons at once, the company’s first', async () => {
    const r = await parse({}, await handlers({}));
    expect(r.refused?.params?.problems.map((p) => p.code)).toEqual([
      'card_profile_missing',
      'card_profile_missing',
      'card_periods_missing',
    ]);
  });

  it('from a project that states no warranty: says so, and where to add it', async () => {
    const r = await parse({ project: project([]) });
    const [p] = r.refused!.params!.problems;
    expect(p!.message).toBe(
      '项目“某医院项目”没有可印在保修卡“产品保修卡”上的保修期：请在“编制”中补上保修承诺，或在“保修期限”中改为手动填写后再打印',
    );
    expect(problemText(p!, 'en')).toBe(
      'The project “某医院项目” states no warranty period the card “产品保修卡” can print: add the warranty commitment in Compose, or fill in “Warranty periods” yourself, then print',
    );
  });
});

describe('a typed period left blank or 0', () => {
  it('is refused naming the component, in Chinese and English; the others are not named', async () => {
    const r = await parse({
      periods: {
        standard: [{ name: '整机', months: 36 }, { name: '压缩机' }, { name: '遥控器', days: 0 }],
      },
    });
    expect(r.preview).toEqual([]);
    const problems = r.refused!.params!.problems;
    expect(problems.map((p) => p.params?.component)).toEqual(['压缩机', '遥控器']);
    expect(problems.map((p) => p.message)).toEqual([
      '保修卡“产品保修卡”上“压缩机”的保修期未填写：请在“保修期限”中填写（至少 1 天）或删去这一行后再打印',
      '保修卡“产品保修卡”上“遥控器”的保修期是 0天：请在“保修期限”中填写（至少 1 天）或删去这一行后再打印',
    ]);
    expect(problems.map((p) => problemText(p, 'en'))).toEqual([
      'The period of “压缩机” on the warranty card “产品保修卡” is not filled in: under “Warranty periods” enter it (at least 1 day), or remove the row, then print',
      'The period of “遥控器” on the warranty card “产品保修卡” is 0 days: under “Warranty periods” enter at least 1 day, or remove the row, then print',
    ]);
    const api = await handlers();
    const e = await thrown(
      api.exportCards({
        ...file,
        periods: { standard: [{ name: '整机', weeks: 0 }] },
        format: 'pdf',
        layout: 'a5',
        qr: false,
      }),
    );
    expect(e.problems.map((p) => [p.code, p.params?.component])).toEqual([['card_periods_missing', '整机']]);
  });
});

describe('where the periods come from, in order', () => {
  /** A company's own standard template, with its own periods. */
  async function ownTemplates(): Promise<string> {
    const dir = tempDir('bf-cards-own-periods-');
    mkdirSync(join(dir, 'cards'));
    const own = { ...(await loadCardTemplate()), components: [{ name: '整机', months: 24 }] };
    writeFileSync(join(dir, 'cards', 'standard.json'), JSON.stringify(own));
    return dir;
  }
  const printed = (r: Awaited<ReturnType<typeof parse>>) => r.preview[0]!.periods.map((p) => `${p.name}${p.label}`);

  it('a company’s own template prints its own periods', async () => {
    const r = await parse({}, await handlers(TEST_COMPANY, await ownTemplates()));
    expect(r.refused).toBeUndefined();
    expect(r.templates[0]).toMatchObject({ periodsFrom: 'template', templatePeriods: true });
    expect(printed(r)).toEqual(['整机24个月']);
  });

  it('typed periods win over the template’s; the project’s over both', async () => {
    const api = await handlers(TEST_COMPANY, await ownTemplates());
    const periods = { standard: [{ name: '整机', months: 30 }] };
    const typed = await parse({ periods }, api);
    expect([typed.templates[0]!.periodsFrom, printed(typed)]).toEqual(['edited', ['整机30个月']]);
    expect(typed.templates[0]!.templatePeriods).toBe(true);
    const fromProject = await parse({ periods, project: project([warranty(60), warranty(96, '压缩机')]) }, api);
    expect([fromProject.templates[0]!.periodsFrom, printed(fromProject)]).toEqual([
      'project',
      ['整机60个月', '压缩机96个月'],
    ]);
  });

  it('typed periods fill a template the project states none for', async () => {
    const r = await parse({ periods: { standard: [{ name: '整机', months: 18 }] }, project: project([]) });
    expect(r.refused).toBeUndefined();
    expect(printed(r)).toEqual(['整机18个月']);
  });
});

it('the refusal names 保修期限 as the 保修卡 screen does, in both languages', () => {
  expect([PERIODS_FIELD.zh, PERIODS_FIELD.en]).toEqual([
    appMessagesZh['cards.periodsTitle'],
    appMessagesEn['cards.periodsTitle'],
  ]);
});
