// The built-in library written on facts, continued: after-warranty service, old projects switched to these variants,
// the installer's times in the agreement, the warranty card's periods, clause bodies free of figures,
// {{#eachItem}} rows and the newer kinds of promise.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHandlers } from '@core/api/handlers.js';
import { createLocalClient } from '@core/api/localClient.js';
import { assemble } from '@core/assemble/assemble.js';
import { withFacts } from '@core/commitments/resolve.js';
import { commitmentSchema, type Commitment } from '@core/commitments/schema.js';
import { factLabel, factPhrase } from '@core/commitments/phrase.js';
import type { Project } from '@core/model/project.js';
import { parseProjectText } from '@core/project/parse.js';
import { clause, library, project, textOf } from '../helpers/library.js';
import { templatesDir } from '../helpers/paths.js';
import { chapter, drop, expectNumberingClosed, expectTraced, LEGACY, sample } from './atomicSample.js';

/** The clause files this suite covers: every variant written on facts after the first five. */
const FILES = [
  'contacts--facts.md',
  'warranty-terms--facts.md',
  'inspection--facts.md',
  'spare-parts--facts.md',
  'training-plan--facts.md',
  'complaints--facts.md',
  'out-of-warranty-fees--facts.md',
  'service-network--facts.md',
  'service-commitment--timeline.md',
  'software-maintenance--facts.md',
  'exclusions--facts.md',
  'emergency-plan--facts.md',
  'parts-price-list.md',
  'after-warranty--facts.md',
  'ia-scheduling--facts.md',
  'wc-periods--facts.md',
];
describe('质保期满后服务（逐项承诺）', () => {
  /** The sample with 质保期满后服务 in place of 保修期外收费标准 (a bid uses one or the other). */
  const afterWarranty = (p: Project = sample()): Project => {
    const outline = p.outline!['service-plan-full']!.map((s) =>
      s.title === '保修期外收费标准'
        ? { title: '质保期满后服务', clauses: [{ id: 'after-warranty', variant: '逐项承诺' }] }
        : s,
    );
    return { ...p, outline: { 'service-plan-full': outline } };
  };
  const api = () => createLocalClient(createHandlers({ templatesDir }));

  it('响应和到场时限、维保合同和各项收费取自承诺', async () => {
    const r = await api().preview({ project: afterWarranty() });
    expect(r.problems).toEqual([]);
    const text = chapter(r.document.blocks, '质保期满后服务');
    expect(text).toContain(
      '1.持续响应：质保期满后的报修，自接到报修通知起30分钟内作出响应；需要上门处理的，自接到报修通知起4小时内到达现场，与质保期内的时限相同。',
    );
    expect(text).toContain('2.维保合同：采购人可自愿签订年度维保合同，年度维保服务费为¥18,000.00/年。');
    expect(text).toContain('3.零部件：保修期外零部件价格按零部件报价清单收取（单价见附件1）。');
    expect(text).toContain('4.人工：保修期外人工费全免。');
    expectNumberingClosed(text);
    expectTraced(afterWarranty(), r.document.blocks, ['质保期满后服务']);
  });

  it('不承诺年费和响应时限时，只写到场和收费，编号接上', async () => {
    const r = await api().preview({ project: afterWarranty(drop(drop(sample(), 'annual_fee'), 'respond')) });
    expect(r.problems).toEqual([]);
    const text = chapter(r.document.blocks, '质保期满后服务');
    expect(text).toContain('1.持续响应：质保期满后的报修，自接到报修通知起4小时内到达现场，与质保期内的时限相同。');
    expect(text).not.toMatch(/维保合同|作出响应|18,000/);
    expect(text).toContain('2.零部件：');
    expectNumberingClosed(text);
  });
});

describe('没有承诺清单的旧项目换用这些变体', () => {
  /** The full sample as saved before facts (its promises are variables) with today's chapters, without annexes. */
  const legacy = (): Project => {
    const old = parseProjectText(readFileSync(join(LEGACY, 'service-plan-full-sample.json'), 'utf8'), 'legacy');
    const outline = sample().outline!['service-plan-full']!.filter((s) => !s.title.startsWith('附件'));
    return { ...old, outline: { 'service-plan-full': outline } };
  };

  it('变量中的数值作为承诺印出，没有错误', async () => {
    const r = await createLocalClient(createHandlers({ templatesDir })).preview({ project: legacy() });
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const blocks = r.document.blocks;
    expect(chapter(blocks, '定期巡检与保养')).toContain('3.现场巡检：每年现场巡检4次');
    expect(chapter(blocks, '保修条款')).toContain('1.整机保修：所供货物整机保修36个月，自验收合格之日起计算。');
    expect(chapter(blocks, '保修期外收费标准')).toContain('1.零部件：保修期外零部件价格按报价清单下浮10%收取。');
    expect(chapter(blocks, '投诉处理与回访')).not.toContain('上门沟通');
  });
});

describe('安装外包协议：乙方的售后时限读取安装服务商的承诺', () => {
  const agreement = (): Project => {
    const p = parseProjectText(
      readFileSync(join(templatesDir, 'samples', 'install-agreement-sample.json'), 'utf8'),
      'ia',
    );
    const bp = JSON.parse(readFileSync(join(templatesDir, 'blueprints', 'install-agreement.json'), 'utf8')) as {
      sections: { title: string; clauses: { id: string; variant: string }[] }[];
    };
    const sections = bp.sections.map((s) => ({
      title: s.title,
      clauses: s.clauses.map((c) => (c.id === 'ia-scheduling' ? { ...c, variant: '逐项承诺' } : c)),
    }));
    return withFacts({ ...p, outline: { 'install-agreement': sections } });
  };
  const api = () => createLocalClient(createHandlers({ templatesDir }));

  it('到场和修复时限连同起算时点写明', async () => {
    const r = await api().preview({ project: agreement() });
    expect(r.problems).toEqual([]);
    const text = chapter(r.document.blocks, '派单与施工安排');
    expect(text).toContain('3.售后到场：已安装设备发生故障需上门处理的，乙方应自接到报修通知起2小时内到达现场。');
    expect(text).toContain('4.售后修复：乙方应在工程师到达现场后24小时内排除故障，恢复设备正常使用；');
    expectNumberingClosed(text);
  });

  it('未约定修复时限时不写这一项，后面的编号接上', async () => {
    const r = await api().preview({ project: drop(agreement(), 'installer_fix') });
    expect(r.problems).toEqual([]);
    const text = chapter(r.document.blocks, '派单与施工安排');
    expect(text).not.toContain('售后修复');
    expect(text).toContain('4.施工效率：');
    expectNumberingClosed(text);
  });
});

describe('保修卡：各部件的保修期和截止日期取自承诺', () => {
  const card = (): Project => {
    const p = parseProjectText(readFileSync(join(templatesDir, 'samples', 'warranty-card-sample.json'), 'utf8'), 'wc');
    const bp = JSON.parse(readFileSync(join(templatesDir, 'blueprints', 'warranty-card.json'), 'utf8')) as {
      sections: { title: string; clauses: { id: string; variant: string }[] }[];
    };
    const sections = bp.sections.map((s) => ({
      ...s,
      clauses: s.clauses.map((c) => (c.id === 'wc-periods' ? { ...c, variant: '逐项承诺' } : c)),
    }));
    return withFacts({ ...p, outline: { 'warranty-card': sections } });
  };
  const api = () => createLocalClient(createHandlers({ templatesDir }));
  const periods = async (p: Project) => {
    const r = await api().preview({ project: p });
    expect(r.problems).toEqual([]);
    return chapter(r.document.blocks, '部件保修期限');
  };

  it('逐行列出承诺的部件，截止日期由购买日期推算', async () => {
    expect(await periods(card())).toContain(
      '保修部件|保修期限|保修截止日期\n整机|72个月|2032年11月24日\n压缩机|72个月|2032年11月24日\n水箱内胆|72个月|2032年11月24日\n管路及电气部件|12个月|2027年11月24日',
    );
  });

  it('未承诺的部件不列；以天计的保修期按日推算', async () => {
    const p = drop(card(), 'warranty_tank');
    const q = {
      ...p,
      commitments: [
        ...p.commitments!,
        {
          id: 'warranty_remote',
          kind: 'warranty',
          offered: true,
          period: { value: 90, unit: '天' },
          scope: { component: '遥控器' },
        } as Commitment,
      ],
    };
    const text = await periods(q);
    expect(text).not.toContain('水箱内胆');
    expect(text).toContain('遥控器|90天|2027年2月22日');
  });

  it('{{until}} 只用于已承诺的期限，并需要一个日期', () => {
    const facts: Commitment[] = [
      { id: 'warranty', kind: 'warranty', offered: true, period: { value: 3, unit: '年' } },
      { id: 'arrive', kind: 'arrive', offered: true, within: { value: 2, unit: '小时' }, from: 'notice' },
      { id: 'latent_defect', kind: 'latent_defect', offered: false, period: { value: 24, unit: '个月' } },
    ];
    const run = (body: string) =>
      assemble(
        project({ d: '2026-01-31' }, { commitments: facts }),
        library([{ title: '甲', clauses: [clause('x', body, [{ key: 'd', type: 'date', label: '日期' }])] }]),
      );
    expect(textOf(run('截至{{until "warranty" d}}。').document.blocks)).toContain('截至2029年1月31日。');
    for (const body of [
      '{{until "arrive" d}}',
      '{{until "latent_defect" d}}',
      '{{until "warranty" "2026-01-31"}}',
      '{{until d}}',
    ]) {
      expect([body, run(body).problems.map((p) => p.code)]).toEqual([body, ['template']]);
    }
  });
});

describe('条款正文不写数字和服务时间', () => {
  it.each(FILES)('%s 的正文在 Handlebars 表达式之外没有数字、7×24 或 5×8', (file) => {
    const raw = readFileSync(join(templatesDir, 'clauses', file), 'utf8');
    const body = raw.split(/^---$/m).slice(2).join('---');
    const text = body.replace(/\{\{[^}]*\}\}/g, '').replace(/^\s*1\. /gm, '');
    expect(text).not.toMatch(/\d|[０-９]|7×24|7x24|5×8|5x8|全天候|二十四小时|节假日不休/);
    // No section of the document is named in the text: annexes go through {{annex}}.
    expect(text).not.toMatch(/见第|详见本|附件[一二三四五六七八九十]/);
  });

  it('所列文件就是本组全部的新变体', () => {
    const files = readdirSync(join(templatesDir, 'clauses'));
    for (const f of FILES) expect(files).toContain(f);
  });
});

describe('按产品或部件逐行列出的承诺：{{#eachItem}}', () => {
  const BODY = [
    '{{#anyItem "warranty"}}',
    '| 部件 | 保修期 | 起算 |',
    '| --- | --- | --- |',
    '{{#eachItem "warranty"}}',
    '| {{itemName}} | {{figure}} | {{itemStart}} |',
    '{{/eachItem}}',
    '{{else}}',
    '无分项保修。',
    '{{/anyItem}}',
  ].join('\n');
  const lib = library([{ title: '保修', clauses: [clause('w', BODY)] }]);
  const FACTS: Commitment[] = [
    { id: 'warranty', kind: 'warranty', offered: true, period: { value: 3, unit: '年' }, from: 'acceptance' },
    {
      id: 'warranty_tank',
      kind: 'warranty',
      offered: true,
      period: { value: 8, unit: '年' },
      separate: true,
      scope: { component: '水箱内胆' },
    },
    {
      id: 'warranty_pipes',
      kind: 'warranty',
      offered: false,
      period: { value: 1, unit: '年' },
      scope: { component: '管路' },
    },
    {
      id: 'warranty_app',
      kind: 'warranty',
      offered: true,
      period: { value: 12, unit: '个月' },
      from: 'installation',
      scope: { product: '监控平台', component: '软件' },
    },
  ];
  const render = (facts: Commitment[], body = lib) => assemble(project({}, { commitments: facts }), body);

  it('只列出承诺了的产品或部件，不含整机，按事实的顺序', () => {
    const a = render(FACTS);
    expect(a.problems).toEqual([]);
    expect(textOf(a.document.blocks)).toContain(
      '部件|保修期|起算\n水箱内胆|8年|同整机\n监控平台软件|12个月|安装调试完成之日',
    );
    expect(textOf(a.document.blocks)).not.toContain('管路');
  });

  it('只写「整机」部件的承诺与整机承诺是同一项：有整机承诺时不再单列一行，没有时照列', () => {
    const unitAgain: Commitment = {
      id: 'warranty_card_unit',
      kind: 'warranty',
      offered: true,
      period: { value: 3, unit: '年' },
      scope: { component: '整机' },
    };
    const both = textOf(render([...FACTS, unitAgain]).document.blocks);
    expect(both).not.toMatch(/\n整机\|/);
    expect(both).toContain('水箱内胆|8年|同整机');
    const alone = textOf(render([unitAgain, ...FACTS.slice(1)]).document.blocks);
    expect(alone).toContain('整机|3年|—');
  });

  it('部件未写起算时点、整机也未承诺时，起算一栏不写「同整机」', () => {
    const text = textOf(render(FACTS.slice(1)).document.blocks);
    expect(text).toContain('水箱内胆|8年|—');
    expect(text).not.toContain('同整机');
  });

  it('没有分项承诺时走 {{else}}', () => {
    expect(textOf(render(FACTS.slice(0, 1)).document.blocks)).toContain('无分项保修。');
  });

  it('在 {{#eachItem}} 之外用 {{itemName}} 或不带编号的 {{figure}} 报错', () => {
    for (const body of ['{{itemName}}', '{{figure}}']) {
      const a = render(FACTS, library([{ title: '甲', clauses: [clause('x', body)] }]));
      expect(a.problems.map((p) => p.code)).toEqual(['template']);
    }
  });

  it('eachItem 需要一个承诺种类', () => {
    const a = render(
      FACTS,
      library([{ title: '甲', clauses: [clause('x', '{{#eachItem "warranty_tank"}}x{{/eachItem}}')] }]),
    );
    expect(a.problems.map((p) => p.code)).toEqual(['template']);
    expect(a.problems[0]!.message).toContain('承诺种类');
  });
});

describe('新增的承诺种类', () => {
  it('上门预约的提前时间：「计划性上门服务至少提前1个工作日预约」', () => {
    const c = commitmentSchema.parse({ id: 'book_ahead', kind: 'book_ahead', ahead: { value: 1, unit: '工作日' } });
    expect(factPhrase(c)).toBe('计划性上门服务至少提前1个工作日预约，并按约定时间到达');
    expect(factLabel(c)).toBe('上门服务预约提前时间');
  });

  it('投诉的上门走访有自己的时限，不借用报修到场时限', () => {
    const c = commitmentSchema.parse({
      id: 'complaint_visit',
      kind: 'complaint_visit',
      within: { value: 24, unit: '小时' },
      from: 'complaint',
    });
    expect(factPhrase(c)).toBe('自接到投诉起24小时内上门走访投诉人，当面沟通处理意见');
    expect(factLabel(c)).toBe('投诉上门走访时限');
  });
});
