// Shared by the card tests.
import { expect } from 'vitest';
import type { CardsHandlers } from '@core/cards/contract.js';
import { BidForgeError } from '@core/model/problem.js';
import type { CompanyProfile } from '@core/settings/schema.js';
import { SettingsStore } from '@core/settings/store.js';

/** The BidForgeError a promise rejects with (fails the test when it resolves or throws something else). */
export async function thrown(p: Promise<unknown>): Promise<BidForgeError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(BidForgeError);
  return e as BidForgeError;
}

/** The company the card tests print: typed into 设置 → 公司信息, as a user would, since no template carries one. */
export const TEST_COMPANY = {
  name: '滨江暖通工程有限公司',
  hotline: '400-111-2222',
  serviceHours: '每天 8:00—20:00',
} as const;

/** 设置 (in memory) with a company profile; the test company unless one is given. */
export async function settingsWith(company: Partial<CompanyProfile> = TEST_COMPANY): Promise<SettingsStore> {
  const settings = new SettingsStore();
  await settings.save({ company });
  return settings;
}

/**
 * The warranty periods the card tests print, typed as a user types them in 保修期限 (or gives with --period): the
 * built-in templates carry none, so a batch without a project or these is refused (card_periods_missing).
 */
export const TEST_PERIODS = {
  standard: [
    { name: '整机', months: 36 },
    { name: '压缩机', months: 72 },
    { name: '电气控制部件', months: 12 },
  ],
  'heat-pump': [
    { name: '整机', months: 36 },
    { name: '压缩机', months: 72 },
    { name: '水箱内胆', months: 96 },
    { name: '管路及电气部件', months: 12 },
  ],
};

type Handlers = Pick<CardsHandlers, 'parseCards' | 'exportCards'>;
/** The handlers with TEST_PERIODS typed in, unless a call gives its own periods (or a project that states them). */
export const withTestPeriods = (h: Handlers): Handlers => ({
  parseCards: (req) => h.parseCards({ periods: TEST_PERIODS, ...req }),
  exportCards: (req) => h.exportCards({ periods: TEST_PERIODS, ...req }),
});
