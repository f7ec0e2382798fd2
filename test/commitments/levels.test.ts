// Fault-level tables from facts: the levels the bid promises (two to five, named as the bid names them), most severe
// first, each with its own times or else the general promise's — "8 h in an emergency, 48 h otherwise" can be said.
import { describe, expect, it } from 'vitest';
import { assemble } from '@core/assemble/assemble.js';
import { levelsOf } from '@core/commitments/levels.js';
import { commitmentsSchema, type Commitment } from '@core/commitments/schema.js';
import { loadTemplates } from '@core/library/loadTemplates.js';
import { clause, library, project, textOf } from '../helpers/library.js';
import { templatesDir } from '../helpers/paths.js';

const facts = (list: unknown[]): Commitment[] => commitmentsSchema.parse(list);
const arrive = (id: string, value: number, level?: string) => ({
  id,
  kind: 'arrive',
  within: { value, unit: '小时' },
  from: 'notice',
  ...(level ? { scope: { level } } : {}),
});
const fix = (id: string, value: number, level?: string) => ({
  id,
  kind: 'fix',
  within: { value, unit: '小时' },
  from: 'arrival',
  ...(level ? { scope: { level } } : {}),
});

async function table(list: unknown[]): Promise<string> {
  const lib = await loadTemplates(templatesDir);
  const c = lib.clauses.find((x) => x.id === 'fault-levels' && x.variant === '分级时限表')!;
  const a = assemble(project({}, { commitments: facts(list) }), library([{ title: '故障分级与响应', clauses: [c] }]));
  expect(a.problems).toEqual([]);
  return textOf(a.document.blocks);
}

describe('故障分级表', () => {
  it('等级按严重程度排列，不论承诺的先后', () => {
    expect(
      levelsOf(facts([arrive('arrive_l3', 8, '三级'), arrive('arrive_l1', 2, '一级'), fix('fix_l2', 8, '二级')])),
    ).toEqual(['一级', '二级', '三级']);
  });

  it('紧急故障8小时到场、其他故障48小时：两种说法都能写出', async () => {
    const text = await table([arrive('arrive', 48), arrive('arrive_emergency', 8, '紧急'), fix('fix', 72)]);
    expect(text).toContain('紧急|—|自接到报修通知起8小时内|工程师到达现场后72小时内');
    expect(text).not.toContain('一级');
  });

  it('五个等级各有自己的时限，某等级未单独承诺的列出总体承诺', async () => {
    const text = await table([
      arrive('arrive', 4),
      ...['一级', '二级', '三级', '四级', '五级'].map((l, i) => fix(`fix_l${i + 1}`, 2 * (i + 1), l)),
    ]);
    const rows = text.split('\n').filter((l) => /^[一二三四五]级\|/.test(l));
    expect(rows).toEqual([
      '一级|—|自接到报修通知起4小时内|工程师到达现场后2小时内',
      '二级|—|自接到报修通知起4小时内|工程师到达现场后4小时内',
      '三级|—|自接到报修通知起4小时内|工程师到达现场后6小时内',
      '四级|—|自接到报修通知起4小时内|工程师到达现场后8小时内',
      '五级|—|自接到报修通知起4小时内|工程师到达现场后10小时内',
    ]);
  });

  it('没有分级承诺时整条不出现', async () => {
    const lib = await loadTemplates(templatesDir);
    const c = lib.clauses.find((x) => x.id === 'fault-levels' && x.variant === '分级时限表')!;
    const a = assemble(
      project({}, { commitments: facts([arrive('arrive', 4)]) }),
      library([{ title: '故障分级与响应', clauses: [c, clause('x', '其他内容。')] }]),
    );
    expect(textOf(a.document.blocks)).not.toContain('故障等级由值班工程师');
  });

  it('未提供的等级承诺不列入表中', async () => {
    const text = await table([
      arrive('arrive', 4),
      fix('fix_l1', 2, '一级'),
      { ...fix('fix_l2', 4, '二级'), offered: false },
    ]);
    expect(text).toContain('一级|');
    expect(text).not.toContain('二级|');
  });

  it('在 {{#eachLevel}} 之外写 {{levelName}} 时报错', () => {
    const a = assemble(
      project({}, { commitments: facts([fix('fix_l1', 2, '一级')]) }),
      library([{ title: '甲', clauses: [clause('bad', '等级：{{levelName}}')] }]),
    );
    expect(a.problems.map((p) => p.code)).toEqual(['template']);
  });
});
