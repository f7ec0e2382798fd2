// Word's automatic numbering is read as the numbers a reader sees in Word: a tender's items keep their 条目号 (3.7)
// into the requirements and the 偏离表, chapters numbered through Heading 1 read 第三章, every level rule and Chinese
// format is counted as Word counts it, and numbering that cannot be read is left out without failing the import.
import { beforeAll, describe, expect, it } from 'vitest';
import { LevelFormat, LevelSuffix, AlignmentType, type ILevelsOptions } from 'docx';
import { deviationTableCells, evaluateRequirements } from '@core/deviation/compute.js';
import { readDocx } from '@core/tender/docx.js';
import { withNumberLabels } from '@core/tender/docxLabels.js';
import type { TenderReading, TenderText } from '@core/tender/model.js';
import { readTender } from '@core/tender/read.js';
import { toRequirement } from '@core/tender/toRequirement.js';
import { tenderDocx } from './fixture.js';
import { editPart, NUMBERED_TENDER, numberedDocx, OUTLINE, type NPart } from './numberingFixture.js';

/** The text of every paragraph and table cell, in order. */
const texts = (t: TenderText) =>
  t.blocks.flatMap((b) => (b.type === 'paragraph' ? [b.text] : b.rows.flatMap((r) => r.map((c) => c.text))));
const read = async (bytes: Uint8Array) => texts(await readDocx(bytes, '编号.docx'));
const lvl = (level: number, format: ILevelsOptions['format'], text: string, more: Partial<ILevelsOptions> = {}) => ({
  level,
  format,
  text,
  alignment: AlignmentType.LEFT,
  ...more,
});
const typed = (parts: NPart[]) => parts.map((x) => ('p' in x ? x.p : ''));

describe('招标文件的自动编号', () => {
  let bytes: Uint8Array;
  let reading: TenderReading;
  beforeAll(async () => {
    bytes = await numberedDocx(OUTLINE, NUMBERED_TENDER, { headings: 'outline' });
    reading = await readTender(bytes, '自动编号招标文件.docx');
  });

  it('条目号（3.7）进入要求行、项目要求和偏离表；章节标题经 Heading 1 样式编号为“第三章”', () => {
    const row = (text: string) => reading.rows.find((r) => r.text.includes(text));
    const parts = row('备品备件供应期不少于12年')!;
    expect(parts).toMatchObject({ kind: 'requirement', item: '3.7', op: '>=', value: 12, unit: '年' });
    expect(parts.text).toBe('3.7 备品备件供应期不少于12年。');
    expect(parts.chapter).toEqual(['第三章 采购需求']);
    expect(row('质保期不少于三年')).toMatchObject({ kind: 'star', item: '3.1', op: '>=', value: 3, unit: '年' });
    expect(row('其投标无效')).toMatchObject({ kind: 'disqualify', item: '2.2', chapter: ['第二章 投标人须知'] });
    expect(row('7×24小时服务热线')).toMatchObject({ item: '3.3' });

    const req = toRequirement(parts, new Set());
    expect(req).toMatchObject({ item: '3.7', text: '备品备件供应期不少于12年。' });
    const star = toRequirement(row('质保期不少于三年')!, new Set());
    expect(star).toMatchObject({ item: '3.1', star: true, text: '质保期不少于三年，自验收合格之日起计算。' });
    const cells = deviationTableCells(evaluateRequirements([star, req], new Map(), new Map()));
    expect(cells.map((c) => [c.item, c.requirement])).toEqual([
      ['3.1', '★质保期不少于三年，自验收合格之日起计算。'],
      ['3.7', '备品备件供应期不少于12年。'],
    ]);
  });

  it('段落号和页码不因编号而变', async () => {
    const doc = await readDocx(bytes, '自动编号招标文件.docx');
    expect(doc.blocks.map((b) => b.loc.paragraph)).toEqual(NUMBERED_TENDER.map((_, i) => i + 1));
    expect(
      doc.blocks.filter((b) => b.type === 'paragraph' && b.heading === 1).map((b) => b.type === 'paragraph' && b.text),
    ).toEqual(['第一章 招标公告', '第二章 投标人须知', '第三章 采购需求']);
  });

  it('没有编号的文件原样交给读取器', async () => {
    expect(await withNumberLabels(await tenderDocx())).toBeUndefined();
  });
});

describe('多级编号按 Word 的规则计数', () => {
  it('下级随上级重新编号（lvlRestart 另有规定时从之）；表格中的段落、空段落照计；新的列表实例重新开始', async () => {
    const multi = { list: 'multi', level: 0 };
    const at = (level: number, instance?: number) => ({ ...multi, level, ...(instance ? { instance } : {}) });
    const parts: NPart[] = [
      { p: '总则', n: at(0) },
      { p: '范围', n: at(1) },
      { p: '甲项', n: at(2) },
      { p: '乙项', n: at(2) },
      { p: '定义', n: at(1) },
      { p: '丙项', n: at(2) },
      { p: '不编号的说明。' },
      { p: '服务', n: at(0) },
      { p: '响应', n: at(1) },
      { p: '丁项', n: at(2) },
      { table: [[{ p: '表中条款', n: at(1) }, { p: '表中说明' }]] },
      { p: '', n: at(1) },
      { p: '空行之后', n: at(1) },
      { p: '新的列表', n: at(0, 2) },
      { p: '新列表的下级', n: at(1, 2) },
    ];
    let bytes = await numberedDocx(
      {
        multi: [
          lvl(0, LevelFormat.DECIMAL, '%1.', { start: 1 }),
          lvl(1, LevelFormat.DECIMAL, '%1.%2', { start: 1 }),
          lvl(2, LevelFormat.DECIMAL, '%1.%2.%3', { start: 1 }),
        ],
      },
      parts,
    );
    expect(await read(bytes)).toEqual([
      '1. 总则',
      '1.1 范围',
      '1.1.1 甲项',
      '1.1.2 乙项',
      '1.2 定义',
      '1.2.1 丙项',
      '不编号的说明。',
      '2. 服务',
      '2.1 响应',
      '2.1.1 丁项',
      '2.2 表中条款',
      '表中说明',
      '2.4 空行之后',
      '1. 新的列表',
      '1.1 新列表的下级',
    ]);
    // Level 3 restarting only after level 1 (w:lvlRestart 1) runs on under a new level 2.
    bytes = await editPart(bytes, 'word/numbering.xml', (xml) =>
      xml.replace('<w:lvlText w:val="%1.%2.%3"/>', '<w:lvlRestart w:val="1"/><w:lvlText w:val="%1.%2.%3"/>'),
    );
    const restarted = await read(bytes);
    expect(restarted.slice(5, 10)).toEqual(['1.2.3 丙项', '不编号的说明。', '2. 服务', '2.1 响应', '2.1.1 丁项']);
  });

  it('中文文档中的各种编号格式；项目符号不加编号', async () => {
    const one = (format: ILevelsOptions['format'], text: string, more: Partial<ILevelsOptions> = {}) => [
      lvl(0, format, text, more),
    ];
    const lists = {
      stems: one(LevelFormat.IDEOGRAPH_TRADITIONAL, '%1、', { start: 1, suffix: LevelSuffix.NOTHING }),
      zodiac: one(LevelFormat.IDEOGRAPH_ZODIAC, '%1.', { start: 1 }),
      thousand: one(LevelFormat.CHINESE_COUNTING_THOUSAND, '%1、', { start: 19, suffix: LevelSuffix.NOTHING }),
      legal: one(LevelFormat.CHINESE_LEGAL_SIMPLIFIED, '第%1项', { start: 11, suffix: LevelSuffix.SPACE }),
      roman: one(LevelFormat.UPPER_ROMAN, '%1.', { start: 3 }),
      lowerRoman: one(LevelFormat.LOWER_ROMAN, '(%1)', { start: 9 }),
      letters: one(LevelFormat.LOWER_LETTER, '%1)', { start: 26 }),
      upper: one(LevelFormat.UPPER_LETTER, '%1.', { start: 1 }),
      circle: one(LevelFormat.DECIMAL_ENCLOSED_CIRCLE, '%1', { start: 19, suffix: LevelSuffix.NOTHING }),
      zero: one(LevelFormat.DECIMAL_ZERO, '%1', { start: 9 }),
      bullet: one(LevelFormat.BULLET, '•'),
    };
    const parts: NPart[] = Object.keys(lists).flatMap((list) => [
      { p: `${list}一`, n: { list, level: 0 } },
      { p: `${list}二`, n: { list, level: 0 } },
    ]);
    expect(await read(await numberedDocx(lists, parts))).toEqual([
      '甲、stems一',
      '乙、stems二',
      '子. zodiac一',
      '丑. zodiac二',
      '十九、thousand一',
      '二十、thousand二',
      '第壹拾壹项 legal一',
      '第壹拾贰项 legal二',
      'III. roman一',
      'IV. roman二',
      '(ix) lowerRoman一',
      '(x) lowerRoman二',
      'z) letters一',
      'aa) letters二',
      'A. upper一',
      'B. upper二',
      '⑲circle一',
      '⑳circle二',
      '09 zero一',
      '10 zero二',
      'bullet一',
      'bullet二',
    ]);
  });

  it('经段落样式（Heading 1/2 及以其为基准的样式）编号；numId 为 0 的段落不编号', async () => {
    const parts: NPart[] = [
      { h: 1, p: '服务承诺' },
      { h: 2, p: '响应时间' },
      { style: 'SubClause', p: '到场时间' },
      { h: 1, p: '附录', n: false },
      { h: 1, p: '服务网点' },
      { h: 2, p: '本地网点' },
    ];
    const bytes = await numberedDocx(
      {
        heads: [
          lvl(0, LevelFormat.CHINESE_COUNTING, '%1、', { start: 1, suffix: LevelSuffix.NOTHING }),
          lvl(1, LevelFormat.CHINESE_COUNTING, '（%2）', { start: 1, suffix: LevelSuffix.NOTHING }),
        ],
      },
      parts,
      { headings: 'heads', styles: [{ id: 'SubClause', basedOn: 'Heading2' }] },
    );
    expect(await read(bytes)).toEqual([
      '一、服务承诺',
      '（一）响应时间',
      '（二）到场时间',
      '附录',
      '二、服务网点',
      '（一）本地网点',
    ]);
  });
});

describe('无法读取的编号被忽略，正文照常读入', () => {
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await numberedDocx(OUTLINE, NUMBERED_TENDER, { headings: 'outline' });
  });

  it('numbering.xml 不是完整的 XML：读入不带编号的正文', async () => {
    const broken = await editPart(bytes, 'word/numbering.xml', (xml) => xml.slice(0, xml.length / 2));
    expect(await read(broken)).toEqual(typed(NUMBERED_TENDER));
    const reading = await readTender(broken, '招标文件.docx');
    expect(reading.rows.find((r) => r.text.includes('备品备件'))).toMatchObject({ op: '>=', value: 12 });
  });

  it('段落引用不存在的编号（numId）：这些段落不带编号，其余照常编号', async () => {
    const missing = await editPart(bytes, 'word/document.xml', (xml) =>
      xml.replace(/<w:numId w:val="\d+"\/>/g, '<w:numId w:val="99"/>'),
    );
    const got = await read(missing);
    // Items lose their number; chapters keep theirs, numbered through the Heading 1 style.
    expect(got).toContain('第三章 采购需求');
    expect(got).toContain('备品备件供应期不少于12年。');
  });

  it('编号定义自相矛盾（引用不存在的抽象编号、非数字的起始值、超出级别的占位符）：不出错，正文照常读入', async () => {
    const noAbstract = await editPart(bytes, 'word/numbering.xml', (xml) =>
      xml.replace(/(<w:num w:numId="2">\s*<w:abstractNumId w:val=")\d+/, '$1404'),
    );
    expect(await read(noAbstract)).toEqual(typed(NUMBERED_TENDER));
    const odd = await editPart(bytes, 'word/numbering.xml', (xml) =>
      xml.replace(/<w:start w:val="1"\/>/g, '<w:start w:val="x"/>').replace(/%1\.%2/g, '%1.%2.%9'),
    );
    const got = await read(odd);
    expect(got).toContain('第三章 采购需求');
    expect(got.map((t) => t.replace(/^\S+\s/, ''))).toEqual(typed(NUMBERED_TENDER).map((t) => t.replace(/^\S+\s/, '')));
  });
});
