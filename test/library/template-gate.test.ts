// A draft may hold any body (typed work is never lost), but a body the renderer refuses never goes to review or into
// use: submit and approve refuse it with the clause, variant, version and reason, and change nothing.
import { readFile, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { MAX_TEMPLATE_CHARS } from '@core/assemble/template.js';
import type { LibraryStore, VersionRef } from '@core/library/store/index.js';
import { approvedClause, open, read, tempDir } from './helpers.js';

/** Bodies validateTemplate refuses, with the part of its reason the refusal must name. */
const BAD_BODIES: [string, string, RegExp][] = [
  ['raw output', '保修{{{warranty_years}}}年', /不允许使用 \{\{\{ \}\}\} 原样输出/],
  ['a partial', '保修{{> other}}年', /不允许使用局部模板或装饰器/],
  ['a partial block', '{{#> layout}}保修{{/layout}}', /不允许使用局部模板或装饰器/],
  ['a decorator', '{{* deco}}保修', /不允许使用局部模板或装饰器/],
  ['an inline partial', '{{#*inline "x"}}保修{{/inline}}', /不允许使用局部模板或装饰器/],
  ['constructor', '保修{{constructor}}', /不允许访问 constructor/],
  ['a prototype path', '保修{{warranty_years.__proto__}}', /不允许访问 warranty_years\.__proto__/],
  ['the log helper', '保修{{log warranty_years}}', /不允许使用 log 助手/],
  ['the lookup helper', '保修{{lookup this "constructor"}}', /不允许/],
  ['a syntax error', '保修{{#if warranty_years}}六年', /模板语法错误/],
  ['an over-long body', 'x'.repeat(MAX_TEMPLATE_CHARS + 1), /模板过长/],
];

const GOOD = '整机保修{{warranty_years}}年。';
const who = '张律师';

/** A clause whose v1 is approved (in use), and a new draft v2 with `body`. */
async function clauseWithBadDraft(store: LibraryStore, body: string): Promise<VersionRef> {
  await approvedClause(store, 'warranty-terms', GOOD);
  return store.editVariant('warranty-terms', '标准', { body, changeNote: '改写' }, who);
}

/** Puts a version in review by editing library.json, as an older BidForge (without the check) could have left it. */
async function forceInReview(path: string, ref: VersionRef): Promise<void> {
  const data = JSON.parse(await readFile(path, 'utf8')) as {
    clauses: { id: string; variants: { name: string; versions: { status: string }[] }[] }[];
  };
  const v = data.clauses.find((c) => c.id === ref.clauseId)!.variants.find((x) => x.name === ref.variant)!.versions[
    ref.version - 1
  ]!;
  v.status = 'in_review';
  await writeFile(path, JSON.stringify(data, null, 2));
}

describe('草稿可以保存任何正文，提交与批准时检查模板', () => {
  it.each(BAD_BODIES)('a draft with %s is saved by createClause, addVariant and editVariant', async (_what, body) => {
    const store = await open(await tempDir());
    const created = await store.createClause(
      { id: 'bad-new', category: '保修条款', title: '新条款', docTypes: ['service-plan'], body },
      who,
    );
    const variant = await store.addVariant('bad-new', '政府采购版', { body }, who);
    const edited = await store.editVariant('bad-new', '标准', { body, changeNote: '再改' }, who);
    for (const ref of [created, variant, edited])
      expect(await store.getVersion(ref)).toMatchObject({ status: 'draft', body });
  });

  it.each(BAD_BODIES)(
    'submit refuses a draft with %s, naming the version and why; nothing changes',
    async (_what, body, reason) => {
      const store = await open(await tempDir());
      const ref = await clauseWithBadDraft(store, body);
      const before = await read(store.path);
      const snapshot = await store.snapshot();

      const err = await store.submit(ref, who).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'bad_template', message: expect.stringMatching(reason) });
      expect((err as Error).message).toContain('条款 warranty-terms/标准 第 2 版不能提交审核');
      expect((err as { problems: unknown[] }).problems).toEqual([
        expect.objectContaining({
          severity: 'error',
          code: 'bad_template',
          clause: 'warranty-terms',
          message: expect.stringMatching(reason),
        }),
      ]);

      expect(await read(store.path)).toBe(before);
      expect(await store.snapshot()).toEqual(snapshot);
      expect((await store.getVersion(ref)).status).toBe('draft');
      const lib = await store.toLibrary();
      expect(lib.clauses.find((c) => c.id === 'warranty-terms')).toMatchObject({ version: 1, body: GOOD });
    },
  );

  it.each(BAD_BODIES)(
    'approve refuses a version in review with %s (left by an older BidForge); nothing changes',
    async (_what, body, reason) => {
      const dir = await tempDir();
      const first = await open(dir);
      const ref = await clauseWithBadDraft(first, body);
      const path = first.path;
      await first.close();
      await forceInReview(path, ref);

      const store = await open(dir);
      const before = await read(store.path);
      const snapshot = await store.snapshot();
      const err = await store.approve(ref, '李主任').catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'bad_template', message: expect.stringMatching(reason) });
      expect((err as Error).message).toContain('条款 warranty-terms/标准 第 2 版不能批准');

      expect(await read(store.path)).toBe(before);
      expect(await store.snapshot()).toEqual(snapshot);
      const v2 = (await store.history('warranty-terms', '标准')).find((h) => h.version === ref.version)!;
      expect(v2.status).toBe('in_review');
      expect(v2.reviewer).toBeUndefined();
      expect(v2.decidedAt).toBeUndefined();
      expect((await store.listClauses()).find((c) => c.clauseId === 'warranty-terms')).toMatchObject({
        latestApproved: 1,
      });
      expect((await store.toLibrary()).clauses.find((c) => c.id === 'warranty-terms')).toMatchObject({
        version: 1,
        body: GOOD,
      });
      // The way out: reject it back to draft, fix it, submit and approve the fixed version.
      await store.reject(ref, '李主任', '模板写法不允许');
      const fixed = await store.editVariant(
        'warranty-terms',
        '标准',
        { body: '整机保修{{warranty_years}}年，压缩机六年。', changeNote: '改正' },
        who,
      );
      await store.submit(fixed, who);
      await store.approve(fixed, '李主任');
      expect((await store.toLibrary()).clauses.find((c) => c.id === 'warranty-terms')).toMatchObject({ version: 3 });
    },
  );

  it('the status check comes first: submitting an approved version is still a bad_transition', async () => {
    const store = await open(await tempDir());
    const ref = await approvedClause(store, 'warranty-terms', GOOD);
    await expect(store.submit(ref, who)).rejects.toMatchObject({ code: 'bad_transition' });
  });

  it('a body fixed in a later draft goes through; a draft started from the bad one stays a draft', async () => {
    const store = await open(await tempDir());
    const bad = await clauseWithBadDraft(store, '保修{{{x}}}年');
    const again = await store.editVariant(
      'warranty-terms',
      '标准',
      { fromVersion: bad.version, changeNote: '从 v2 开始' },
      who,
    );
    expect(await store.getVersion(again)).toMatchObject({ status: 'draft', body: '保修{{{x}}}年' });
    await expect(store.submit(again, who)).rejects.toMatchObject({ code: 'bad_template' });
    const good = await store.editVariant('warranty-terms', '标准', { body: '保修{{x}}年', changeNote: '改正' }, who);
    await store.submit(good, who);
    await store.approve(good, '李主任');
    expect((await store.history('warranty-terms', '标准')).find((h) => h.version === good.version)).toMatchObject({
      status: 'approved',
      reviewer: '李主任',
    });
  });

  it('duplicating a clause whose latest version is a bad draft gives a draft, which cannot be submitted', async () => {
    const store = await open(await tempDir());
    await clauseWithBadDraft(store, '保修{{> other}}年');
    await store.duplicateClause('warranty-terms', 'warranty-copy', who);
    const ref = { clauseId: 'warranty-copy', variant: '标准', version: 1 };
    expect(await store.getVersion(ref)).toMatchObject({ status: 'draft', body: '保修{{> other}}年' });
    await expect(store.submit(ref, who)).rejects.toMatchObject({
      code: 'bad_template',
      message: expect.stringContaining('warranty-copy/标准 第 1 版'),
    });
  });
});
