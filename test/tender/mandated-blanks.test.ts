// Blanks inside a mandated 承诺书's sentences (#18 item 3): each takes our figure in the blank's unit when that is
// exact, our own wording (and a warning naming the sentence) when it is not; a blank whose promise we do not offer is
// a check error naming the sentence, so the letter is never exported with it blank.
import { beforeAll, describe, expect, it } from 'vitest';
import { projectFacts } from '@core/commitments/resolve.js';
import type { Commitment } from '@core/commitments/schema.js';
import { runsText } from '@core/model/document.js';
import type { Project } from '@core/model/project.js';
import { type BlankReport, fillFactBlanks, isFactLine } from '@core/tender/formsBlanks.js';
import { letterParts } from '@core/tender/formsFollow.js';
import type { TenderReading } from '@core/tender/model.js';
import { decide, tenderRecord, type ProjectTender } from '@core/tender/projectTender.js';
import { api } from '../helpers/sample.js';
import { tenderDocx, type Part } from './fixture.js';
import { CLOSING, LETTER_TITLE } from './mandatedFixture.js';

const fact = (c: object) => ({ offered: true, ...c }) as Commitment;
const ARRIVE = fact({ id: 'arrive', kind: 'arrive', within: { value: 2, unit: '小时' }, from: 'notice' });
const WARRANTY = fact({ id: 'warranty', kind: 'warranty', period: { value: 36, unit: '个月' }, from: 'acceptance' });
const INSPECT = fact({ id: 'inspect', kind: 'inspect', times: 1, every: { value: 3, unit: '个月' } });
const FIX_DAYS = fact({ id: 'fix', kind: 'fix', within: { value: 3, unit: '工作日' }, from: 'arrival' });
const FACTS = [ARRIVE, WARRANTY, INSPECT];

const fill = (line: string, facts: Commitment[] = FACTS) => {
  const report: BlankReport = { inexact: [], unfilled: [] };
  return { text: fillFactBlanks(line, facts, report), ...report };
};

describe('承诺书句中的空白', () => {
  it('按空白后的单位填入我方数值：单位相同照填，可精确换算的换算', () => {
    expect(fill('接到报修通知后＿＿小时内到达现场。')).toEqual({
      text: '接到报修通知后2小时内到达现场。',
      inexact: [],
      unfilled: [],
    });
    expect(fill('接到报修通知后____分钟内到达现场。').text).toBe('接到报修通知后120分钟内到达现场。');
    expect(fill('质保期为（  ）年，自验收合格之日起计算。').text).toBe('质保期为3年，自验收合格之日起计算。');
    expect(fill('质保期为＿＿个月。').text).toBe('质保期为36个月。');
    expect(fill('质保期内每年巡检＿＿次。').text).toBe('质保期内每年巡检4次。');
    // Two blanks in one sentence, each its own promise.
    expect(fill('接到报修通知后＿＿小时内到达现场，质保期为＿＿年。').text).toBe(
      '接到报修通知后2小时内到达现场，质保期为3年。',
    );
  });

  it('单位无法准确表示我方承诺时按我方措辞填写，并记下该句', () => {
    const line = '故障在＿＿小时内修复完毕。';
    const r = fill(line, [FIX_DAYS]);
    expect(r.text).toBe('故障在3个工作日内修复完毕。');
    expect(r.inexact).toEqual([line]);
    const odd = fact({ ...WARRANTY, period: { value: 40, unit: '个月' } });
    expect(fill('质保期为＿＿年。', [odd])).toMatchObject({ text: '质保期为40个月。', inexact: ['质保期为＿＿年。'] });
  });

  it('我方未承诺的事项：空白保留并记下该句', () => {
    const line = '免费培训不少于＿＿天。';
    expect(fill(line)).toEqual({ text: line, inexact: [], unfilled: [line] });
    const notOffered = fact({ ...ARRIVE, offered: false });
    expect(fill('接到报修通知后＿＿小时内到达现场。', [notOffered]).unfilled).toHaveLength(1);
  });

  it('含可识别承诺空白的句子保留在原文中，不被我方清单替换', () => {
    expect(isFactLine('接到报修通知后＿＿小时内到达现场。')).toBe(true);
    expect(isFactLine('1.＿＿＿＿＿＿＿＿')).toBe(false);
    const parts = letterParts(
      ['致：（采购人名称）', '我方郑重承诺：', '接到报修通知后＿＿小时内到达现场。', '质保期为＿＿年。', CLOSING].join(
        '\n',
      ),
      { purchaser: '滨江市第二中学' },
      FACTS,
    );
    expect(parts).toEqual({
      addressee: '致：滨江市第二中学',
      opening: ['我方郑重承诺：', '接到报修通知后2小时内到达现场。', '质保期为3年。'],
      closing: [CLOSING],
    });
  });
});

const LETTER = (sentences: string[]): Part[] => [
  { h: 1, text: '第六章 投标文件格式' },
  { h: 2, text: `格式一 ${LETTER_TITLE}` },
  { p: '致：（采购人名称）' },
  { p: '我方已详细阅读本项目招标文件，现郑重承诺如下：' },
  ...sentences.map((p) => ({ p })),
  { p: CLOSING },
  { p: '投标人（盖章）：＿＿＿＿＿＿＿＿' },
];

describe('按招标文件承诺书导出', () => {
  const a = api();
  let sample: Project;
  const withLetter = async (sentences: string[]) => {
    const reading = (await a.readTender({
      fileName: '招标文件.docx',
      data: Buffer.from(await tenderDocx(LETTER(sentences))).toString('base64'),
    })) as TenderReading & { sha256: string };
    let t: ProjectTender = tenderRecord(reading, '2026-12-07T08:00:00.000Z');
    t.rows.forEach((row, i) => {
      if (row.kind === 'format') t = decide(t, i, 'confirmed');
    });
    return t;
  };
  beforeAll(async () => {
    sample = (await a.openSample({ name: 'bid-package-sample' })).project;
  }, 60_000);

  it('空白填入项目的承诺数值；我方未承诺的空白是指明该句的错误', async () => {
    const arrive = projectFacts(sample).find((c) => c.id === 'arrive')!;
    expect('within' in arrive && arrive.within.unit).toBe('小时');
    const tender = await withLetter(['1. 接到报修通知后＿＿小时内到达现场。', '2. 接到报修电话后＿＿分钟内响应。']);
    // The bid does not offer a response time.
    const facts = projectFacts(sample).map((f) => (f.id === 'respond' ? { ...f, offered: false } : f));
    const project = { ...sample, commitments: facts, tender };
    const doc = (await a.preview({ project, document: 'commitment-letter' })).document;
    const paragraphs = doc.blocks.map((b) => ('runs' in b ? runsText(b.runs) : ''));
    const within = 'within' in arrive ? arrive.within.value : NaN;
    expect(paragraphs).toContain(`1. 接到报修通知后${within}小时内到达现场。`);
    const { problems } = await a.checkProject({ project });
    const unfilled = problems.filter((p) => p.code === 'mandated_blank_unfilled');
    expect(unfilled.map((p) => p.params?.sentence)).toEqual(['2. 接到报修电话后＿＿分钟内响应。']);
    expect(unfilled[0]!.severity).toBe('error');

    // Without that sentence, nothing blocks the export.
    const clean = { ...project, tender: await withLetter(['1. 接到报修通知后＿＿小时内到达现场。']) };
    const again = await a.checkProject({ project: clean });
    expect(again.problems.filter((p) => /^mandated_blank/.test(p.code))).toEqual([]);
  }, 60_000);

  it('单位无法精确表示时按我方措辞填写并警告', async () => {
    const tender = await withLetter(['1. 故障排除后＿＿小时内提交故障分析报告。']);
    const project = { ...sample, tender };
    const doc = (await a.preview({ project, document: 'commitment-letter' })).document;
    const text = doc.blocks.map((b) => ('runs' in b ? runsText(b.runs) : '')).join('\n');
    expect(text).toContain('1. 故障排除后3个工作日内提交故障分析报告。');
    const { problems } = await a.checkProject({ project });
    const own = problems.filter((p) => p.code === 'mandated_blank_own_wording');
    expect(own.map((p) => [p.severity, p.params?.sentence])).toEqual([
      ['warning', '1. 故障排除后＿＿小时内提交故障分析报告。'],
    ]);
  }, 60_000);
});
