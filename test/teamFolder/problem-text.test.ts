// The shared folder's problems in both languages: every code TEAM_FOLDER_EN words has a real problem (made by the
// code, test/helpers/teamFolderProblems.ts); Chinese is the problem's own message, and the English wording says it
// all in English (the values it shows — paths, file names, signer names — stay as they are).
import { describe, expect, it } from 'vitest';
import { problemText } from '@core/i18n/problemText.js';
import type { Problem } from '@core/model/problem.js';
import { TEAM_FOLDER_EN } from '@core/teamFolder/text.js';
import { teamFolderProblems } from '../helpers/teamFolderProblems.js';

const HAN = /\p{Script=Han}/u;
const problems = await teamFolderProblems();

/** The English text with every param value cut out: what the template itself says. */
const wordingOf = (p: Problem) =>
  Object.values(p.params ?? {})
    .map(String)
    .filter((v) => v.length > 0)
    .sort((a, b) => b.length - a.length)
    .reduce((s, v) => s.split(v).join(''), problemText(p, 'en'));

describe('共享文件夹 problems read in Chinese and English', () => {
  it('every code with an English wording has a real problem', () => {
    const seen = new Set(problems.map((p) => p.code));
    expect(Object.keys(TEAM_FOLDER_EN).filter((c) => !seen.has(c))).toEqual([]);
  });

  it.each(problems.filter((p) => p.code in TEAM_FOLDER_EN).map((p) => [p.code, p] as const))('%s', (_, p) => {
    expect(HAN.test(p.message), p.message).toBe(true);
    expect(problemText(p, 'zh-CN')).toBe(p.message);
    expect(problemText(p, 'zh-CN')).toBe(p.message);
    const en = problemText(p, 'en');
    expect(en, p.message).not.toBe(p.message);
    expect(wordingOf(p), en).not.toMatch(/\{\w+\}/);
    expect(wordingOf(p), en).not.toMatch(HAN);
  });

  it('names the file or folder in both languages', () => {
    for (const p of problems.filter((x) => x.code in TEAM_FOLDER_EN)) {
      const value = String(p.params?.file ?? p.params?.folder ?? '');
      if (!value) continue;
      expect(p.message).toContain(value);
      expect(problemText(p, 'en')).toContain(value);
    }
  });

  it('says whether an untrusted, unsigned or tampered pack arrived as drafts', () => {
    const drafts = problems.filter((p) => p.code === 'team_pack_drafts');
    expect(drafts.map((p) => p.params?.state).sort()).toEqual(['invalid', 'unsigned', 'untrusted']);
    for (const p of drafts) {
      expect(p.severity).toBe('warning');
      expect(p.message).toContain('已作为草稿导入');
      expect(problemText(p, 'en')).toContain('arrived as drafts');
    }
  });
});
