// The draft editor's advanced mode (variable declarations as JSON) says what is wrong in the UI's language, not in
// JSON.parse's own English.
import { describe, expect, it } from 'vitest';

type Locale = 'zh-CN' | 'en';
type Translate = (key: string, params?: Record<string, string | number>) => string;
type Parsed = { ok: true } | { ok: false; error: { key: string; params?: Record<string, number> } };
/** Loaded by path: renderer/src is type-checked with the DOM (tsconfig.web.json), not by this Node program. */
const load = (module: string) => import(/* @vite-ignore */ `../../renderer/src/${module}`);

async function said(text: string): Promise<{ zh: string; en: string }> {
  const { parseVariables } = (await load('library/parseVariables.js')) as { parseVariables(t: string): Parsed };
  const { translator } = (await load('i18n.js')) as { translator(l: Locale): Translate };
  const r = parseVariables(text);
  if (r.ok) throw new Error(`expected ${text} to be refused`);
  return { zh: translator('zh-CN')(r.error.key, r.error.params), en: translator('en')(r.error.key, r.error.params) };
}

describe('variable declarations as JSON', () => {
  it('names where the JSON breaks, in each language', async () => {
    expect(await said('[\n  {"key": "a",, }\n]')).toEqual({
      zh: '不是有效的 JSON（第 2 行第 15 列有误）',
      en: 'not valid JSON (error at line 2, column 15)',
    });
  });
  it('asks for an array, and for key, type and label in each item', async () => {
    expect((await said('{}')).zh).toBe('应为 JSON 数组 [ {"key": …, "type": …, "label": …} ]');
    expect(await said('[{"key": "a", "type": "text", "label": "甲"}, {"key": "b"}]')).toEqual({
      zh: '第 2 项需要 "key"、"type" 和 "label"',
      en: 'item 2: needs "key", "type" and "label"',
    });
  });
  it('accepts good declarations, required unless they say otherwise', async () => {
    const { parseVariables } = (await load('library/parseVariables.js')) as {
      parseVariables(t: string): { ok: boolean; value?: { required: boolean }[] };
    };
    expect(parseVariables('[{"key": "a", "type": "text", "label": "甲"}]')).toMatchObject({
      ok: true,
      value: [{ required: true }],
    });
  });
});
