// Per-card file names and the card template schema (bad input of a whole run: test/cli/cards.test.ts).
import { describe, expect, it } from 'vitest';
import { cardFileName, cardFileNames, checkNamePattern, sanitizeFileName } from '@core/cards/files.js';
import type { CardRow } from '@core/cards/read.js';
import { loadCardTemplate, loadCardTemplates, parseCardTemplate } from '@core/cards/template.js';
import { problemText } from '@core/i18n/problemText.js';
import { BidForgeError } from '@core/model/problem.js';
import { thrown } from './helpers.js';
import { tempDir, writeFixture } from '../helpers/tmp.js';

const row = (over: Partial<CardRow> = {}): CardRow => ({
  row: 2,
  customer: '张三',
  phone: '13800138000',
  address: '上海',
  product: '热泵',
  model: 'KRS-35',
  serial: 'HX001',
  date: '2026-11-24',
  dealer: '浦江',
  ...over,
});

describe('file names from a pattern', () => {
  it('{serial}-{customer} keeps Chinese', () => {
    expect(cardFileName('{serial}-{customer}', row(), 0)).toBe('HX001-张三');
    expect(cardFileName('保修卡_{index}_{customer}_{date}', row(), 4)).toBe('保修卡_5_张三_2026-11-24');
    expect(cardFileName('{row}-{model}', row(), 0)).toBe('2-KRS-35');
  });

  it('unsafe characters become _, spaces collapse, dots and spaces at the ends go', () => {
    expect(sanitizeFileName('A/B\\C:D*E?F"G<H>I|J')).toBe('A_B_C_D_E_F_G_H_I_J');
    expect(sanitizeFileName('  上海  浦东\t新区 . ')).toBe('上海 浦东 新区');
    expect(sanitizeFileName('..隐藏')).toBe('隐藏');
    expect(sanitizeFileName('a\u0000b\u001fc')).toBe('a_b_c');
  });

  it('Windows device names get a prefix; long names are cut to 80 characters', () => {
    expect(sanitizeFileName('CON')).toBe('_CON');
    expect(sanitizeFileName('nul.txt')).toBe('_nul.txt');
    expect(sanitizeFileName('康'.repeat(200))).toBe('康'.repeat(80));
  });

  it('a customer named with a slash does not make a folder; empty fields leave no dangling dash', () => {
    expect(cardFileName('{serial}-{customer}', row({ customer: '上海/浦东 某某公司' }), 0)).toBe(
      'HX001-上海_浦东 某某公司',
    );
    expect(cardFileName('{serial}-{dealer}', row({ dealer: '' }), 0)).toBe('HX001');
    expect(cardFileName('{dealer}', row({ dealer: '...' }), 0)).toBe('card-2');
  });

  it('repeated names get -2, -3 (case-insensitively, as on Windows and macOS); reserved names are avoided', () => {
    const rows = [
      row({ customer: '张三', row: 2 }),
      row({ customer: '张三', row: 3 }),
      row({ customer: 'abc', row: 4 }),
      row({ customer: 'ABC', row: 5 }),
    ];
    expect(cardFileNames('{customer}', rows)).toEqual(['张三', '张三-2', 'abc', 'ABC-2']);
    expect(cardFileNames('{customer}', [row({ customer: '保修卡-data' })], ['保修卡-data'])).toEqual(['保修卡-data-2']);
  });

  it('unknown placeholders and patterns without any are refused', () => {
    expect(() => checkNamePattern('{serial}-{name}')).toThrow(
      '文件名模式“{serial}-{name}”中有无法识别的占位符：{name}',
    );
    expect(() => checkNamePattern('card')).toThrow('至少要含一个占位符');
  });
});

describe('card template', () => {
  it('the shipped standard template parses: its terms — and no company or warranty period of its own', async () => {
    const t = await loadCardTemplate();
    expect(t.title).toBe('产品保修卡');
    expect(t.components).toEqual([]);
    for (const k of ['coverage', 'exclusions', 'claim', 'sanbao'] as const) expect(t[k].length).toBeGreaterThan(0);
    expect(t.claim.join('')).toContain('出厂日期');
    expect(t.sanbao.join('')).toMatch(/7日.*退货、换货或修理[\s\S]*15日.*换货或修理/);
  });

  it('no built-in template carries a company, hotline, service hours or warranty period: the card prints 设置’s and the periods given, never a sample', async () => {
    const all = await loadCardTemplates();
    expect(all.map((t) => t.id)).toEqual(['heat-pump', 'standard']);
    for (const t of all)
      expect([t.id, t.company, t.hotline, t.serviceHours, t.components]).toEqual([t.id, '', '', '', []]);
  });

  it('a company’s own template may carry its company, hotline, service hours and periods', () => {
    const own = { id: 'x', title: '卡', components: [{ name: '整机', months: 12 }] };
    expect(
      parseCardTemplate({ ...own, company: ' 某公司 ', hotline: '400-1', serviceHours: '全天' }, 'x.json'),
    ).toMatchObject({ company: '某公司', hotline: '400-1', serviceHours: '全天', components: own.components });
    expect(parseCardTemplate({ id: 'x', title: '卡' }, 'x.json').components).toEqual([]);
  });

  it('errors name the file and the field, in Chinese and, through the catalog, in English', () => {
    const problem = (json: object) => {
      try {
        parseCardTemplate(json, 'my.json');
      } catch (e) {
        expect(e).toBeInstanceOf(BidForgeError);
        const [p] = (e as BidForgeError).problems;
        expect(p).toMatchObject({ code: 'bad_card_template', params: { why: 'fields', file: 'my.json' } });
        return { zh: (e as BidForgeError).message, en: problemText(p!, 'en') };
      }
      throw new Error('not refused');
    };
    expect(
      problem({
        id: 'x',
        title: '卡',
        components: [
          { name: '整机', months: 12 },
          { name: '整机', months: 24 },
        ],
      }),
    ).toEqual({
      zh: 'my.json: 保修卡模板格式错误：components.1.name：保修部件“整机”重复',
      en: 'my.json: the card template is not valid: components.1.name: the component “整机” is listed twice',
    });
    // zod's own words: Chinese in the message, English in the catalog, never zod's English inside the Chinese.
    const zero = problem({ id: 'x', title: '卡', components: [{ name: '整机', months: 0 }] });
    expect(zero.zh).toBe('my.json: 保修卡模板格式错误：components.0.months：不能小于 1');
    expect(zero.en).toMatch(/^my\.json: the card template is not valid: components\.0\.months: .*1/);
    expect(zero.en).not.toMatch(/\p{Script=Han}/u);
    const both = problem({ id: 'Bad Id', title: ' ', components: [{ name: '整机', months: 1, days: 2 }] });
    expect(both.zh).toBe(
      'my.json: 保修卡模板格式错误：id：id 只能由小写字母、数字和连字符组成；title：不能为空；components.0：保修期写 months（月）、weeks（周）或 days（天）其中一项',
    );
    expect(both.en).toBe(
      'my.json: the card template is not valid: id: the id may only hold lower-case letters, digits and hyphens; title: may not be empty; components.0: state the period in exactly one of months, weeks or days',
    );
  });

  it('a template that does not exist, or is not JSON', async () => {
    expect((await thrown(loadCardTemplate('no-such-card'))).message).toBe('找不到保修卡模板：no-such-card');
    const dir = tempDir();
    const bad = writeFixture(dir, 'bad.json', '{ "id": ');
    const e = await thrown(loadCardTemplate(bad));
    expect(e.message).toBe('bad.json: 不是有效的 JSON（文件在结尾处中断）');
    expect(problemText(e.problems[0]!, 'en')).toBe('bad.json: not valid JSON (the file ends too early)');
    expect(problemText((await thrown(loadCardTemplate('no-such-card'))).problems[0]!, 'en')).toBe(
      'Card template not found: no-such-card',
    );
  });
});
