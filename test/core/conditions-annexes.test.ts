// Conditional clauses and paragraphs, annex numbering and references, computed totals.
import { describe, expect, it } from 'vitest';
import { assemble } from '@core/assemble/assemble.js';
import { assembleAndCheck } from '@core/check/rules.js';
import type { Block } from '@core/model/document.js';
import type { Condition, Library } from '@core/model/library.js';
import { assembleOne, bodyBlocks, clause, library, project, textOf, type Decl } from '../helpers/library.js';

const headingsOf = (doc: { blocks: Block[] }) =>
  doc.blocks.flatMap((b) => (b.kind === 'heading' ? [`${b.number}${b.text}`] : []));

const months: Decl = { key: 'warranty_months', type: 'integer', label: '整机保修期', unit: '个月' };
const latent: Decl = { key: 'latent_defect_months', type: 'integer', label: '潜在缺陷保证期', unit: '个月' };
const atLeast24: Condition = { key: 'warranty_months', op: 'gte', value: 24 };

/** 甲 (declares the warranty), 乙 (the latent-defect clause, conditional), 丙. */
function latentLibrary(where: 'clause' | 'ref' | 'section'): Library {
  const l = library([
    { title: '甲', clauses: [clause('a', '保修期{{warranty_months}}个月。', [months])] },
    {
      title: '乙',
      clauses: [
        clause(
          'b',
          '另行提供{{latent_defect_months}}个月潜在缺陷保证期。',
          [latent],
          where === 'clause' ? { when: atLeast24 } : {},
        ),
      ],
    },
    { title: '丙', clauses: [clause('c', '正文。')] },
  ]);
  const section = l.blueprints[0]!.sections[1]!;
  if (where === 'ref') section.clauses[0]!.when = atLeast24;
  if (where === 'section') section.when = [atLeast24];
  return l;
}

describe('按条件列入条款', () => {
  it.each(['clause', 'ref', 'section'] as const)('条件写在%s上：保修期 ≥ 24 个月时列入', (where) => {
    const a = assemble(project({ warranty_months: 36, latent_defect_months: 24 }), latentLibrary(where));
    expect(a.problems).toEqual([]);
    expect(headingsOf(a.document)).toEqual(['一、甲', '二、乙', '三、丙']);
  });

  it.each(['clause', 'ref', 'section'] as const)(
    '条件写在%s上：不满足时整节连同标题去掉，后面的章节编号不留空档',
    (where) => {
      const a = assemble(project({ warranty_months: 12 }), latentLibrary(where));
      expect(headingsOf(a.document)).toEqual(['一、甲', '二、丙']);
      expect(textOf(a.document.blocks)).not.toContain('潜在缺陷');
    },
  );

  it('未列入的条款所需的变量不报缺失；已填写的值也不算“没有被使用”', () => {
    expect(assemble(project({ warranty_months: 12 }), latentLibrary('clause')).problems).toEqual([]);
    expect(
      assemble(project({ warranty_months: 12, latent_defect_months: 24 }), latentLibrary('clause')).problems,
    ).toEqual([]);
  });

  it('条件所读的变量只由未列入的条款声明时，仍然校验它的值', () => {
    const l = library([
      { title: '甲', clauses: [clause('a', '正文。')] },
      { title: '乙', clauses: [clause('b', '{{warranty_months}}', [months], { when: atLeast24 })] },
    ]);
    const a = assemble(project({ warranty_months: 'three years' }), l);
    expect(a.problems).toContainEqual(expect.objectContaining({ code: 'bad_value', field: 'values.warranty_months' }));
  });

  it('时长条件按实际长短比较：到场时间 ≤ 2小时（30分钟满足）', () => {
    const dur: Decl = { key: 'onsite_arrival', type: 'duration', label: '到场时间' };
    const when: Condition = { key: 'onsite_arrival', op: 'lte', value: { value: 2, unit: '小时' } };
    const l = library([
      {
        title: '甲',
        clauses: [clause('a', '{{onsite_arrival}}内到场。', [dur]), clause('b', '本地快速到场。', [], { when })],
      },
    ]);
    expect(textOf(assemble(project({ onsite_arrival: { value: 30, unit: '分钟' } }), l).document.blocks)).toContain(
      '本地快速到场',
    );
    expect(textOf(assemble(project({ onsite_arrival: { value: 1, unit: '天' } }), l).document.blocks)).not.toContain(
      '本地快速到场',
    );
  });

  it('条件引用未声明的变量时报 bad_condition', () => {
    const l = library([
      {
        title: '甲',
        clauses: [clause('a', '正文。', [], { when: { key: 'nope', op: 'set' } }), clause('b', '其他。')],
      },
    ]);
    expect(assemble(project({}), l).problems).toContainEqual(
      expect.objectContaining({ severity: 'error', code: 'bad_condition', clause: 'a' }),
    );
  });
});

describe('按条件列入段落（{{#if}}）', () => {
  const n: Decl = { key: 'n', type: 'integer', label: 'N' };
  const body = '第一段。\n\n{{#if (gte n 24)}}\n条件段。\n\n{{/if}}\n第三段。';

  it('条件不满足时不留空段落', () => {
    const blocks = bodyBlocks(assembleOne(body, [n], { n: 12 }));
    expect(blocks).toEqual([
      { kind: 'paragraph', runs: [{ text: '第一段。' }] },
      { kind: 'paragraph', runs: [{ text: '第三段。' }] },
    ]);
  });

  it('条件满足时段落出现在原位', () => {
    expect(
      bodyBlocks(assembleOne(body, [n], { n: 24 })).map((b: Block) =>
        b.kind === 'paragraph' ? b.runs[0]?.text : b.kind,
      ),
    ).toEqual(['第一段。', '条件段。', '第三段。']);
  });

  it('去掉的列表项不留编号空档：1. 2. 而不是 1. 3.', () => {
    const list = '1. 甲\n{{#if (gte n 24)}}\n2. 乙\n{{/if}}\n3. 丙';
    const numbers = bodyBlocks(assembleOne(list, [n], { n: 1 })).map((b) =>
      b.kind === 'listItem' ? `${b.number}${b.runs[0]?.text}` : b.kind,
    );
    expect(numbers).toEqual(['1.甲', '2.丙']);
  });
});

describe('附件编号与引用', () => {
  function annexLibrary(withPrices: boolean): Library {
    return library([
      { title: '正文', clauses: [clause('a', '收费标准见{{annex "收费标准"}}，偏离情况见{{annex "偏离表"}}。')] },
      ...(withPrices ? [{ title: '附件 收费标准', clauses: [clause('p', '价目。')] }] : []),
      { title: '附件9 售后服务偏离表', clauses: [clause('d', '偏离。')] },
    ]);
  }

  it('附件按出现顺序编为附件1、附件2，写错的编号被纠正；正文引用解析为对应编号', () => {
    const a = assemble(project({}), annexLibrary(true));
    expect(headingsOf(a.document)).toEqual(['一、正文', '附件1 收费标准', '附件2 售后服务偏离表']);
    expect(textOf(a.document.blocks)).toContain('收费标准见附件1，偏离情况见附件2。');
  });

  it('去掉一个附件后，后面的附件和引用自动改号', () => {
    const l = annexLibrary(true);
    l.blueprints[0]!.sections.splice(1, 1);
    const a = assembleAndCheck(project({}), l);
    expect(headingsOf(a.document)).toEqual(['一、正文', '附件1 售后服务偏离表']);
    expect(textOf(a.document.blocks)).toContain('偏离情况见附件1。');
    // …and the reference to the annex that is gone is an error, visible in the text.
    expect(a.problems).toContainEqual(
      expect.objectContaining({ severity: 'error', code: 'unresolved_annex_ref', clause: 'a', section: '正文' }),
    );
    expect(textOf(a.document.blocks)).toContain('【未找到附件：收费标准】');
  });

  it('引用名称同时匹配两个附件时不猜测，报未解析', () => {
    const l = library([
      { title: '正文', clauses: [clause('a', '见{{annex "清单"}}。')] },
      { title: '附件 备件清单', clauses: [clause('p', '甲。')] },
      { title: '附件 资料清单', clauses: [clause('q', '乙。')] },
    ]);
    expect(assembleAndCheck(project({}), l).problems.map((p) => p.code)).toContain('unresolved_annex_ref');
  });

  it('蓝本可用 annex: true 标记标题不以“附件”开头的附件', () => {
    const l = library([
      { title: '正文', clauses: [clause('a', '见{{annex "报价单"}}。')] },
      { title: '报价单', clauses: [clause('p', '价目。')] },
    ]);
    l.blueprints[0]!.sections[1]!.annex = true;
    const a = assembleAndCheck(project({}), l);
    expect(headingsOf(a.document)).toEqual(['一、正文', '附件1 报价单']);
    expect(a.problems).toEqual([]);
  });
});

describe('计算值：金额 × 数量、列合计', () => {
  const batches: Decl = {
    key: 'batches',
    type: 'table',
    label: '分批',
    columns: [
      { key: 'region', type: 'text', label: '区域' },
      { key: 'qty', type: 'integer', label: '数量' },
      { key: 'price', type: 'money', label: '单价' },
    ],
  };
  const body = [
    '| 区域 | 数量 | 单价 | 金额 |',
    '| --- | ---: | ---: | ---: |',
    '{{#each batches}}',
    '| {{region}} | {{qty}} | {{price}} | {{times price qty}} |',
    '{{/each}}',
    '| 合计 | {{sum batches "qty"}} | — | {{sumProduct batches "price" "qty"}} |',
    '',
    '总额{{sumProduct batches "price" "qty"}}（{{rmb (sumProduct batches "price" "qty")}}）。',
  ].join('\n');
  const rows = [
    { region: '东城', qty: 3, price: '80.05' },
    { region: '西岭', qty: 7, price: '95.10' },
  ];

  it('逐行金额精确到分，合计行标记为 totals，合计金额等于各行之和', () => {
    const a = assembleOne(body, [batches], { batches: rows });
    expect(a.problems).toEqual([]);
    const table = bodyBlocks(a).find((b): b is Extract<Block, { kind: 'table' }> => b.kind === 'table');
    expect(table?.rows).toEqual([
      ['东城', '3', '¥80.05', '¥240.15'],
      ['西岭', '7', '¥95.10', '¥665.70'],
      ['合计', '10', '—', '¥905.85'],
    ]);
    expect(table?.totals).toBe(true);
    expect(textOf(bodyBlocks(a))).toContain('总额¥905.85（人民币玖佰零伍元捌角伍分）。');
  });

  it('没有合计行的表格不标 totals', () => {
    const a = assembleOne('| 区域 |\n| --- |\n| 东城 |', [], {});
    const table = bodyBlocks(a).find((b): b is Extract<Block, { kind: 'table' }> => b.kind === 'table');
    expect(table?.totals).toBeUndefined();
  });
});
