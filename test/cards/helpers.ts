// Shared by the card tests.
import { expect } from 'vitest';
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
