// The built-in library written on facts, beyond the first five: service hours and channels, warranty per product
// and component, inspection cycles, spare parts, training, complaints, out-of-warranty terms, service network,
// the whole timeline of a repair, software maintenance and exclusions. Each numbered promise appears with its fact's
// figure when the fact is offered, and leaves no sentence and no number behind when it is not. Rendered through
// the real path (the API's preview) from the sample templates/samples/service-plan-full-sample.json.
// (More of the library — after-warranty, old projects, the agreement, the card, {{#eachItem}} — in
// atomic-library-more.test.ts.)
import { beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '@core/api/handlers.js';
import { createLocalClient } from '@core/api/localClient.js';
import type { ApiHandlers } from '@core/api/contract.js';
import { assemble } from '@core/assemble/assemble.js';
import type { Commitment } from '@core/commitments/schema.js';
import type { Block } from '@core/model/document.js';
import type { Project } from '@core/model/project.js';
import { clause, library, project } from '../helpers/library.js';
import { templatesDir } from '../helpers/paths.js';
import { chapter, drop, expectNumberingClosed, expectTraced, sample, setFact } from './atomicSample.js';

const CHAPTERS = [
  '服务承诺',
  '服务网络与人员配置',
  '保修条款',
  '免责条款',
  '保修期外收费标准',
  '定期巡检与保养',
  '备品备件',
  '培训计划',
  '投诉处理与回访',
  '应急预案',
  '软件维护与升级',
  '联系方式',
];

/** [chapter, fact, what the chapter says when the fact is offered, what is gone when it is not]. */
const CASES: [string, string, string, string][] = [
  [
    '服务承诺',
    'respond',
    '1.响应：自接到报修通知起30分钟内作出响应，由工程师与报修人联系，初步判断故障原因。',
    '响应：',
  ],
  [
    '服务承诺',
    'remote_fix',
    '2.远程处理：能够远程处理的故障，自接到报修通知起2小时内通过电话或远程方式排除故障。',
    '远程处理：',
  ],
  ['服务承诺', 'arrive', '3.到达现场：需要上门处理的故障，自接到报修通知起4小时内到达现场。', '到达现场：'],
  ['服务承诺', 'diagnose', '4.查明原因：工程师到达现场后2小时内查明故障原因，并告知采购人。', '查明原因：'],
  [
    '服务承诺',
    'propose',
    '5.处理方案：短时间内无法修复的，工程师到达现场后8小时内提交书面处理方案，经采购人确认后实施。',
    '处理方案：',
  ],
  ['服务承诺', 'fix', '6.排除故障：工程师到达现场后24小时内排除故障，恢复设备正常运行。', '排除故障：'],
  ['服务承诺', 'escalate', '7.升级处理：工程师到达现场后12小时内仍未解决的，升级至技术负责人督办。', '升级处理：'],
  [
    '服务承诺',
    'report',
    '8.故障报告：故障排除后3个工作日内提交书面故障分析报告，说明故障原因、处理过程和预防措施。',
    '故障报告：',
  ],
  ['服务承诺', 'call_back', '9.回访：每次服务完成后2天内进行回访，了解服务质量。', '回访：'],
  ['服务承诺', 'hotline_hours', '服务热线的服务时间为周一至周五 9:00–18:00。', '服务热线的服务时间'],
  ['服务网络与人员配置', 'service_centres', '服务中心：23个', '服务中心：'],
  ['服务网络与人员配置', 'engineers', '专业服务工程师：110名', '专业服务工程师'],
  [
    '服务网络与人员配置',
    'dedicated_engineers',
    '我公司为本项目配备专职工程师2名，负责日常维护、故障处理和技术咨询；',
    '专职工程师',
  ],
  [
    '保修条款',
    'warranty',
    '1.整机保修：所供货物整机保修3年，自验收合格之日起计算；期内维修所需的零部件、人工和差旅费用由我方承担。',
    '整机保修',
  ],
  ['保修条款', 'warranty_compressor', '压缩机|5年|验收合格之日', '压缩机'],
  ['保修条款', 'warranty_controls', '电气控制部件|1年|同整机', '电气控制部件'],
  [
    '保修条款',
    'doa_replace',
    '3.到货故障更换：自货物签收之日起15天内出现非人为性能故障的，免费更换同型号新品。',
    '到货故障更换',
  ],
  ['保修条款', 'latent_defect', '4.潜在缺陷保证：潜在缺陷保证期为24个月，自质保期满之日起计算', '潜在缺陷'],
  ['保修期外收费标准', 'parts_price', '1.零部件：保修期外零部件价格按零部件报价清单收取（单价见附件1）。', '零部件：'],
  ['保修期外收费标准', 'labour_fee', '2.人工：保修期外人工费全免。', '人工：'],
  ['保修期外收费标准', 'travel_fee', '3.差旅：保修期外差旅费全免。', '差旅：'],
  [
    '保修期外收费标准',
    'annual_fee',
    '4.维保合同：采购人选择签订年度维保合同的，年度维保服务费为¥18,000.00/年。',
    '维保合同',
  ],
  ['定期巡检与保养', 'first_visit', '1.首次回访：自验收合格之日起1个月内进行首次上门回访', '首次回访'],
  ['定期巡检与保养', 'phone_check', '2.电话回访：每月电话回访1次', '电话回访'],
  ['定期巡检与保养', 'inspect', '3.现场巡检：每季度现场巡检1次', '巡检1次'],
  ['定期巡检与保养', 'maintain', '4.保养：每年免费保养2次', '保养2次'],
  ['定期巡检与保养', 'inspection_report', '5.书面报告：每次服务完成后3个工作日内提交书面巡检报告', '书面报告'],
  ['定期巡检与保养', 'book_ahead', '6.预约：计划性上门服务至少提前1个工作日预约，并按约定时间到达；', '预约'],
  ['备品备件', 'parts_supply', '1.供应保障：备件供应保障期为8年，自验收合格之日起计算；', '供应保障'],
  [
    '备品备件',
    'deliver_parts',
    '2.备件发出：自确认备件需求起2天内发出所需备品备件，并将发货信息告知采购人。',
    '备件发出',
  ],
  ['备品备件', 'parts_warehouses', '3.备件仓储：设有备件仓库12个，常用备件保持合理库存。', '备件仓'],
  ['培训计划', 'train_start', '1.培训时间：自验收合格之日起5天内开展现场培训，具体日期与采购人商定。', '培训时间：'],
  ['培训计划', 'train', '2.培训时长：现场培训累计不少于3天，受训人员不少于12名。', '培训时长'],
  ['投诉处理与回访', 'complaint_reply', '1.答复：自接到投诉起2小时内答复投诉人，说明核查情况和拟采取的措施。', '答复'],
  [
    '投诉处理与回访',
    'complaint_visit',
    '2.上门沟通：需要当面处理的投诉，自接到投诉起24小时内上门走访投诉人，当面沟通处理意见。',
    '上门',
  ],
  [
    '投诉处理与回访',
    'complaint_close',
    '3.办结：自接到投诉起3个工作日内办结投诉，并将处理结果书面告知投诉人。',
    '办结：',
  ],
  ['投诉处理与回访', 'call_back', '4.服务回访：每次服务完成后2天内进行回访', '服务回访'],
  ['投诉处理与回访', 'satisfaction', '5.服务目标：用户满意度不低于98%。', '满意度不低于'],
  [
    '应急预案',
    'arrive_emergency',
    '2.紧急出动：远程无法排除的，应急工程师携带备件和专用工具赶赴现场，自接到报修通知起2小时内到达。',
    '起2小时内到达',
  ],
  [
    '应急预案',
    'fix_emergency',
    '3.快速恢复：工程师到达现场后4小时内通过更换部件、启用备用设备或调整运行方式等措施恢复基本功能，随后组织彻底修复。',
    '后4小时内通过',
  ],
  [
    '应急预案',
    'report',
    '4.总结报告：处置期间随时向采购人通报进展；故障排除后3个工作日内提交书面报告，说明原因、处理经过和防范措施。',
    '总结报告',
  ],
  [
    '应急预案',
    'drill',
    '我公司会同采购人开展应急演练，每年1次，并根据演练效果、设备运行变化和采购人意见及时修订预案。',
    '开展应急演练',
  ],
  ['软件维护与升级', 'onsite_support', '1.技术支持期限：现场技术支持期为3年，自验收合格之日起计算。', '技术支持期'],
  ['软件维护与升级', 'remote_fix', '2.远程处理：自接到报修通知起2小时内通过电话或远程方式排除故障。', '远程处理：'],
  ['软件维护与升级', 'arrive_software', '3.现场处理：远程无法解决的，自接到报修通知起8小时内到达现场。', '现场处理：'],
  ['软件维护与升级', 'fix_software', '4.恢复运行：自接到报修通知起2个工作日内排除故障，恢复设备正常运行。', '恢复运行'],
  ['联系方式', 'hotline_hours', '1.服务热线的服务时间为周一至周五 9:00–18:00。', '服务热线的服务时间'],
  [
    '联系方式',
    'after_hours_hours',
    '2.服务热线服务时间以外，由值班工程师受理报修；非工作时间值班电话的服务时间为工作日 18:00 至次日 9:00，以及周末和法定节假日全天。',
    '值班工程师受理',
  ],
  ['联系方式', 'onsite_hours', '3.上门服务的服务时间为每日 8:00–20:00，紧急故障不受此限。', '上门服务的服务时间'],
  ['联系方式', 'book_ahead', '4.计划性上门服务至少提前1个工作日预约，并按约定时间到达；', '预约'],
];

describe('逐项承诺的条款（续）：每项承诺随其事实出现或消失', () => {
  let api: ApiHandlers;
  let blocks: Block[];
  beforeAll(async () => {
    api = createLocalClient(createHandlers({ templatesDir }));
    const r = await api.preview({ project: sample() });
    expect(r.problems).toEqual([]);
    blocks = r.document.blocks;
  });

  it.each(CASES)('%s：承诺 %s 时写明其时限或数值', (title, _id, offered) => {
    expect(chapter(blocks, title)).toContain(offered);
    expectNumberingClosed(chapter(blocks, title));
  });

  it.each(CASES)('%s：不承诺 %s 时不留下句子，编号接上', async (title, id, offered, gone) => {
    const r = await api.preview({ project: drop(sample(), id) });
    expect(r.problems).toEqual([]);
    const text = chapter(r.document.blocks, title);
    expect(text).not.toContain(gone);
    expect(text).not.toContain(offered);
    expectNumberingClosed(text);
  });

  it('不作任何承诺时，各章不留下引导语、空编号或数字', async () => {
    const r = await api.preview({ project: { ...sample(), commitments: [] } });
    // A chapter made only of promises is left empty, and the writer is told so.
    expect([...new Set(r.problems.map((p) => p.code))]).toEqual(['empty_section']);
    const values = Object.values(sample().values)
      .flat()
      .filter((v): v is string => typeof v === 'string');
    for (const title of CHAPTERS) {
      let text = chapter(r.document.blocks, title);
      for (const v of values) text = text.split(v).join('');
      expect([title, text]).not.toEqual([title, expect.stringMatching(/如下：$|如下：\n(?!\d+\.|•)/)]);
      expect([title, text.replace(/^\d+\./gm, '')]).not.toEqual([title, expect.stringMatching(/\d/)]);
      expectNumberingClosed(text);
    }
  });

  it('这些章节里的每个数字都来自承诺、计算结果或编号', async () => {
    const p = sample();
    expectTraced(p, (await api.preview({ project: p })).document.blocks, CHAPTERS);
  });

  it('条款自己写下的数字过不了这项检查', () => {
    const facts: Commitment[] = [
      { id: 'arrive', kind: 'arrive', offered: true, within: { value: 2, unit: '小时' }, from: 'notice' },
    ];
    const p = project({}, { commitments: facts });
    const a = assemble(
      p,
      library([
        { title: '甲', clauses: [clause('x', '{{#fact "arrive"}}{{promise "arrive"}}，到场后5小时内修复。{{/fact}}')] },
      ]),
    );
    expect(() => expectTraced(p, a.document.blocks, ['甲'])).toThrow(/'5', false/);
  });

  it('办公时间的热线与值班电话分列，不写 7×24', () => {
    expect(chapter(blocks, '联系方式')).not.toContain('7×24');
    expect(chapter(blocks, '服务承诺')).not.toContain('7×24');
  });

  it('承诺 7×24 时才写 7×24', async () => {
    const p = setFact(sample(), 'hotline_hours', { schedule: '7x24', text: undefined } as Partial<Commitment>);
    const text = chapter((await api.preview({ project: p })).document.blocks, '联系方式');
    expect(text).toContain('1.服务热线7×24小时受理报修，节假日不休。');
  });

  it('承诺 5×8 的热线写作工作日每日8小时', async () => {
    const p = setFact(sample(), 'hotline_hours', { schedule: '5x8', text: undefined } as Partial<Commitment>);
    expect(chapter((await api.preview({ project: p })).document.blocks, '服务承诺')).toContain(
      '服务热线于工作日每日8小时受理报修。',
    );
  });

  it('修复时限自报修起算、自到场起算或两者并用', async () => {
    const p = sample();
    const q = {
      ...p,
      commitments: [
        ...p.commitments!,
        {
          id: 'fix_from_notice',
          kind: 'fix',
          offered: true,
          within: { value: 48, unit: '小时' },
          from: 'notice',
        } as Commitment,
      ],
    };
    const both = chapter((await api.preview({ project: q })).document.blocks, '服务承诺');
    expect(both).toContain(
      '6.排除故障：工程师到达现场后24小时内排除故障，恢复设备正常运行，并确保自接到报修通知起48小时内修复。',
    );
    const r = await api.preview({ project: drop(q, 'fix') });
    expect(r.problems).toEqual([]);
    expect(chapter(r.document.blocks, '服务承诺')).toContain(
      '6.排除故障：自接到报修通知起48小时内排除故障，恢复设备正常运行。',
    );
  });

  it('紧急故障未单独承诺的时限按总体承诺写；两者都不承诺时这一步不出现', async () => {
    const general = chapter(
      (await api.preview({ project: drop(sample(), 'arrive_emergency') })).document.blocks,
      '应急预案',
    );
    expect(general).toContain(
      '2.紧急出动：远程无法排除的，应急工程师携带备件和专用工具赶赴现场，自接到报修通知起4小时内到达。',
    );
    const r = await api.preview({ project: drop(drop(sample(), 'arrive_emergency'), 'arrive') });
    const none = chapter(r.document.blocks, '应急预案');
    expect(none).not.toContain('紧急出动');
    expect(none).toContain('2.快速恢复');
    expectNumberingClosed(none);
  });

  it('不承诺演练时只写预案的修订', async () => {
    const text = chapter((await api.preview({ project: drop(sample(), 'drill') })).document.blocks, '应急预案');
    expect(text).toContain('我公司根据设备运行变化和采购人意见及时修订预案，确保预案切实可行。');
    expect(text).not.toContain('演练');
  });

  it('不承诺任何分项保修时不写分项保修，也不留表格', async () => {
    const p = drop(drop(sample(), 'warranty_compressor'), 'warranty_controls');
    const text = chapter((await api.preview({ project: p })).document.blocks, '保修条款');
    expect(text).not.toContain('分项保修');
    expect(text).not.toContain('产品或部件|');
    expect(text).toContain('2.到货故障更换');
  });

  it('按产品列出的保修期也进入分项表', async () => {
    const p = sample();
    const q = {
      ...p,
      commitments: [
        ...p.commitments!,
        {
          id: 'warranty_ahu',
          kind: 'warranty',
          offered: true,
          period: { value: 2, unit: '年' },
          from: 'installation',
          scope: { product: '组合式空调机组' },
        } as Commitment,
      ],
    };
    expect(chapter((await api.preview({ project: q })).document.blocks, '保修条款')).toContain(
      '组合式空调机组|2年|安装调试完成之日',
    );
  });

  it('零部件报价清单作为附件时，引用其计算出的附件编号；不作附件时不引用', async () => {
    expect(chapter(blocks, '附件1 零部件报价清单')).toContain('涡旋压缩机|ZR125KC-TFD|台|¥6,800.00|含冷冻油');
    const p = sample();
    const q: Project = { ...p, values: { ...p.values, parts_list_annex: false } };
    const r = await api.preview({ project: q });
    expect(chapter(r.document.blocks, '保修期外收费标准')).toContain(
      '1.零部件：保修期外零部件价格按零部件报价清单收取。',
    );
  });

  it('免收人工费和差旅费、只收零部件成本价的写法', async () => {
    const p = setFact(sample(), 'parts_price', { basis: 'cost' } as Partial<Commitment>);
    const text = chapter((await api.preview({ project: p })).document.blocks, '保修期外收费标准');
    expect(text).toContain('零部件价格按成本价收取');
    expect(text).toContain('人工费全免');
    expect(text).toContain('差旅费全免');
    expect(text).not.toContain('上门服务：');
  });

  it('经 API 导出 DOCX 与 PDF', async () => {
    for (const format of ['docx', 'pdf'] as const) {
      const { bytes } = await api.exportDocument({ project: sample(), format });
      expect(bytes.length).toBeGreaterThan(1000);
    }
  });
});
