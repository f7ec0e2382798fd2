// Each form in its own layout (#16 item 4), on the Document itself: the 承诺书 is a letter, the 偏离表 a form, the
// warranty card a card — none of them a chaptered report with a cover and a 目录.
import { beforeAll, describe, expect, it } from 'vitest';
import { wantsContents, wantsCover } from '@core/export/labels.js';
import { documentLayout, runsText, type Block, type Document } from '@core/model/document.js';
import type { Project } from '@core/model/project.js';
import { api } from '../helpers/sample.js';

const docs = new Map<string, Document>();
let pkg: Project;

beforeAll(async () => {
  const a = api();
  pkg = (await a.openSample({ name: 'bid-package-sample' })).project;
  for (const id of pkg.documents ?? []) docs.set(id, (await a.preview({ project: pkg, document: id })).document);
  const letter = (await a.openSample({ name: 'commitment-letter-sample' })).project;
  docs.set('letter-sample', (await a.preview({ project: letter })).document);
  const gbt = { ...letter, typesetting: { profile: 'gbt9704' as const } };
  docs.set('letter-gbt9704', (await a.preview({ project: gbt })).document);
}, 60_000);

const doc = (id: string) => docs.get(id)!;
const textOf = (b: Block) =>
  b.kind === 'paragraph' || b.kind === 'listItem' ? runsText(b.runs) : b.kind === 'heading' ? b.text : '';
/** Blocks before the first annex (a letter may carry the 偏离表 as 附件1 after its signature). */
const mainText = (d: Document) => {
  const annex = d.blocks.findIndex((b) => b.kind === 'heading' && b.annex);
  return annex < 0 ? d.blocks : d.blocks.slice(0, annex);
};

describe.each(['commitment-letter', 'letter-sample'])('承诺书是一封信（%s）', (id) => {
  it('版式是 letter：没有封面、没有目录', () => {
    expect(documentLayout(doc(id))).toBe('letter');
    expect(wantsCover(doc(id))).toBe(false);
    expect(wantsContents(doc(id))).toBe(false);
  });

  it('正文没有任何标题（没有“一、承诺说明”这样的章节）', () => {
    expect(mainText(doc(id)).filter((b) => b.kind === 'heading')).toEqual([]);
  });

  it('第一段是抬头“致：……”，顶格（role addressee）', () => {
    const first = doc(id).blocks[0]!;
    expect(first).toMatchObject({ kind: 'paragraph', role: 'addressee' });
    expect(textOf(first)).toMatch(/^致\s*[:：]/);
    expect(doc(id).blocks.filter((b) => b.kind === 'paragraph' && b.role === 'addressee')).toHaveLength(1);
  });

  it('承诺事项是编号列表 1. 2. 3. …，从 1 起逐条加一', () => {
    const numbers = mainText(doc(id)).flatMap((b) => (b.kind === 'listItem' && b.depth === 1 ? [b.number] : []));
    expect(numbers.length).toBeGreaterThanOrEqual(3);
    expect(numbers).toEqual(numbers.map((_, i) => `${i + 1}.`));
  });

  it('最后是盖章与签字、日期：签署栏在正文最后，首行有（盖单位章），末行是日期', () => {
    const main = mainText(doc(id));
    const last = main[main.length - 1]!;
    expect(last.kind).toBe('signature');
    if (last.kind !== 'signature') return;
    const lines = last.parties.flatMap((p) => p.lines);
    expect(lines[0]).toContain('（盖单位章）');
    expect(lines.some((l) => /签字/.test(l))).toBe(true);
    expect(lines[lines.length - 1]).toMatch(/^日期：\d{4}年\d{1,2}月\d{1,2}日$/);
  });
});

describe('偏离表是一张表格', () => {
  const form = () => doc('deviation-table');

  it('版式是 form：没有封面、没有目录，也没有“一、”标题', () => {
    expect(documentLayout(form())).toBe('form');
    expect(wantsCover(form())).toBe(false);
    expect(wantsContents(form())).toBe(false);
    expect(form().blocks.filter((b) => b.kind === 'heading' && /^[一二三四五六七八九十]+、/.test(b.number))).toEqual(
      [],
    );
  });

  it('表格的列是 序号、招标文件要求、投标文件应答、偏离 …，表后是签署栏（盖单位章、日期）', () => {
    const table = form().blocks.find((b) => b.kind === 'table');
    expect(table?.kind === 'table' && table.header[0]).toBe('序号');
    const last = form().blocks[form().blocks.length - 1]!;
    expect(last.kind).toBe('signature');
    const lines = last.kind === 'signature' ? last.parties.flatMap((p) => p.lines) : [];
    expect(lines.join('\n')).toContain('（盖单位章）');
    expect(lines[lines.length - 1]).toMatch(/^日期：/);
  });
});

describe('保修卡是一张卡片', () => {
  it('版式是 card：没有封面、没有目录，各部分的标题不编号', () => {
    const card = doc('warranty-card');
    expect(documentLayout(card)).toBe('card');
    expect(wantsCover(card)).toBe(false);
    expect(wantsContents(card)).toBe(false);
    const headings = card.blocks.filter((b) => b.kind === 'heading');
    expect(headings.length).toBeGreaterThan(0);
    expect(headings.filter((b) => b.kind === 'heading' && b.number !== '')).toEqual([]);
  });
});

describe('报告照旧', () => {
  it('售后服务方案是 report：有封面，章节编号 一、二、三、', () => {
    const plan = doc('service-plan');
    expect(documentLayout(plan)).toBe('report');
    expect(wantsCover(plan)).toBe(true);
    const numbers = plan.blocks.flatMap((b) => (b.kind === 'heading' && b.level === 1 && !b.annex ? [b.number] : []));
    expect(numbers.slice(0, 3)).toEqual(['一、', '二、', '三、']);
  });
});

describe('盖章的写法随排版方案', () => {
  it('GB/T 9704 公文格式写（盖章），投标文件通用格式写（盖单位章）', () => {
    const sealOf = (d: Document) =>
      d.blocks.flatMap((b) => (b.kind === 'signature' ? b.parties.flatMap((p) => p.lines) : [])).join('');
    expect(sealOf(doc('letter-sample'))).toContain('（盖单位章）');
    expect(sealOf(doc('letter-gbt9704'))).toContain('（盖章）');
    expect(sealOf(doc('letter-gbt9704'))).not.toContain('盖单位章');
  });
});
