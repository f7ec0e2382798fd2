import { describe, expect, it } from 'vitest';
import { assemble } from '@core/assemble/assemble.js';
import { toTraditional } from '@core/format/script.js';
import { createHandlers } from '@core/api/handlers.js';
import { loadTemplates } from '@core/library/loadTemplates.js';

describe('繁體輸出', () => {
  it.each([
    ['售后服务方案', '售後服務方案'],
    ['保修期', '保修期'],
    ['压缩机', '壓縮機'],
    ['备用机', '備用機'],
    ['质保期满', '質保期滿'],
    ['发票', '發票'],
    ['验收合格之日', '驗收合格之日'],
    ['零部件', '零部件'],
    ['人民币壹万贰仟捌佰元整', '人民幣壹萬貳仟捌佰元整'],
    ['采购人', '採購人'],
    ['投标人', '投標人'],
    ['免责条款', '免責條款'],
    ['发布', '發布'],
    ['周一至周五 9:00–18:00', '週一至週五 9:00–18:00'],
    ['服务热线', '服務熱線'],
    ['费用包干', '費用包乾'],
    ['充分发挥', '充分發揮'],
  ])('%s → %s', (hans, hant) => {
    expect(toTraditional(hans)).toBe(hant);
  });

  it('a project with script hant comes out in Traditional characters everywhere, figures unchanged', async () => {
    const api = createHandlers({ templatesDir: 'templates' });
    const { project } = await api.openSample({ name: 'service-plan-sample' });
    const lib = await loadTemplates('templates');
    const { document, problems } = assemble({ ...project, script: 'hant' }, lib);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    const text = JSON.stringify(document.blocks);
    expect(text).toContain('服務承諾');
    expect(text).not.toContain('服务承诺');
    expect(text).toContain('400-800-1234');
    expect(document.meta.title).toBe(toTraditional(project.title));
  });
});
