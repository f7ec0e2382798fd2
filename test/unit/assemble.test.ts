import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assemble } from '@core/assemble/assemble.js';
import { loadTemplates } from '@core/library/loadTemplates.js';
import type { Block, Document } from '@core/model/document.js';
import type { Library } from '@core/model/library.js';
import type { Project } from '@core/model/project.js';
import { assembleOne, bodyBlocks, clause, library, project, textOf } from '../helpers/library.js';
import { templatesDir } from '../helpers/paths.js';
import { expectContains } from '../helpers/text.js';
import { legacyProject } from '../commitments/legacyFixtures.js';
import { api, headingsOf, sampleJson, SECTION_HEADINGS, tablesOf, type Sample } from '../helpers/sample.js';

let sample: Sample;
let lib: Library;
beforeAll(async () => {
  // The sample as saved before facts, on the clauses of its time: the clauses that show rmb, addMonths and cn.
  const a = api();
  const project = legacyProject('service-plan-sample', { outline: true });
  sample = { api: a, project, ...(await a.preview({ project })) };
  lib = await loadTemplates(templatesDir);
});

/** The sample project with some values replaced (undefined deletes the key). */
function sampleWith(values: Record<string, unknown>): Project {
  const v: Record<string, unknown> = { ...sample.project.values, ...values };
  for (const k of Object.keys(values)) if (values[k] === undefined) delete v[k];
  return { ...sample.project, values: v };
}
const docText = (doc: Document) => textOf(doc.blocks);

// Independent expectations for display formats (not computed by the code under test).
const yuan = (price: string) =>
  `¥${new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(Number(price))}`;
const cnDate = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

describe('样例方案组装', () => {
  it('样例组装没有任何错误或警告', () => {
    expect(sample.problems).toEqual([]);
  });

  it('章节标题按蓝本顺序编号 一、二、…十、', () => {
    const blueprint = JSON.parse(readFileSync(join(templatesDir, 'blueprints', 'service-plan.json'), 'utf8')) as {
      sections: { title: string }[];
    };
    const level1 = sample.document.blocks.flatMap((b) =>
      b.kind === 'heading' && b.level === 1 ? [`${b.number}${b.text}`] : [],
    );
    expect(level1).toEqual([...SECTION_HEADINGS]);
    expect(level1.map((h) => h.replace(/^[一二三四五六七八九十]+、/, ''))).toEqual(
      blueprint.sections.map((s) => s.title),
    );
  });

  it('保修条款的小标题编号为（一）保修范围、（二）维修与更换、（三）潜在缺陷保证', () => {
    const h = headingsOf(sample.document);
    const from = h.indexOf('四、保修条款');
    expect(h.slice(from, from + 4)).toEqual([
      '四、保修条款',
      '（一）保修范围',
      '（二）维修与更换',
      '（三）潜在缺陷保证',
    ]);
  });

  it('收费表的行与样例 fee_items 一一对应（行数和单元格文字，金额显示为 ¥x,xxx.00）', () => {
    const table = tablesOf(sample.document).find((t) => t[0]?.[0] === '服务项目');
    expect(table?.[0]).toEqual(['服务项目', '收费标准', '计价单位', '说明']);
    const fees = sampleJson().values.fee_items;
    expect(table!.slice(1)).toEqual(fees.map((f) => [f.item, yuan(f.price), f.unit, f.note]));
    expect(table!.slice(1).map((r) => r[1])).toContain('¥1,800.00');
  });

  it('收费表的“收费标准”列右对齐（模板写的是 ---:）', () => {
    const t = sample.document.blocks.find(
      (b): b is Extract<Block, { kind: 'table' }> => b.kind === 'table' && b.header[0] === '服务项目',
    );
    expect(t?.align).toEqual(['left', 'right', 'left', 'left']);
  });

  it('培训日程表的行与样例 training_schedule 一一对应（日期写作 2027年1月21日）', () => {
    const table = tablesOf(sample.document).find((t) => t[0]?.[0] === '场次');
    const rows = sampleJson().values.training_schedule;
    expect(table!.slice(1)).toEqual(
      rows.map((r) => [r.session, cnDate(r.date), String(r.hours), r.trainees, r.content, r.place, r.trainer]),
    );
  });

  it('人民币大写（rmb）出现在正文：年度服务费为¥28,000.00（人民币贰万捌仟元整）', () => {
    expectContains(docText(sample.document), '年度服务费为¥28,000.00（人民币贰万捌仟元整）');
  });

  it('保修到期日（addMonths）= 验收日期 2027-01-20 加 36 个月：保修期至2030年1月20日届满', () => {
    expectContains(docText(sample.document), '按本项目验收日期2027年1月20日测算，保修期至2030年1月20日届满');
  });

  it('中文数字（cn）出现在正文：repair_limit 3 → 经第三次维修', () => {
    expectContains(docText(sample.document), '同一部件经第三次维修仍不能正常工作的');
  });

  it('时长和百分比按中文习惯显示：2小时内到达现场、3个工作日内、不低于98%、下浮10%', () => {
    const text = docText(sample.document);
    expectContains(text, '工程师携带常用备件在2小时内到达现场');
    expectContains(text, '我公司在3个工作日内向采购人提交书面故障分析报告');
    expectContains(text, '客户满意度不低于98%');
    expectContains(text, '所列价格下浮10%收取');
  });

  it('签署栏填入投标人名称和日期（2026年11月24日）', () => {
    const sig = sample.document.blocks.find((b) => b.kind === 'signature');
    expect(sig).toEqual({
      kind: 'signature',
      parties: [
        {
          role: '投标人',
          lines: [
            '投标人名称（盖单位章）：华瑞康泰机电设备有限公司',
            '法定代表人或授权代表（签字）：',
            '日期：2026年11月24日',
          ],
        },
      ],
    });
  });

  it('文档信息取自项目：标题、编号、投标人、日期；全部条款已审批所以不是草稿', () => {
    expect(sample.document.meta).toMatchObject({
      title: '滨江市第一人民医院净化空调机组采购项目售后服务方案',
      projectName: '售后服务方案',
      projectNo: 'BJCG-2026-0412',
      bidder: '华瑞康泰机电设备有限公司',
      date: '2026-11-24',
      draft: false,
    });
  });
});

describe('潜在缺陷保证（仅当保修期 ≥ 24 个月时出现）', () => {
  const has = (doc: Document) =>
    headingsOf(doc).some((h) => h.endsWith('潜在缺陷保证')) || docText(doc).includes('潜在缺陷保证期');

  it('保修期 24 个月时出现潜在缺陷保证段落', () => {
    const { document, problems } = assemble(sampleWith({ warranty_months: 24 }), lib);
    expect(problems).toEqual([]);
    expect(has(document)).toBe(true);
  });

  it('保修期 23 个月时不出现潜在缺陷保证段落', () => {
    const { document, problems } = assemble(sampleWith({ warranty_months: 23 }), lib);
    expect(problems).toEqual([]);
    expect(has(document)).toBe(false);
    expect(headingsOf(document)).toContain('（二）维修与更换');
  });
});

describe('问题报告', () => {
  it('缺少必填变量值时报错（指出 values.hotline），而不是输出空字符串', () => {
    const a = assembleOne('服务热线：{{hotline}}。', [{ key: 'hotline', type: 'text', label: '服务热线' }], {});
    expect(a.problems).toContainEqual(
      expect.objectContaining({ severity: 'error', code: 'missing_value', field: 'values.hotline' }),
    );
    expect(textOf(a.document.blocks)).not.toContain('服务热线：。');
  });

  it('样例删去 hotline 后报错指出 values.hotline，正文中没有空的热线号码', () => {
    const { document, problems } = assemble(sampleWith({ hotline: undefined }), lib);
    expect(problems).toContainEqual(
      expect.objectContaining({ severity: 'error', code: 'missing_value', field: 'values.hotline' }),
    );
    const text = docText(document);
    expect(text).not.toContain('服务热线，');
    expect(text).not.toContain('服务热线或');
    expect(text).not.toMatch(/服务热线：(\n|$)/);
  });

  it('值的类型不对（onsite_arrival 写成 "two hours"）时报 bad_value，指出 values.onsite_arrival', () => {
    const { problems } = assemble(sampleWith({ onsite_arrival: 'two hours' }), lib);
    expect(problems).toContainEqual(
      expect.objectContaining({ severity: 'error', code: 'bad_value', field: 'values.onsite_arrival' }),
    );
  });

  it('条款引用了未声明的变量时报 template 错误，并说出变量名', () => {
    const a = assembleOne('联系电话：{{undeclared_phone}}。', [], {});
    const p = a.problems.find((x) => x.code === 'template');
    expect(p).toMatchObject({ severity: 'error', clause: 'c', section: '甲' });
    expect(p?.message).toContain('undeclared_phone');
    expect(textOf(a.document.blocks)).not.toContain('联系电话：。');
  });

  it('表格行里引用了不存在的列时报 template 错误，并说出列名', () => {
    const a = assembleOne(
      '| A |\n| --- |\n{{#each t}}\n| {{nope}} |\n{{/each}}',
      [{ key: 't', type: 'table', label: 'T', columns: [{ key: 'a', type: 'text', label: 'A' }] }],
      { t: [{ a: 'x' }] },
    );
    const p = a.problems.find((x) => x.code === 'template');
    expect(p?.message).toContain('nope');
  });

  it('蓝本不存在时报 unknown_blueprint，指出 blueprint 字段', () => {
    const { problems, document } = assemble({ ...sample.project, blueprint: 'no-such-blueprint' }, lib);
    expect(problems).toContainEqual(
      expect.objectContaining({ severity: 'error', code: 'unknown_blueprint', field: 'blueprint' }),
    );
    expect(document.blocks).toEqual([]);
  });

  it('蓝本引用了条款库中没有的条款时报 unknown_clause', () => {
    const l = library([{ title: '甲', clauses: [clause('c', '正文')] }]);
    l.blueprints[0]!.sections[0]!.clauses.push({ id: 'missing-clause', variant: '标准' });
    const { problems } = assemble(project({}), l);
    expect(problems).toContainEqual(
      expect.objectContaining({ severity: 'error', code: 'unknown_clause', clause: 'missing-clause' }),
    );
  });

  it('项目里有条款用不到的值时给出警告 unused_value', () => {
    const a = assembleOne('正文', [], { stray: 1 });
    expect(a.problems).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'unused_value', field: 'values.stray' }),
    ]);
  });

  it('两个条款把同一变量声明成不同类型时报 conflicting_declaration', () => {
    const l = library([
      {
        title: '甲',
        clauses: [
          clause('a', '{{n}}', [{ key: 'n', type: 'integer', label: 'N' }]),
          clause('b', '{{n}}', [{ key: 'n', type: 'text', label: 'N' }]),
        ],
      },
    ]);
    const { problems } = assemble(project({ n: 1 }), l);
    expect(problems).toContainEqual(
      expect.objectContaining({ severity: 'error', code: 'conflicting_declaration', field: 'values.n' }),
    );
  });

  it('使用了未审批（草稿）条款的文档标记为草稿', () => {
    const l = library([{ title: '甲', clauses: [clause('c', '正文', [], { status: 'draft' })] }]);
    expect(assemble(project({}), l).document.meta.draft).toBe(true);
  });
});

describe('编号', () => {
  it('小标题（一）（二）在每一章重新开始', () => {
    const l = library([
      { title: '甲', clauses: [clause('a', '## 范围\n\n正文\n\n## 期限\n\n正文')] },
      { title: '乙', clauses: [clause('b', '## 费用\n\n正文')] },
    ]);
    expect(headingsOf(assemble(project({}), l).document)).toEqual([
      '一、甲',
      '（一）范围',
      '（二）期限',
      '二、乙',
      '（一）费用',
    ]);
  });

  it('同一章的多个条款共用一套小标题编号', () => {
    const l = library([{ title: '甲', clauses: [clause('a', '## 范围\n\n正文'), clause('b', '## 期限\n\n正文')] }]);
    expect(headingsOf(assemble(project({}), l).document)).toEqual(['一、甲', '（一）范围', '（二）期限']);
  });

  it('有序列表编号 1. 2.，第二层（1）（2），第三层 ①②', () => {
    const a = assembleOne('1. 甲\n   1. 乙\n      1. 丙\n      2. 丁\n   2. 戊\n2. 己', [], {});
    const items = bodyBlocks(a).flatMap((b) =>
      b.kind === 'listItem' ? [[b.number, b.depth, b.runs.map((r) => r.text).join('')]] : [],
    );
    expect(items).toEqual([
      ['1.', 1, '甲'],
      ['（1）', 2, '乙'],
      ['①', 3, '丙'],
      ['②', 3, '丁'],
      ['（2）', 2, '戊'],
      ['2.', 1, '己'],
    ]);
  });

  it('被段落隔开的新列表从 1. 重新编号；嵌套列表在新的父项下从（1）重新编号', () => {
    const a = assembleOne('1. 甲\n   1. 乙\n2. 丙\n   1. 丁\n\n段落\n\n1. 戊', [], {});
    const numbers = bodyBlocks(a).flatMap((b) => (b.kind === 'listItem' ? [b.number] : []));
    expect(numbers).toEqual(['1.', '（1）', '2.', '（1）', '1.']);
  });

  it('无序列表项用 •', () => {
    const a = assembleOne('- 甲\n- 乙', [], {});
    expect(bodyBlocks(a).map((b) => (b.kind === 'listItem' ? b.number : b.kind))).toEqual(['•', '•']);
  });

  it('条款正文的粗体成为粗体文字段，列表项文字与编号分开', () => {
    const a = assembleOne('1. **电话响应**：接到报修后回复。', [], {});
    expect(bodyBlocks(a)).toEqual([
      {
        kind: 'listItem',
        number: '1.',
        depth: 1,
        runs: [{ text: '电话响应', bold: true }, { text: '：接到报修后回复。' }],
      },
    ]);
  });
});

describe('模板助手', () => {
  const date = { key: 'start', type: 'date', label: '验收日期' } as const;
  const months = { key: 'months', type: 'integer', label: '保修期' } as const;

  it('addMonths 在月末对齐：2024-01-31 加 1 个月到 2024年2月29日', () => {
    const a = assembleOne('至{{addMonths start months}}届满', [date, months], { start: '2024-01-31', months: 1 });
    expect(a.problems).toEqual([]);
    expect(textOf(bodyBlocks(a))).toBe('至2024年2月29日届满');
  });

  it('addMonths 也接受以“年”为单位的时长：2026-03-01 加 2 年', () => {
    const a = assembleOne('至{{addMonths start d}}', [date, { key: 'd', type: 'duration', label: '期限' }], {
      start: '2026-03-01',
      d: { value: 2, unit: '年' },
    });
    expect(textOf(bodyBlocks(a))).toBe('至2028年3月1日');
  });

  it('rmb 用于非金额变量时报 template 错误', () => {
    const a = assembleOne('{{rmb n}}', [{ key: 'n', type: 'integer', label: 'N' }], { n: 5 });
    expect(a.problems).toContainEqual(expect.objectContaining({ severity: 'error', code: 'template' }));
  });

  it('比较时长时按实际长短：2小时 < 1天', () => {
    const dur = (key: string) => ({ key, type: 'duration', label: key }) as const;
    const a = assembleOne('{{#if (lt a b)}}更短{{else}}不更短{{/if}}', [dur('a'), dur('b')], {
      a: { value: 2, unit: '小时' },
      b: { value: 1, unit: '天' },
    });
    expect(textOf(bodyBlocks(a))).toBe('更短');
  });
});
