// Word in (#17 item 5): DOCX files the tests write themselves are split into candidate clauses by heading styles or by
// Chinese numbering, keep their tables, have their figures replaced by the facts (or variables) they state, and are
// marked when they duplicate or nearly duplicate a built-in clause.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadTemplates } from '@core/library/loadTemplates.js';
import { renderSample } from '@core/library/handlers.js';
import { squash } from '../helpers/text.js';
import {
  importWord,
  mergeCandidates,
  type ExistingClause,
  type WordCandidate,
} from '@core/library/wordImport/index.js';
import { builtinAsWord, NUMBERED, STYLED, wordDocx } from './wordFixture.js';

const facts = (c: WordCandidate) => Object.fromEntries(c.facts.map((f) => [f.id, `${f.value ?? ''}${f.unit ?? ''}`]));
const render = (c: WordCandidate) =>
  renderSample({ body: c.body, variables: c.variables, docType: 'service-plan' }, '2026-12-07');

let builtin: ExistingClause[] = [];
beforeAll(async () => {
  const lib = await loadTemplates(join(process.cwd(), 'templates'));
  builtin = lib.clauses.map((c) => ({ clauseId: c.id, variant: c.variant, title: c.title, body: c.body }));
});

describe('拆分与承诺', () => {
  it('按标题样式拆分，标题下无正文的上级标题作为分类；数字换成承诺', async () => {
    const r = await importWord(await wordDocx(STYLED), '售后服务方案.docx', []);
    expect(r.splitBy).toBe('headings');
    expect(r.docType).toBe('service-plan');
    // The document's own title and the headings with nothing of their own are no candidates.
    expect(r.candidates.map((c) => [c.title, c.category])).toEqual([
      ['响应与到场', '服务承诺'],
      ['质量保证', '服务承诺'],
      ['服务网点与人员', '服务网点与人员'],
    ]);
    const [times, warranty, people] = r.candidates as [WordCandidate, WordCandidate, WordCandidate];
    expect(facts(times)).toEqual({ hotline_hours: '', respond: '30分钟', arrive: '2小时', fix: '24小时' });
    expect(times.body).toContain(
      '{{#fact "respond" "arrive"}}\n接到报修后{{figure "respond"}}内响应，工程师{{figure "arrive"}}内到达现场。\n{{/fact}}',
    );
    expect(times.body).toContain('提供{{figure "hotline_hours"}}报修受理');
    // No figure of the promises is left in the text: the bid's own figures print instead.
    expect(times.body).not.toMatch(/\d+\s*(?:分钟|小时)/);
    expect(facts(warranty)).toEqual({ warranty: '3年', warranty_compressor: '5年', parts_supply: '8年' });
    expect(warranty.facts.find((f) => f.id === 'warranty_compressor')?.label).toBe('压缩机保修期');
    // The table is kept as a table; a promise in a cell prints the bid's figure, or 「—」 when the bid does not make it.
    expect(people.tables).toBe(1);
    expect(people.body).toContain(
      '| 服务项目 | 承诺 |\n| --- | --- |\n| 到达现场 | {{#fact "arrive"}}{{figure "arrive"}}内到达现场{{else}}—{{/fact}} |',
    );
    expect(people.variables).toEqual([]);
    // 每季度巡检一次 is 4 a year: proposed, its words kept.
    expect(facts(people)).toEqual({ dedicated_engineers: '3人', arrive: '2小时', inspect: '4次' });
    expect(people.body).toContain('每季度巡检一次');
    for (const c of r.candidates) expect(c.mark).toBe('new');
  });

  it('没有标题样式时按中文编号拆分（第一条、（一）），长句编号是正文条目', async () => {
    const r = await importWord(await wordDocx(NUMBERED), '安装协议.docx', []);
    expect(r.splitBy).toBe('numbering');
    // An agreement's clauses are for agreements: read from the file's name or title.
    expect(r.docType).toBe('install-agreement');
    expect(r.candidates.map((c) => [c.title, c.category])).toEqual([
      ['合同标的', '合同标的'],
      ['服务时限', '服务时限'],
      ['保修期限', '保修'],
      ['维修后保修', '保修'],
    ]);
    const [, times, warranty, repair] = r.candidates as WordCandidate[];
    // Figures in several phrasings: 作出答复, 四小时内到场, 不超过48小时, 质保期为2年, 保修期为6个月.
    expect(facts(times!)).toEqual({ respond: '1小时', arrive: '4小时', fix: '48小时' });
    expect(times!.body).toContain(
      '{{#fact "arrive"}}\n1. 需要上门处理的，乙方工程师应于{{figure "arrive"}}内到场。\n{{/fact}}',
    );
    expect(facts(warranty!)).toEqual({ warranty: '2年' });
    expect(facts(repair!)).toEqual({ repair_warranty: '6个月' });
  });

  it('有标题样式时，样式标题下手打的（一）（二）也是小标题；1. 是正文条目', async () => {
    const r = await importWord(
      await wordDocx([
        { h: 1, text: '第三章 售后服务' },
        { p: '（一）响应时间' },
        { p: '1. 接到报修后30分钟内响应。' },
        { p: '2. 工程师2小时内到达现场。' },
        { p: '（二）培训' },
        { p: '验收合格后7天内开展现场培训。' },
      ]),
      '方案.docx',
      [],
    );
    expect(r.splitBy).toBe('headings');
    expect(r.candidates.map((c) => [c.title, c.category])).toEqual([
      ['响应时间', '售后服务'],
      ['培训', '售后服务'],
    ]);
    expect(r.candidates[0]!.body).toContain('1. 工程师{{figure "arrive"}}内到达现场。');
    expect(facts(r.candidates[1]!)).toEqual({ train_start: '7天' });
  });

  it('每个候选条款的正文都能按样例渲染，承诺处印出样例数字', async () => {
    const r = await importWord(await wordDocx([...STYLED, ...NUMBERED]), 'all.docx', []);
    for (const c of r.candidates) {
      const { document, problems } = render(c);
      expect(
        problems.filter((p) => p.severity === 'error'),
        c.title,
      ).toEqual([]);
      if (c.facts.some((f) => f.id === 'arrive' && c.body.includes('{{figure "arrive"}}')))
        expect(squash(JSON.stringify(document.blocks))).toMatch(/\d+小时内(?:到达现场|到场)/);
    }
  });
});

describe('表格', () => {
  it('单元格按其行首读出数字：承诺的数字印承诺（未承诺时为“—”），其他数字成为变量', async () => {
    const r = await importWord(
      await wordDocx([
        { h: 1, text: '服务指标' },
        {
          table: [
            ['服务项目', '承诺'],
            ['响应时间', '30分钟'],
            ['整机保修期', '3年'],
            ['驻场工程师', '不少于2名'],
          ],
        },
      ]),
      '指标.docx',
      [],
    );
    const [c] = r.candidates as [WordCandidate];
    expect(c.body).toBe(
      [
        '| 服务项目 | 承诺 |',
        '| --- | --- |',
        '| 响应时间 | {{#fact "respond"}}{{figure "respond"}}{{else}}—{{/fact}} |',
        '| 整机保修期 | {{#fact "warranty"}}{{figure "warranty"}}{{else}}—{{/fact}} |',
        '| 驻场工程师 | 不少于{{stated_figure}}名 |',
      ].join('\n'),
    );
    expect(c.variables.map((v) => [v.key, v.label, v.default])).toEqual([['stated_figure', '驻场工程师', 2]]);
    expect(facts(c)).toEqual({ respond: '30分钟', warranty: '3年' });
    const { document, problems } = render(c);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    const text = squash(JSON.stringify(document.blocks));
    // The sample offers each fact with an example figure (2小时, 12个月); the variable prints its default.
    expect(text).toMatch(/"响应时间","2小时"/);
    expect(text).toMatch(/"驻场工程师","不少于2名"/);
  });
});

describe('Word 文字里的模板与 Markdown 记号', () => {
  it('按原样成为正文文字，不被当作变量或格式', async () => {
    const r = await importWord(
      await wordDocx([
        { h: 1, text: '文字照录' },
        { p: '合同中写作{{company_name}}的地方，以*甲方*名称为准；编号格式为 A_1 [附件]。' },
        { p: '# 不是标题' },
      ]),
      'x.docx',
      [],
    );
    const [c] = r.candidates as [WordCandidate];
    const { document, problems } = render(c);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    const text = squash(JSON.stringify(document.blocks));
    expect(text).toContain('合同中写作｛｛company_name｝｝的地方，以*甲方*名称为准；编号格式为A_1[附件]。');
    expect(text).toContain('#不是标题');
  });
});

describe('重复与近似重复', () => {
  const copied = (reword: boolean) => builtinAsWord(builtin, reword);

  it('照抄内置条款的标为重复，改写过的标为近似重复，新内容不标', async () => {
    const docx = await wordDocx([
      { h: 1, text: '服务承诺' },
      ...copied(false),
      { h: 1, text: '服务时限（改写）' },
      ...copied(true),
      { h: 1, text: '驻场服务' },
      {
        p: '我公司在项目现场设立驻场服务点，由驻场工程师负责日常巡视、操作指导和应急处置，并按月向采购人报告设备运行情况。',
      },
    ]);
    const r = await importWord(docx, 'old-plan.docx', builtin);
    const [same, reworded, fresh] = r.candidates as [WordCandidate, WordCandidate, WordCandidate];
    expect(same.mark).toBe('duplicate');
    expect(same.duplicates[0]).toMatchObject({ clauseId: 'service-commitment', variant: '标准' });
    expect(same.duplicates[0]!.similarity).toBeGreaterThanOrEqual(0.9);
    // A figure no phrasing names (回复 after other words) becomes a variable named by its item, and the body renders.
    expect(same.variables).toEqual([
      expect.objectContaining({ type: 'duration', label: '电话响应', default: { value: 30, unit: '分钟' } }),
    ]);
    for (const c of [same, reworded, fresh])
      expect(render(c).problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(reworded.mark).toBe('near');
    expect(reworded.duplicates[0]).toMatchObject({ clauseId: 'service-commitment' });
    expect(fresh.mark).toBe('new');
    expect(fresh.duplicates).toEqual([]);
  });

  it('合并：两段正文、承诺和标记合在前一个候选里', async () => {
    const r = await importWord(await wordDocx(STYLED), 'a.docx', []);
    const [a, b] = r.candidates as [WordCandidate, WordCandidate];
    const m = mergeCandidates(a, b);
    expect(m.title).toBe(a.title);
    expect(m.body).toBe(`${a.body}\n\n${b.body}`);
    expect(m.facts.map((f) => f.id)).toEqual([...a.facts, ...b.facts].map((f) => f.id));
  });
});
