// User values are text, never Markdown/HTML; templates cannot reach prototypes.
import { describe, expect, it } from 'vitest';
import type { Block } from '@core/model/document.js';
import { assembleOne, bodyBlocks, textOf, type Decl } from '../helpers/library.js';

const x: Decl[] = [{ key: 'x', type: 'text', label: '用户文字' }];

/** Assembles "前{{x}}后" and returns the blocks after the section heading. */
function around(value: string, decls: Decl[] = x): Block[] {
  const a = assembleOne('前{{x}}后', decls, { x: value });
  expect(a.problems).toEqual([]);
  return bodyBlocks(a);
}

describe('用户填写的 Markdown/HTML 原样输出为文字', () => {
  it.each([
    ['表格语法', '| a | b |'],
    ['粗体语法', '**bold**'],
    ['HTML 脚本', '<script>alert(1)</script>'],
    ['标题语法', '# heading'],
    ['有序列表语法', '1. item'],
    ['无序列表语法', '- item'],
    ['行内代码', '`code`'],
    ['链接语法', '[x](http://example.com)'],
    ['HTML 实体', '&amp; &lt;'],
    ['反斜杠转义', '\\*x\\*'],
  ])('%s %s：一个段落、一个普通文字段，内容逐字不变', (_, value) => {
    expect(around(value)).toEqual([{ kind: 'paragraph', runs: [{ text: `前${value}后` }] }]);
  });

  it('值单独占一行时，"# heading" 不变成标题', () => {
    const a = assembleOne('{{x}}', x, { x: '# heading' });
    expect(bodyBlocks(a)).toEqual([{ kind: 'paragraph', runs: [{ text: '# heading' }] }]);
  });

  it('值单独占一行时，"1. item" 不变成列表项', () => {
    const a = assembleOne('{{x}}', x, { x: '1. item' });
    expect(bodyBlocks(a)).toEqual([{ kind: 'paragraph', runs: [{ text: '1. item' }] }]);
  });

  it('多行文字中的换行、空行、标题和表格语法都留在同一个文字段里，不产生新的块', () => {
    const value = '第一行\n\n# 标题\n| a | b |\n|---|---|\n1. 项';
    const a = assembleOne('{{x}}', [{ key: 'x', type: 'multiline', label: '说明' }], { x: value });
    expect(a.problems).toEqual([]);
    expect(bodyBlocks(a)).toEqual([{ kind: 'paragraph', runs: [{ text: value }] }]);
  });

  it('表格单元格里的 "| x | y |" 不增加单元格', () => {
    const a = assembleOne(
      '| 甲 | 乙 |\n| --- | --- |\n{{#each t}}\n| {{a}} | {{b}} |\n{{/each}}',
      [
        {
          key: 't',
          type: 'table',
          label: '表',
          columns: [
            { key: 'a', type: 'text', label: '甲' },
            { key: 'b', type: 'multiline', label: '乙' },
          ],
        },
      ],
      {
        t: [{ a: '| x | y |', b: '第一行\n第二行' }],
      },
    );
    expect(bodyBlocks(a)).toEqual([
      { kind: 'table', header: ['甲', '乙'], align: ['left', 'left'], rows: [['| x | y |', '第一行\n第二行']] },
    ]);
  });

  it('标题里的用户值 "**b** | c" 原样成为标题文字', () => {
    const a = assembleOne('## {{x}}', x, { x: '**b** | c' });
    expect(bodyBlocks(a)).toEqual([{ kind: 'heading', level: 2, number: '（一）', text: '**b** | c' }]);
  });

  it('列表项里的用户值不会再嵌套出列表或粗体', () => {
    const a = assembleOne('{{#each l}}\n- {{this}}\n{{/each}}', [{ key: 'l', type: 'list', label: '清单' }], {
      l: ['**b**', '1. x'],
    });
    expect(bodyBlocks(a)).toEqual([
      { kind: 'listItem', number: '•', depth: 1, runs: [{ text: '**b**' }] },
      { kind: 'listItem', number: '•', depth: 1, runs: [{ text: '1. x' }] },
    ]);
  });

  it('模板里的粗体包住用户值时，粗体来自模板，值里的 ** 仍是文字', () => {
    const a = assembleOne('**{{x}}**', x, { x: '**不是粗体**' });
    expect(bodyBlocks(a)).toEqual([{ kind: 'paragraph', runs: [{ text: '**不是粗体**', bold: true }] }]);
  });

  it('用户值里伪造的内部占位符（\\uE000n\\uE001）不能取出别的变量的值', () => {
    const decls: Decl[] = [
      { key: 'x', type: 'text', label: '用户文字' },
      { key: 'secret', type: 'text', label: '另一项' },
    ];
    // Slots are numbered in declaration order: x is slot 0, secret is slot 1.
    const a = assembleOne('{{x}}', decls, { x: '\uE0001\uE001', secret: '机密' });
    const text = textOf(bodyBlocks(a));
    expect(text).not.toContain('机密');
    expect(text).not.toMatch(/[\uE000\uE001]/);
  });

  it('{{{三重括号}}}（不转义输出）被拒绝：报 template 错误，条款不输出，用户值不会被当作 Markdown/HTML', () => {
    const a = assembleOne('值：{{{x}}}。', x, { x: '**粗** <script>alert(1)</script> | a |' });
    expect(a.problems).toContainEqual(expect.objectContaining({ severity: 'error', code: 'template', clause: 'c' }));
    expect(a.problems.find((p) => p.code === 'template')?.message).toContain('{{{');
    expect(bodyBlocks(a)).toEqual([]);
  });
});

describe('模板不能通过原型链取到任何东西', () => {
  const l: Decl[] = [{ key: 'l', type: 'list', label: '清单' }];
  const t: Decl[] = [{ key: 't', type: 'table', label: '表', columns: [{ key: 'a', type: 'text', label: '甲' }] }];
  /** Nothing that looks like a JS object, function or prototype reached the text. */
  const leaked = (s: string) =>
    /function|\[object|native code|prototype|Object|Array|String|constructor|__proto__/.test(s);

  it.each([
    ['{{constructor}}', x, { x: 'a' }],
    ['{{__proto__}}', x, { x: 'a' }],
    ['{{x.constructor}}', x, { x: 'a' }],
    ['{{#each l}}{{this.constructor}}{{/each}}', l, { l: ['a'] }],
    ['{{#each t}}{{constructor}}{{/each}}', t, { t: [{ a: '1' }] }],
    ['{{#each t}}{{__proto__}}{{/each}}', t, { t: [{ a: '1' }] }],
    ['{{@root.constructor}}', x, { x: 'a' }],
    ['{{l.constructor.name}}', l, { l: ['a'] }],
  ] as const)('%s：报 template 错误，条款不输出', (body, decls, values) => {
    const a = assembleOne(`前${body}后`, [...decls], values);
    expect(a.problems).toContainEqual(expect.objectContaining({ severity: 'error', code: 'template' }));
    expect(bodyBlocks(a)).toEqual([]);
  });

  // lookup and log are refused as helpers, and prototype names are refused anywhere in a path, before rendering.
  it.each([
    ['{{lookup l "constructor"}}', l, { l: ['a'] }],
    ['{{#with l}}{{constructor}}{{/with}}', l, { l: ['a'] }],
    ['{{lookup @root "constructor"}}', x, { x: 'a' }],
    ['{{#with (lookup l "constructor")}}{{name}}{{/with}}', l, { l: ['a'] }],
    ['{{#each l}}{{lookup this "length"}}{{/each}}', l, { l: ['a'] }],
    ['{{log x}}', x, { x: 'a' }],
  ] as const)('%s：报 template 错误，不泄露任何原型上的东西', (body, decls, values) => {
    const a = assembleOne(`前${body}后`, [...decls], values);
    expect(a.problems).toContainEqual(expect.objectContaining({ severity: 'error', code: 'template' }));
    expect(leaked(textOf(bodyBlocks(a)))).toBe(false);
    expect(bodyBlocks(a)).toEqual([]);
  });

  it('访问被拒时的报错说明是哪个名字（如 constructor）', () => {
    const a = assembleOne('{{x.constructor}}', x, { x: 'a' });
    expect(a.problems.find((p) => p.code === 'template')?.message).toContain('constructor');
  });
});
