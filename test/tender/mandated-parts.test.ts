// The pieces of a mandated form (#18 item 3): which of our cells a tender's column header asks for, and the
// tender's 承诺书 wording split around the blank or list where our commitments go.
import { describe, expect, it } from 'vitest';
import type { Commitment } from '@core/commitments/schema.js';
import { blankColumns, columnField, fillPlaceholders, letterParts, printedTitle } from '@core/tender/formsFollow.js';

describe('偏离表的列名对应到我方计算的内容', () => {
  it.each([
    ['序号', 'no'],
    ['编号', 'no'],
    ['招标文件条款号', 'item'],
    ['条目号', 'item'],
    ['所在章节', 'item'],
    ['招标文件技术要求', 'requirement'],
    ['招标文件要求', 'requirement'],
    ['采购需求', 'requirement'],
    ['技术参数', 'requirement'],
    ['投标响应', 'response'],
    ['投标文件应答', 'response'],
    ['投标人承诺', 'response'],
    ['偏离', 'deviation'],
    ['偏离情况', 'deviation'],
    ['是否偏离', 'deviation'],
    ['偏离说明', 'note'],
    ['备注', 'note'],
    ['说明', 'note'],
  ])('「%s」→ %s', (column, field) => expect(columnField(column)).toBe(field));

  it('不认识的列留给填写人：未填写时列为空列', () => {
    expect(columnField('证明材料')).toBeUndefined();
    expect(columnField('证明材料页码')).toBeUndefined();
    const m = { index: 0, title: '偏离表', columns: ['序号', '证明材料'], fields: [columnField('序号'), undefined] };
    expect(blankColumns({ ...m, fill: {} })).toEqual(['证明材料']);
    expect(blankColumns({ ...m, fill: { 证明材料: '  ' } })).toEqual(['证明材料']);
    expect(blankColumns({ ...m, fill: { 证明材料: '见附件' } })).toEqual([]);
  });
});

describe('承诺书格式：我方承诺插在格式留出的空白或清单处', () => {
  const values = { purchaser: '某市人民医院', bidder: '某机电公司', project: '空调采购项目', projectNo: 'CG-1' };

  it('空白的编号行换成我方承诺；抬头、开头、结尾原样保留，签章和日期行由我方签署栏代替', () => {
    const text = [
      '致：（采购人名称）',
      '我方（投标人名称）参加（项目名称）（项目编号：　　）的投标，现郑重承诺如下：',
      '1.＿＿＿＿＿＿',
      '2.＿＿＿＿＿＿',
      '……',
      '上述承诺如有违反，我方愿承担相应责任。',
      '投标人（盖章）：＿＿＿＿',
      '日期：＿＿年＿＿月＿＿日',
    ].join('\n');
    expect(letterParts(text, values)).toEqual({
      addressee: '致：某市人民医院',
      opening: ['我方某机电公司参加空调采购项目（项目编号：CG-1）的投标，现郑重承诺如下：'],
      closing: ['上述承诺如有违反，我方愿承担相应责任。'],
    });
  });

  it('空白是认得的承诺时，句子保留并填入我方数值；（具体承诺内容）处列入我方承诺', () => {
    const facts = [
      { id: 'arrive', offered: true, kind: 'arrive', within: { value: 2, unit: '小时' }, from: 'notice' },
      { id: 'warranty', offered: true, kind: 'warranty', period: { value: 36, unit: '个月' } },
    ] as Commitment[];
    const letter = '致：某市人民医院\n我方承诺：接到报修通知后＿＿小时内到达现场，质保期为＿＿年。';
    expect(letterParts(letter, {}, facts)).toEqual({
      addressee: '致：某市人民医院',
      opening: ['我方承诺：接到报修通知后2小时内到达现场，质保期为3年。'],
      closing: [],
    });
    // A line of blanks that asks for no promise we know still gives way to our list, keeping its lead-in.
    expect(letterParts('我方承诺：＿＿＿＿＿＿＿＿\n特此承诺。')).toEqual({
      opening: ['我方承诺：'],
      closing: ['特此承诺。'],
    });
    expect(letterParts('一、售后服务承诺如下：（具体承诺内容）\n二、本承诺书自开标之日起生效。')).toEqual({
      opening: ['一、售后服务承诺如下：'],
      closing: ['二、本承诺书自开标之日起生效。'],
    });
  });

  it('没有空白时，我方承诺接在引出清单的句子（……如下：）之后；我方的引语不是抬头', () => {
    expect(letterParts('我方就本项目售后服务承诺如下：\n本承诺为投标文件的组成部分。')).toEqual({
      opening: ['我方就本项目售后服务承诺如下：'],
      closing: ['本承诺为投标文件的组成部分。'],
    });
  });

  it('只填写认得的占位；不认得的和没有值的原样保留', () => {
    expect(fillPlaceholders('项目编号：＿＿＿＿，采购人：＿＿＿', values)).toBe('项目编号：CG-1，采购人：某市人民医院');
    expect(fillPlaceholders('（联系人姓名）', values)).toBe('（联系人姓名）');
    expect(fillPlaceholders('致：（采购人名称）', {})).toBe('致：（采购人名称）');
  });
});

describe('承诺书的标题按招标文件的措辞，去掉其附件编号', () => {
  it.each([
    ['附件1 售后服务承诺书', '售后服务承诺书'],
    ['格式一 售后服务承诺书', '售后服务承诺书'],
    ['附件一：售后服务承诺函', '售后服务承诺函'],
    ['三、售后服务承诺书', '售后服务承诺书'],
    ['（二）质量保证及售后服务承诺书', '质量保证及售后服务承诺书'],
    ['售后服务承诺书', '售后服务承诺书'],
  ])('「%s」→「%s」', (title, printed) => expect(printedTitle(title)).toBe(printed));
});
