// One document of a bid package through the API: preview and export name the document, the 偏离表 rows come with
// the preview, describeProject lists every document's fields, and an unknown document is refused.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHandlers } from '@core/api/handlers.js';
import { dispatch } from '@core/api/dispatch.js';
import { parseProjectText } from '@core/project/parse.js';
import { templatesDir } from '../helpers/paths.js';

const api = createHandlers({ templatesDir });
const pkg = parseProjectText(
  readFileSync(join(templatesDir, 'samples', 'bid-package-sample.json'), 'utf8'),
  'bid-package-sample.json',
);

describe('投标文件包中的单个文件', () => {
  it('预览指定的文件，并带回偏离表各行的计算结果', async () => {
    const r = await api.preview({ project: pkg, document: 'deviation-table' });
    expect(r.document.meta.projectName).toBe('售后服务偏离表');
    // Item 3.3: 24小时 against 「到场后3个工作日内」 is better (a working day is a day, never 8 hours).
    expect(r.deviations.map((d) => d.deviation)).toEqual([
      '正偏离',
      '无偏离',
      '正偏离',
      '无偏离',
      '正偏离',
      '无偏离',
      '负偏离',
      '无偏离',
    ]);
    // The accepted negative deviation (item 3.7) stays visible as a warning.
    expect(r.problems.map((p) => [p.severity, p.code])).toEqual([['warning', 'negative_deviation']]);
  });

  it('不指定文件时预览主文件；没有招标要求时偏离表为空', async () => {
    const r = await api.preview({ project: pkg });
    expect(r.document.meta.projectName).toBe('售后服务方案');
    const { requirements: _r, ...plain } = pkg;
    expect((await api.preview({ project: plain, document: 'deviation-table' })).deviations).toEqual([]);
  });

  it('导出其他文件时文件名是项目标题加上该文件的标题，不会覆盖主文件', async () => {
    const r = await api.exportDocument({ project: pkg, format: 'docx', document: 'install-agreement' });
    expect(r.fileName).toBe(`${pkg.title}-安装外包协议.docx`);
    expect((await api.exportDocument({ project: pkg, format: 'docx' })).fileName).toBe(`${pkg.title}.docx`);
  });

  it('项目中没有的文件被拒绝，并列出可用的文件', async () => {
    const r = await dispatch(api, 'preview', { project: pkg, document: 'service-plan-full' });
    expect(r).toMatchObject({ ok: false, error: { code: 'unknown_document' } });
    expect(JSON.stringify(r)).toContain('deviation-table');
    expect(await dispatch(api, 'preview', { project: pkg, document: 'Bad Name' })).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    });
  });

  it('表单列出所有文件的变量，每个变量只出现一次，按文件分组', async () => {
    const { fields } = await api.describeProject({ project: pkg });
    const keys = fields.map((f) => f.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(fields.find((f) => f.key === 'party_b_name')?.section).toMatch(/^安装外包协议 · /);
    expect(fields.find((f) => f.key === 'hotline')?.section).toMatch(/^售后服务方案 · /);
  });

  it('识别招标要求：提出关联变量的行，供编写人确认', async () => {
    const { proposals } = await api.recognizeRequirements({ text: '★3.9 接到报修后1小时内到达现场。' });
    expect(proposals.map((p) => p.requirement)).toEqual([
      {
        item: '3.9',
        text: '接到报修后1小时内到达现场',
        op: '<=',
        value: 1,
        unit: '小时',
        star: true,
        key: 'onsite_arrival',
      },
    ]);
  });

  it('大纲视图：当前文件的节与条款（含标题），以及蓝本的原样', async () => {
    const v = await api.describeOutline({ project: pkg, document: 'commitment-letter' });
    expect(v.blueprint).toBe('commitment-letter');
    expect(v.custom).toBe(false);
    expect(v.sections.length).toBe(v.defaults.length);
    expect(v.sections[0]!.clauses[0]).toMatchObject({ found: true });
    expect(typeof v.sections[0]!.clauses[0]!.title).toBe('string');
  });
});
