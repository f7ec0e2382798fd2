// The search index is brought up to date after a change by re-indexing only what changed: its answers must be
// exactly those of an index built anew from the same documents. Snippets fold Traditional text as the index does.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ClauseIndex, snippet, type SearchDoc } from '@core/library/store/search.js';

const doc = (n: number, body: string, title = `条款${n}`): SearchDoc => ({
  id: `c${n}/标准@1`,
  clauseId: `c${n}`,
  variant: '标准',
  version: 1,
  title,
  category: '保修',
  tags: '',
  labels: '',
  body,
});
const WORDS = ['压缩机', '包修', '六年', '响应', '两小时', '到场', '备件', '免费', '上门', '热线', 'hotline', '培训'];
const QUERIES = ['压缩机', '响应', '备件 免费', 'hot', '培训', '上门服务'];
const answers = (ix: ClauseIndex) => QUERIES.map((q) => ix.search(q).map((h) => [h.id, h.score.toFixed(6), h.snippet]));

describe('ClauseIndex.update', () => {
  it('after any edits, additions and removals it answers exactly as a freshly built index', () => {
    const body = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 8 }).map((ws) => ws.join('，'));
    const docs = fc.uniqueArray(fc.record({ n: fc.integer({ min: 1, max: 30 }), body }), {
      selector: (d) => d.n,
      maxLength: 20,
    });
    fc.assert(
      fc.property(docs, docs, (before, after) => {
        const ix = new ClauseIndex(before.map((d) => doc(d.n, d.body)));
        answers(ix); // snippets prepared for the old bodies must not survive their change
        const now = after.map((d) => doc(d.n, d.body));
        ix.update(now);
        expect(answers(ix)).toEqual(answers(new ClauseIndex(now)));
      }),
      { numRuns: 60 },
    );
  });

  it('answers equal scores in the same order, however the documents arrived (the counterexample fast-check found)', () => {
    const ix = new ClauseIndex([doc(29, '压缩机')]);
    const now = [doc(1, '压缩机'), doc(29, '压缩机')];
    ix.update(now);
    expect(answers(ix)).toEqual(answers(new ClauseIndex(now)));
  });

  it('touches only the documents that are new, changed or gone', () => {
    const docs = [doc(1, '压缩机包修六年'), doc(2, '两小时响应'), doc(3, '备件免费')];
    const ix = new ClauseIndex(docs);
    expect(ix.update(docs.map((d) => ({ ...d })))).toBe(0);
    expect(ix.update([docs[0]!, { ...docs[1]!, body: '四小时响应' }, doc(4, '上门服务')])).toBe(3); // one changed, one new, one gone
    expect(ix.search('四小时').map((h) => h.clauseId)).toEqual(['c2']);
    expect(ix.search('备件')).toEqual([]);
  });
});

describe('snippets of Traditional bodies', () => {
  it('a Simplified query finds its place in a Traditional body and shows the body as written', () => {
    const ix = new ClauseIndex([doc(1, '本公司對壓縮機提供六年包修服務，並承諾兩小時響應。')]);
    const [hit] = ix.search('压缩机');
    expect(hit?.snippet).toContain('壓縮機提供六年包修');
    expect(snippet('本公司對壓縮機提供六年包修服務。', '压缩机')).toContain('壓縮機');
  });
});
