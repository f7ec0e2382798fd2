// The notice of a damaged settings file (kept aside, defaults used) reads in the UI's language, reason included: core
// gives the reason in Chinese and in English (zod's issues and JSON's breaks worded in both), the screen picks one.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SettingsNotice } from '@core/api/appContract.js';
import { SettingsStore } from '@core/settings/store.js';
import { tempDir } from '../helpers/tmp.js';

type Locale = 'zh-CN' | 'en';
type Translate = (key: string, params?: Record<string, string | number>) => string;
const HAN = /\p{Script=Han}/u;
/** Loaded by path: renderer/src is type-checked with the DOM (tsconfig.web.json), not by this Node program. */
const load = (module: string) => import(/* @vite-ignore */ `../../renderer/src/${module}`);

async function noticeOf(text: string): Promise<SettingsNotice> {
  const dir = tempDir('bf-settings-notice-');
  writeFileSync(join(dir, 'settings.json'), text);
  const { notices } = await new SettingsStore({ dataDir: dir, clock: () => new Date('2026-11-24T08:00:00Z') }).get();
  expect(notices).toHaveLength(1);
  return notices[0]!;
}

async function words(n: SettingsNotice) {
  const { translator } = (await load('i18n.js')) as { translator(l: Locale): Translate };
  const { noticeText } = (await load('settings/noticeText.js')) as {
    noticeText(n: SettingsNotice, t: Translate, l: Locale): string;
  };
  return { zh: noticeText(n, translator('zh-CN'), 'zh-CN'), en: noticeText(n, translator('en'), 'en') };
}

describe('the damaged settings file notice', () => {
  it('gives a broken JSON file’s reason in each language', async () => {
    const { zh, en } = await words(await noticeOf('{"userName": "x", oops'));
    expect(zh).toBe(
      '设置文件 settings.json 已损坏，已另存为 settings.corrupt-20261124T080000000Z.json 并改用默认设置（不是有效的 JSON（第 1 行第 19 列有误））。',
    );
    expect(en).toBe(
      'The settings file settings.json was damaged; it was kept as settings.corrupt-20261124T080000000Z.json and defaults are used (it is not valid JSON (error at line 1, column 19)).',
    );
  });

  it('gives a schema failure’s reason in each language', async () => {
    const { zh, en } = await words(await noticeOf('{"userName": 5}'));
    expect(zh).toMatch(/^设置文件 settings\.json 已损坏.*（userName：.*字符串.*）。$/);
    expect(en).toMatch(/^The settings file settings\.json was damaged; .*\(userName: .*string.*\)\.$/);
    expect(en).not.toMatch(HAN);
  });
});
