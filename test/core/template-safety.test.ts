// Templates come from other people's packs: dangerous constructs are refused with a clear reason.
import { describe, expect, it } from 'vitest';
import { AnnexIndex, numberAnnexes } from '../../core/assemble/annex.js';
import { renderTemplate, Slots, TemplateError, validateTemplate } from '../../core/assemble/template.js';

describe('模板安全', () => {
  it.each([
    ['{{constructor}}', 'constructor'],
    ['{{__proto__}}', '__proto__'],
    ['{{a.constructor.name}}', 'a.constructor.name'],
    ['{{lookup this "constructor"}}', 'lookup'],
    ['{{{a}}}', '{{{ }}}'],
    ['{{> partial}}', '局部模板'],
    ['{{log a}}', 'log'],
  ])('refuses %s', (source, named) => {
    expect(() => validateTemplate(source)).toThrow(TemplateError);
    expect(() => validateTemplate(source)).toThrow(named);
  });

  it('refuses a template that expands beyond the output limit', () => {
    const rows = Array.from({ length: 5000 }, () => ({}));
    const source = '{{#each rows}}' + 'x'.repeat(1100) + '{{/each}}';
    expect(() => renderTemplate(source, { rows }, new Slots())).toThrow(/过长/);
  });

  it('reports a syntax error as a template error, not a crash', () => {
    expect(() => validateTemplate('{{#each items}}')).toThrow(/语法错误/);
  });

  it('still renders ordinary templates', () => {
    expect(renderTemplate('{{#if (gte n 24)}}长{{else}}短{{/if}}', { n: 36 }, new Slots())).toBe('长');
  });
});

describe('计算值', () => {
  const fill = (source: string, build: (s: Slots) => Record<string, unknown>) => {
    const slots = new Slots();
    return slots.fill(renderTemplate(source, build(slots), slots));
  };
  it('sums a money column exactly, as money', () => {
    const out = fill('{{sum rows "price"}}', (s) => ({ rows: [{ price: s.put('money', 10) }, { price: s.put('money', 20) }, { price: s.put('money', 1280000) }] }));
    expect(out).toBe('¥12,800.30');
  });
  it('multiplies a unit price by a quantity, in fen', () => {
    const out = fill('{{times fee n}}（{{rmb (times fee n)}}）', (s) => ({ fee: s.put('money', 8050), n: 20 }));
    expect(out).toBe('¥1,610.00（人民币壹仟陆佰壹拾元整）');
  });
  it('refuses to sum a text column', () => {
    expect(() => fill('{{sum rows "item"}}', (s) => ({ rows: [{ item: s.put('text', '上门') }] }))).toThrow(/not a number/);
  });
});

describe('sumProduct 与 annex 助手', () => {
  const fill = (source: string, build: (s: Slots) => Record<string, unknown>, annexes?: AnnexIndex) => {
    const slots = new Slots();
    return slots.fill(renderTemplate(source, build(slots), slots, annexes));
  };
  it('Σ 单价 × 数量，逐行取整到分', () => {
    const out = fill('{{sumProduct rows "price" "qty"}}', (s) => ({ rows: [{ price: s.put('money', 333), qty: 3 }, { price: s.put('money', 1), qty: 0.5 }] }));
    // 3.33 × 3 = 9.99; 0.01 × 0.5 = 0.005 → 0.01 (rounded per row, as an invoice line is).
    expect(out).toBe('¥10.00');
  });
  it('数量列不是数字时报错', () => {
    expect(() => fill('{{sumProduct rows "price" "qty"}}', (s) => ({ rows: [{ price: s.put('money', 1), qty: s.put('text', '三') }] }))).toThrow(/not a number/);
  });
  it('annex 解析为附件编号；没有附件索引时写出未找到的提示', () => {
    const index = new AnnexIndex(numberAnnexes(['附件 收费标准', '附件 偏离表']));
    expect(fill('见{{annex "偏离表"}}', () => ({}), index)).toBe('见附件2');
    expect(index.refs).toEqual([{ ref: '偏离表', resolved: '附件2' }]);
    expect(fill('见{{annex "偏离表"}}', () => ({}))).toBe('见【未找到附件：偏离表】');
  });
  it('annex 的参数必须是带引号的名称', () => {
    expect(() => fill('{{annex n}}', () => ({ n: 1 }))).toThrow(/annex/);
  });
});
