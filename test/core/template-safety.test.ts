// Templates come from other people's packs: dangerous constructs are refused with a clear reason.
import { describe, expect, it } from 'vitest';
import { AnnexIndex, numberAnnexes } from '@core/assemble/annex.js';
import { renderTemplate, Slots, TemplateError, validateTemplate } from '@core/assemble/template.js';

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
    const source = `{{#each rows}}${'x'.repeat(1100)}{{/each}}`;
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
    const out = fill('{{sum rows "price"}}', (s) => ({
      rows: [{ price: s.put('money', 10) }, { price: s.put('money', 20) }, { price: s.put('money', 1280000) }],
    }));
    expect(out).toBe('¥12,800.30');
  });
  it('multiplies a unit price by a quantity, in fen', () => {
    const out = fill('{{times fee n}}（{{rmb (times fee n)}}）', (s) => ({ fee: s.put('money', 8050), n: 20 }));
    expect(out).toBe('¥1,610.00（人民币壹仟陆佰壹拾元整）');
  });
  it('refuses to sum a text column', () => {
    expect(() => fill('{{sum rows "item"}}', (s) => ({ rows: [{ item: s.put('text', '上门') }] }))).toThrow(
      /not a number/,
    );
  });
});

describe('sumProduct 与 annex 助手', () => {
  const fill = (source: string, build: (s: Slots) => Record<string, unknown>, annexes?: AnnexIndex) => {
    const slots = new Slots();
    return slots.fill(renderTemplate(source, build(slots), slots, annexes));
  };
  it('Σ 单价 × 数量，逐行取整到分', () => {
    const out = fill('{{sumProduct rows "price" "qty"}}', (s) => ({
      rows: [
        { price: s.put('money', 333), qty: 3 },
        { price: s.put('money', 1), qty: 0.5 },
      ],
    }));
    // 3.33 × 3 = 9.99; 0.01 × 0.5 = 0.005 → 0.01 (rounded per row, as an invoice line is).
    expect(out).toBe('¥10.00');
  });
  it('数量列不是数字时报错', () => {
    expect(() =>
      fill('{{sumProduct rows "price" "qty"}}', (s) => ({
        rows: [{ price: s.put('money', 1), qty: s.put('text', '三') }],
      })),
    ).toThrow(/not a number/);
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

describe('模板错误的说明', () => {
  const message = (source: string, ctx: Record<string, unknown>) => {
    try {
      renderTemplate(source, ctx, new Slots());
    } catch (e) {
      expect(e).toBeInstanceOf(TemplateError);
      return (e as Error).message;
    }
    throw new Error('expected a template error');
  };
  const fee_items = [{ name: '巡检' }];

  it('a ../ that climbs past the outermost block names the missing path instead of a JavaScript TypeError', () => {
    const m = message('{{#each ../../fee_items}}{{name}}{{/each}}', { fee_items });
    expect(m).toBe(
      '模板引用了不存在的上层数据 fee_items（写作 ../../fee_items：../ 的层数多于外层的 {{#each}} 块，请检查 ../ 的层数）',
    );
    expect(m).not.toMatch(/Cannot read properties/);
    expect(
      message('{{#each fee_items}}{{#each ../../../other}}x{{/each}}{{/each}}', { fee_items, other: [1] }),
    ).toMatch(/不存在的上层数据 other（写作 \.\.\/\.\.\/\.\.\/other/);
    expect(message('{{#if ok}}{{../../a.b}}{{/if}}', { ok: true, a: { b: 1 } })).toMatch(
      /不存在的上层数据 a（写作 \.\.\/\.\.\/a\.b/,
    );
  });

  it('a field read from a plain value names the path', () => {
    expect(message('{{a.b.c}}', { a: { b: 1 } })).toBe('模板引用了 a.b.c，但 a.b 是一个值，没有下级字段 c');
  });

  it('other errors keep their own message: a missing variable, a helper error', () => {
    expect(message('{{#each fee_items}}{{nope}}{{/each}}', { fee_items })).toMatch(/变量 nope 没有值/);
    expect(message('{{cn "x"}}', {})).toMatch(/^模板错误：cn expects a number/);
  });

  it('syntax errors say where and what: an unclosed block, a mismatched end, a broken mustache', () => {
    expect(() => validateTemplate('保修\n{{#if x}}六年')).toThrow(
      '模板语法错误：模板在第 2 行意外结束（可能缺少 }} 或 {{/块名}}）',
    );
    expect(() => validateTemplate('{{#each a}}x{{/if}}')).toThrow(
      '模板语法错误：第 1 行的 {{#each}} 块以 {{/if}} 结束，两者应一致',
    );
    expect(() => validateTemplate('a\nb {{ }} c')).toThrow(
      /^模板语法错误：第 2 行无法解析（Expecting .*got 'CLOSE'）$/,
    );
  });
});
