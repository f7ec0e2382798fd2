// Word in, with Word's automatic numbering: a contract whose 第一条…第十二条 are Word's numbers (directly or through a
// paragraph style of its own) splits into its twelve clauses under their titles, the points of a clause staying in
// its body with their numbers.
import { describe, expect, it } from 'vitest';
import { importWord, type WordCandidate } from '@core/library/wordImport/index.js';
import {
  CLAUSE_TITLES,
  CLAUSES,
  clauseBody,
  NUMBERED_CONTRACT,
  numberedDocx,
  type NPart,
} from '../tender/numberingFixture.js';

function expectClauses(candidates: WordCandidate[]) {
  expect(candidates.map((c) => c.title)).toEqual(CLAUSE_TITLES);
  for (const [i, c] of candidates.entries()) expect(c.text, c.title).toContain(clauseBody(i + 1));
  const warranty = candidates[3]!;
  expect(warranty.text).toContain('（一）设备质保期为2年，自验收合格之日起计算。');
  expect(warranty.text).toContain('（二）维修后的部件保修期为6个月。');
  expect(candidates[4]!.text).not.toContain('保修期为6个月');
}

describe('Word 自动编号的条款标题', () => {
  it('第一条…第十二条为自动编号时按条拆分，标题不带编号', async () => {
    const r = await importWord(await numberedDocx(CLAUSES, NUMBERED_CONTRACT), '维保合同.docx', []);
    expect(r.splitBy).toBe('numbering');
    expectClauses(r.candidates);
  });

  it('条款标题经自定义段落样式编号（样式链接的编号）时同样拆分', async () => {
    const parts = NUMBERED_CONTRACT.map(
      (x): NPart => ('p' in x && x.n && x.n.level === 0 ? { p: x.p, style: 'ClauseTitle' } : x),
    );
    const bytes = await numberedDocx(CLAUSES, parts, {
      styles: [{ id: 'ClauseTitle', basedOn: 'Normal', list: 'clause' }],
    });
    const r = await importWord(bytes, '维保合同.docx', []);
    expect(r.splitBy).toBe('numbering');
    expectClauses(r.candidates);
  });
});
