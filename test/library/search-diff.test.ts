import { describe, expect, it } from 'vitest';
import { diffText, normalizeText, wordTokens } from '@core/library/store/index.js';
import { approvedClause, open, tempDir, WARRANTY_BODY, realTemplates } from './helpers.js';

const rebuild = (segs: { op: string; text: string }[], side: 'old' | 'new') =>
  segs
    .filter((s) => s.op === 'equal' || s.op === (side === 'old' ? 'delete' : 'insert'))
    .map((s) => s.text)
    .join('');

async function libraryWithWarranty() {
  const store = await open(await tempDir());
  await approvedClause(store, 'warranty', WARRANTY_BODY, { title: '保修条款', tags: ['保修'] });
  await approvedClause(store, 'fees', '保修期外更换零部件按成本价收取，人工费另计。', {
    title: '保修期外收费标准',
    category: '收费标准',
  });
  await approvedClause(store, 'hotline', '服务热线 400-800-1234 全天候受理，Hotline 7×24。', {
    title: '联系方式',
    category: '联系方式',
  });
  return store;
}

describe('全文检索（中文）', () => {
  it('压缩机 finds a body containing 压缩机包修六年, with a snippet around it', async () => {
    const store = await libraryWithWarranty();
    const hits = await store.search('压缩机');
    expect(hits.map((h) => h.clauseId)).toEqual(['warranty']);
    expect(hits[0]).toMatchObject({ variant: '标准', version: 1, status: 'approved', title: '保修条款' });
    expect(hits[0]!.snippet).toContain('压缩机包修六年');
  });

  it('a Traditional query 壓縮機 finds the Simplified text too', async () => {
    const store = await libraryWithWarranty();
    expect((await store.search('壓縮機')).map((h) => h.clauseId)).toEqual(['warranty']);
    expect((await store.search('零部件 成本價')).map((h) => h.clauseId)).toEqual(['fees']);
    expect(normalizeText('售後服務 ７×２４')).toBe('售后服务 7×24');
  });

  it('words that are not in the library find nothing; all query words must match', async () => {
    const store = await libraryWithWarranty();
    expect(await store.search('压缩泵')).toEqual([]);
    expect(await store.search('压缩机 人工费')).toEqual([]);
    expect(await store.search('   ')).toEqual([]);
  });

  it('a single character, a title, a Latin word prefix and numbers all work', async () => {
    const store = await libraryWithWarranty();
    expect((await store.search('费')).map((h) => h.clauseId)).toEqual(['fees']);
    expect((await store.search('收费标准')).map((h) => h.clauseId)).toEqual(['fees']);
    expect((await store.search('hot')).map((h) => h.clauseId)).toEqual(['hotline']);
    expect((await store.search('400')).map((h) => h.clauseId)).toEqual(['hotline']);
    const both = (await store.search('保修')).map((h) => h.clauseId);
    expect(both[0]).toBe('warranty'); // title and tag match rank above a body match
    expect(both.sort()).toEqual(['fees', 'warranty']);
  });

  it('search combines with filters and follows edits', async () => {
    const store = await libraryWithWarranty();
    expect((await store.search('保修', { category: '收费标准' })).map((h) => h.clauseId)).toEqual(['fees']);
    await store.editVariant('fees', '标准', { body: '保修期外压缩机更换按成本价收取。', changeNote: '改' }, '王');
    expect((await store.search('压缩机')).map((h) => `${h.clauseId} v${h.version} ${h.status}`).sort()).toEqual([
      'fees v2 draft',
      'warranty v1 approved',
    ]);
    expect((await store.search('压缩机', { status: 'draft' })).map((h) => h.clauseId)).toEqual(['fees']);
  });

  it('works on the full built-in library', async () => {
    const store = await open(await tempDir(), { templatesDir: await realTemplates() });
    const hits = await store.search('保修');
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.length).toBe((await store.search('保修')).length);
  });
});

describe('版本差异（按词或按字，不按空格）', () => {
  it('word-level diff of two Chinese versions shows only the changed words', () => {
    const a = '整机保修三年，压缩机包修六年。';
    const b = '整机保修五年，压缩机包修八年，电池保修一年。';
    const segs = diffText(a, b);
    expect(rebuild(segs, 'old')).toBe(a);
    expect(rebuild(segs, 'new')).toBe(b);
    expect(
      segs
        .filter((s) => s.op === 'delete')
        .map((s) => s.text)
        .join('|'),
    ).toMatch(/三年.*六年/);
    expect(
      segs
        .filter((s) => s.op === 'insert')
        .map((s) => s.text)
        .join(''),
    ).toContain('五年');
    expect(segs.find((s) => s.op === 'equal' && s.text.includes('压缩'))).toBeDefined();
    expect(wordTokens(a).length).toBeGreaterThan(3); // a real segmentation, not one whitespace "word"
  });

  it('character-level diff marks single characters', () => {
    const segs = diffText('整机保修三年。', '整机保修五年。', 'char');
    expect(segs).toEqual([
      { op: 'equal', text: '整机保修' },
      { op: 'delete', text: '三' },
      { op: 'insert', text: '五' },
      { op: 'equal', text: '年。' },
    ]);
  });

  it('the store diffs any two versions, with counts and changed variables', async () => {
    const store = await open(await tempDir());
    const v1 = await approvedClause(store, 'warranty', '整机保修三年，压缩机包修六年。');
    const v2 = await store.editVariant(
      'warranty',
      '标准',
      {
        body: '整机保修{{warranty_years}}年，压缩机包修六年。',
        variables: [{ key: 'warranty_years', type: 'integer', label: '整机保修年限', required: true }],
        changeNote: '年限改为变量',
      },
      '王',
    );
    const d = await store.diff(v1, v2);
    expect(rebuild(d.segments, 'old')).toBe('整机保修三年，压缩机包修六年。');
    expect(rebuild(d.segments, 'new')).toBe('整机保修{{warranty_years}}年，压缩机包修六年。');
    expect(d.variables).toEqual({ added: ['warranty_years'], removed: [], changed: [] });
    expect(d.stats.deleted).toBeGreaterThan(0);
    expect((await store.diff(v1, v1)).segments).toEqual([{ op: 'equal', text: '整机保修三年，压缩机包修六年。' }]);
    await expect(store.diff(v1, { ...v1, version: 9 })).rejects.toMatchObject({ code: 'not_found' });
  });
});
