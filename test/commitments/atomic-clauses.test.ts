// The built-in clauses written on facts (variant 逐项承诺): each numbered promise appears only when it is made,
// no figure or hours claim is written into the text, and they run through preview, check and export like any clause.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '@core/api/handlers.js';
import { createLocalClient } from '@core/api/localClient.js';
import type { ApiHandlers } from '@core/api/contract.js';
import { withFacts } from '@core/commitments/resolve.js';
import type { Commitment } from '@core/commitments/schema.js';
import type { Block } from '@core/model/document.js';
import type { Project } from '@core/model/project.js';
import { parseProjectText } from '@core/project/parse.js';
import { textOf } from '../helpers/library.js';
import { legacyOutline } from './legacyFixtures.js';
import { templatesDir } from '../helpers/paths.js';

const ON_FACTS = new Set(['service-commitment', 'fault-levels', 'post-repair-warranty']);
/** Projects saved before facts: the samples as they were shipped then, their promises in variables. */
const LEGACY = join(import.meta.dirname, 'fixtures', 'legacy');

/** The full service plan saved before facts, with three of its promise sections switched to the 逐项承诺 variants. */
function sample(): Project {
  const p = parseProjectText(readFileSync(join(LEGACY, 'service-plan-full-sample.json'), 'utf8'), 'sample');
  // The outline such a project had then: the blueprint as it was shipped with it.
  const sections = legacyOutline('service-plan-full').map((s) => ({
    title: s.title,
    clauses: s.clauses.map((c) => (ON_FACTS.has(c.id) ? { ...c, variant: '逐项承诺' } : c)),
  }));
  // The atomic clause makes no promise about the age of stocked spares: the sample's figure for it goes.
  const { spare_shelf_years: _shelf, ...values } = p.values;
  return { ...p, values, outline: { 'service-plan-full': sections } };
}

/** The text of one chapter, by its title. */
function chapter(blocks: Block[], title: string): string {
  const start = blocks.findIndex((b) => b.kind === 'heading' && b.level === 1 && b.text === title);
  const end = blocks.findIndex((b, i) => i > start && b.kind === 'heading' && b.level === 1);
  return textOf(blocks.slice(start + 1, end < 0 ? undefined : end));
}

const setFact = (p: Project, id: string, patch: Partial<Commitment>): Project => ({
  ...p,
  commitments: p.commitments!.map((c) => (c.id === id ? ({ ...c, ...patch } as Commitment) : c)),
});

describe('逐项承诺的条款', () => {
  let api: ApiHandlers;
  beforeAll(() => {
    api = createLocalClient(createHandlers({ templatesDir }));
  });

  it('旧项目的数值直接印成承诺，检查没有问题', async () => {
    const r = await api.preview({ project: sample() });
    expect(r.problems).toEqual([]);
    const text = chapter(r.document.blocks, '服务承诺');
    expect(text).toContain('1.响应：自接到报修通知起30分钟内作出响应，由专业工程师了解故障现象并提出初步处置意见。');
    expect(text).toContain('2.到达现场：需要上门处理的故障，自接到报修通知起2小时内到达现场。');
    expect(text).toContain('3.排除故障：工程师到达现场后24小时内排除故障，恢复设备正常运行。');
  });

  it('服务时间按承诺写：办公时间的热线不写成 7×24', async () => {
    const text = chapter((await api.preview({ project: sample() })).document.blocks, '服务承诺');
    expect(text).toContain('服务热线的服务时间为周一至周五 9:00–18:00，周六、周日 10:00–16:00。');
    expect(text).not.toContain('7×24');
  });

  it('承诺 7×24 时才写 7×24', async () => {
    const p = setFact(withFacts(sample()), 'hotline_hours', {
      schedule: '7x24',
      text: undefined,
    } as Partial<Commitment>);
    expect(chapter((await api.preview({ project: p })).document.blocks, '服务承诺')).toContain(
      '服务热线7×24小时受理报修，节假日不休。',
    );
  });

  it('不提供备用设备时不留下这一句，其余编号接上', async () => {
    const p = setFact(withFacts(sample()), 'standby', { offered: false });
    const r = await api.preview({ project: p });
    const text = chapter(r.document.blocks, '服务承诺');
    expect(text).not.toContain('备用设备');
    expect(r.problems).toEqual([]);
    expect(text).toMatch(/3\.排除故障：[^\n]*$/);
  });

  it('故障分级表只列出有承诺的等级，时限连同起算时点写明', async () => {
    const text = chapter((await api.preview({ project: sample() })).document.blocks, '故障分级与响应');
    expect(text).toContain('一级|设备停机或系统瘫痪，业务全面中断|自接到报修通知起2小时内|工程师到达现场后4小时内');
    expect(text).not.toContain('四级');
  });

  it('维修后保修的各项独立：不承诺重复故障更换时，其余三项照常', async () => {
    const p = setFact(withFacts(sample()), 'replace_after_repairs', { offered: false });
    const text = chapter((await api.preview({ project: p })).document.blocks, '维修后保修与更换规则');
    expect(text).toContain('1.维修部件保修：维修部件保修期为3个月，自修复之日起计算');
    expect(text).toContain('3.停机后重新计算：因质量问题造成设备停机超过20天的，整机保修期自设备修复之日起重新计算。');
    expect(text).not.toMatch(/累计维修|库存/);
  });

  it('这些章节里的每个数字都来自承诺或编号', async () => {
    const p = withFacts(sample());
    const blocks = (await api.preview({ project: p })).document.blocks;
    const figures = new Set(p.commitments!.flatMap((c) => JSON.stringify(c).match(/\d+(\.\d+)?/g) ?? []));
    for (const title of ['服务承诺', '故障分级与响应', '维修后保修与更换规则']) {
      const text = chapter(blocks, title)
        .replace(/^\d+\./gm, '')
        .replace(/400-800-1234/g, '');
      for (const n of text.match(/\d+(\.\d+)?/g) ?? []) expect([title, n, figures.has(n)]).toEqual([title, n, true]);
    }
  });

  it('经 API 导出 DOCX 与 PDF', async () => {
    for (const format of ['docx', 'pdf'] as const) {
      const { bytes } = await api.exportDocument({ project: withFacts(sample()), format });
      expect(bytes.length).toBeGreaterThan(1000);
    }
  });
});

describe('承诺书逐项列出承诺', () => {
  const letter = (): Project => {
    const p = parseProjectText(readFileSync(join(LEGACY, 'commitment-letter-sample.json'), 'utf8'), 'letter');
    const bp = JSON.parse(readFileSync(join(templatesDir, 'blueprints', 'commitment-letter.json'), 'utf8')) as {
      sections: { title: string; clauses: { id: string; variant: string }[] }[];
    };
    const sections = bp.sections.map((s) => ({
      title: s.title,
      clauses: s.clauses.map((c) => (c.id === 'cl-commitments' ? { ...c, variant: '逐项承诺' } : c)),
    }));
    return { ...p, outline: { 'commitment-letter': sections } };
  };
  const api = () => createLocalClient(createHandlers({ templatesDir }));

  it('旧项目的数值逐项列出，检查没有问题', async () => {
    const r = await api().preview({ project: letter() });
    expect(r.problems).toEqual([]);
    const text = textOf(r.document.blocks);
    expect(text).toContain('1.质保期限：所供货物整机保修36个月，自验收合格之日起计算。');
    expect(text).toContain('2.报修渠道：开通服务热线400-800-1234受理报修。');
    expect(text).toContain('定期维护：质保期内每年现场巡检4次，每年免费保养2次。');
    expect(text).toContain('技术培训：自验收合格之日起2天内开展现场培训，现场培训累计不少于4天。');
    expect(text).not.toContain('7×24');
  });

  it('只承诺保养、不承诺巡检时，这一项只写保养', async () => {
    const p = setFact(withFacts(letter()), 'inspect', { offered: false });
    const text = textOf((await api().preview({ project: p })).document.blocks);
    expect(text).toContain('定期维护：质保期内每年免费保养2次。');
    expect(text).not.toContain('巡检');
  });

  it('写明免费范围和服务时间的承诺照写', async () => {
    let p = setFact(withFacts(letter()), 'warranty', { covers: ['parts', 'labour'] } as Partial<Commitment>);
    p = {
      ...p,
      commitments: [...p.commitments!, { id: 'hotline_hours', kind: 'service_hours', offered: true, schedule: '5x8' }],
    };
    const text = textOf((await api().preview({ project: p })).document.blocks);
    expect(text).toContain('所供货物整机保修36个月，自验收合格之日起计算；期内维修所需的零部件和人工费用由我方承担。');
    expect(text).toContain('开通服务热线400-800-1234，服务热线于工作日每日8小时受理报修。');
  });
});
