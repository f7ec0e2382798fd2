// The composer's message tables: every key has its English, and the 偏离 statuses read as English in the English UI
// while the Chinese UI (and every exported 偏离表, which prints the project's own values) keeps 正偏离 / 无偏离 / 负偏离.
// (Only plain tables are imported: renderer/src/i18n.ts brings React, which this Node-typed test program must not.)
import { describe, expect, it } from 'vitest';
import { DEVIATIONS } from '@core/deviation/schema.js';
import { composerMessagesEn, composerMessagesZh } from '../../renderer/src/composer/messages.js';
import { DEVIATION_LABEL } from '../../renderer/src/composer/requirements/deviationLabels.js';

const CJK = /[\u3400-\u9fff]/;
type Key = keyof typeof composerMessagesZh;

describe('编制的界面文字', () => {
  it('每个中文键都有英文，且不为空；占位符一致', () => {
    expect(Object.keys(composerMessagesEn).sort()).toEqual(Object.keys(composerMessagesZh).sort());
    // {count} and an English plural {count, plural, one {…} other {…}} both take count.
    const params = (s: string) => [...s.matchAll(/\{(\w+)(?:\}|, plural, )/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(composerMessagesZh) as Key[]) {
      expect(composerMessagesEn[key].trim(), key).not.toBe('');
      expect(params(composerMessagesEn[key]), key).toEqual(params(composerMessagesZh[key]));
    }
  });

  it('偏离状态：中文界面照用 正偏离/无偏离/负偏离，英文界面是英文', () => {
    expect(DEVIATIONS.map((d) => composerMessagesZh[DEVIATION_LABEL[d]])).toEqual(['正偏离', '无偏离', '负偏离']);
    expect(DEVIATIONS.map((d) => composerMessagesEn[DEVIATION_LABEL[d]])).toEqual([
      'Better than required',
      'Meets requirement',
      'Falls short',
    ]);
  });

  it('整节大纲与新版本提示的英文里没有中文', () => {
    const keys = (Object.keys(composerMessagesZh) as Key[]).filter((k) =>
      /^(outline\.(section|newSection|addSection|noSections)|versions\.|req\.dev\.)/.test(k),
    );
    expect(keys.length).toBeGreaterThan(20);
    for (const k of keys) expect(composerMessagesEn[k], k).not.toMatch(CJK);
  });
});
