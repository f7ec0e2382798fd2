// Rendering counts its work as it goes: loop steps ({{#each}} iterations and rows read by sum/sumProduct) and the
// output a loop builds, so a clause from someone else's pack cannot keep the live preview busy for hours. The wrapped
// each must behave exactly like Handlebars' own.
import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import {
  COMPILED_CACHE_MAX_CHARS,
  compiledCacheChars,
  MAX_LOOP_STEPS,
  MAX_OUTPUT_CHARS,
  renderTemplate,
  Slots,
  TemplateError,
} from '@core/assemble/template.js';

const options = { strict: true, knownHelpersOnly: true } as const;
/** A table as buildContext makes it: each row its own object, values as slots. */
const table = (slots: Slots, n: number) =>
  Array.from({ length: n }, (_, i) => ({
    item: slots.put('text', `项目${i}`),
    price: slots.put('money', 30000),
    qty: i % 3,
  }));
const timed = (f: () => unknown) => {
  const started = Date.now();
  let error: unknown;
  try {
    f();
  } catch (e) {
    error = e;
  }
  return { error, ms: Date.now() - started };
};

describe('each 与 Handlebars 自带的一致', () => {
  it.each([
    '{{#each rows}}{{@index}}:{{item}}{{#if @first}}(首){{/if}}{{#if @last}}(末){{/if}};{{/each}}',
    '{{#each rows}}{{#each ../tags}}{{@../index}}-{{@index}} {{../item}}/{{this}};{{/each}}{{/each}}',
    '{{#each rows as |r i|}}{{i}}={{r.item}};{{/each}}',
    '{{#each empty}}有{{else}}无（{{title}}）{{/each}}',
    '{{#each obj}}{{@key}}={{this}}{{#if @last}}。{{/if}}{{/each}}',
    '{{#each rows}}{{@root.title}}{{#with this}}{{item}}{{/with}}{{/each}}',
  ])('%s', (source) => {
    const slots = new Slots();
    const ctx = { rows: table(slots, 4), tags: ['甲', '乙', '丙'], empty: [], obj: { a: 1, b: 2 }, title: '标题' };
    const own = Handlebars.create().compile(source, options)(ctx, { data: {} });
    expect(renderTemplate(source, ctx, slots)).toBe(own);
  });
});

describe('循环次数上限', () => {
  it(`three nested loops over 5,000 rows (1.25e11 steps) stop at ${MAX_LOOP_STEPS} steps, within a second`, () => {
    const slots = new Slots();
    const source = '{{#each rows}}{{#each @root.rows}}{{#each @root.rows}}{{/each}}{{/each}}{{/each}}';
    const { error, ms } = timed(() => renderTemplate(source, { rows: table(slots, 5000) }, slots));
    expect(error).toBeInstanceOf(TemplateError);
    expect((error as Error).message).toBe(`模板循环次数过多（超过 ${MAX_LOOP_STEPS} 次）`);
    expect(ms).toBeLessThan(30_000); // a runaway would take hours; speed itself is the bench's to measure
  });

  it('sums inside a loop count the rows they read: a sum of the whole table on every row is stopped', () => {
    const slots = new Slots();
    const { error, ms } = timed(() =>
      renderTemplate(
        '{{#each rows}}{{sumProduct ../rows "price" "qty"}}{{sum ../rows "price"}}{{/each}}',
        { rows: table(slots, 5000) },
        slots,
      ),
    );
    expect((error as Error).message).toMatch(/模板循环次数过多/);
    expect(ms).toBeLessThan(30_000); // a runaway would take hours; speed itself is the bench's to measure
  });

  it('the budget is per render: 100 loops and sums over 5,000 rows (1,000,000 steps) render, and again', () => {
    const source = '{{#each rows}}{{item}}{{/each}}{{sum rows "price"}}'.repeat(100);
    const render = (extra = '') => {
      const slots = new Slots();
      return slots.fill(renderTemplate(source + extra, { rows: table(slots, 5000) }, slots));
    };
    const first = render();
    expect(first).toContain('项目4999¥1,500,000.00项目0');
    expect(render()).toBe(first);
    expect(() => render('{{#each rows}}{{/each}}')).toThrow(/循环次数过多/);
  });
});

describe('输出在循环中计量', () => {
  it('a loop whose output outgrows the limit (5,000 × 150,000 characters) is stopped as it grows, not after', () => {
    const slots = new Slots();
    const source = `{{#each rows}}${'长'.repeat(150_000)}{{/each}}`;
    const { error, ms } = timed(() => renderTemplate(source, { rows: table(slots, 5000) }, slots));
    expect((error as Error).message).toMatch(new RegExp(`^模板展开后过长（\\d+ 字符，上限 ${MAX_OUTPUT_CHARS}）$`));
    expect(ms).toBeLessThan(30_000); // a runaway would take hours; speed itself is the bench's to measure
  });
});

describe('输出上限按填入后的文字计', () => {
  it('40,000 uses of a 10,000-character value are refused by what they would produce (400 million characters), not by their markers', () => {
    const slots = new Slots();
    const ctx = { m: slots.put('text', '款'.repeat(10_000)) };
    const source = '{{m}}'.repeat(40_000);
    let error: unknown;
    try {
      renderTemplate(source, ctx, slots);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TemplateError);
    expect((error as Error).message).toBe(`模板展开后过长（400000000 字符，上限 ${MAX_OUTPUT_CHARS}）`);
  });

  it('a loop whose few markers carry long values is counted by the values it prints', () => {
    const slots = new Slots();
    const rows = Array.from({ length: 600 }, () => ({ note: slots.put('text', '注'.repeat(10_000)) }));
    expect(() => renderTemplate('{{#each rows}}{{note}}{{/each}}', { rows }, slots)).toThrow(/模板展开后过长/);
    // the same loop with short values renders
    const short = Array.from({ length: 200 }, () => ({ note: slots.put('text', '注') }));
    expect(slots.fill(renderTemplate('{{#each rows}}{{note}}{{/each}}', { rows: short }, slots))).toBe(
      '注'.repeat(200),
    );
  });
});

describe('编译缓存有上限', () => {
  it('300 large drafts compiled one after another keep the cache under its bound, and a template used again still renders', () => {
    const slots = new Slots();
    const first = `常用条款{{x}}`;
    for (let i = 0; i < 300; i++) {
      renderTemplate(`草稿${i}：${'条'.repeat(150_000)}`, {}, slots);
      renderTemplate(first, { x: 1 }, slots);
      expect(compiledCacheChars()).toBeLessThanOrEqual(COMPILED_CACHE_MAX_CHARS);
    }
    expect(slots.fill(renderTemplate(first, { x: 2 }, slots))).toBe('常用条款2');
  });
});
