// How PDF glyph runs become paragraphs and tables: what a reader sees, inferred from positions alone.
import { describe, expect, it } from 'vitest';
import { blocksOf, dropFurniture, linesOf, type PdfItem } from '@core/tender/pdfLines.js';

const SIZE = 10;
/** One run of text at x, on line `row` from the top of an A4 page (14 pt line pitch). */
const at = (str: string, x: number, row: number): PdfItem => ({
  str,
  x,
  y: 780 - row * 14,
  w: str.length * SIZE,
  size: SIZE,
});
/** A full-width body line (it reaches the right margin, so its paragraph goes on). */
const full = (str: string, row: number) => ({ ...at(str, 50, row), w: 495 });

describe('PDF 文字还原为段落和表格', () => {
  it('表格中折行的单元格并回同一格，新的一行从序号列开始', () => {
    const page = linesOf([
      at('序号', 50, 0),
      at('评分项', 100, 0),
      at('评分标准', 250, 0),
      at('1', 50, 1),
      at('售后服务', 100, 1),
      at('方案完整、措施得当', 250, 1),
      at('的得10分', 250, 2),
      at('2', 50, 3),
      at('培训', 100, 3),
      at('培训计划详细的得5分', 250, 3),
    ]);
    const [table] = blocksOf([page]);
    expect(table?.type).toBe('table');
    if (table?.type !== 'table') return;
    expect(table.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['序号', '评分项', '评分标准'],
      ['1', '售后服务', '方案完整、措施得当的得10分'],
      ['2', '培训', '培训计划详细的得5分'],
    ]);
    expect(table.rows[2]![2]!.loc).toEqual({ page: 1, paragraph: 1, table: 1, row: 3, column: 3 });
  });

  it('页码和每页重复的页眉不算正文，跨页的段落接续并记下第二页的起点', () => {
    const header = (p: number) => [at('某项目招标文件', 200, 0), at(`第 ${p} 页 共 3 页`, 250, 60)];
    const pages = [
      [...header(1), full('接到报修通知后，工程师须在2小时内到达现场，并在到达现场后24小时内排除', 2)],
      [...header(2), at('故障，恢复设备正常运行。', 50, 2), at('一、培训要求', 50, 3)],
      [...header(3), at('培训不少于5天。', 50, 2)],
    ].map(linesOf);
    const blocks = blocksOf(dropFurniture(pages));
    expect(blocks.map((b) => (b.type === 'paragraph' ? [b.text, b.loc] : b.type))).toEqual([
      [
        '接到报修通知后，工程师须在2小时内到达现场，并在到达现场后24小时内排除故障，恢复设备正常运行。',
        { page: 1, pageEnd: 2, paragraph: 1 },
      ],
      ['一、培训要求', { page: 2, paragraph: 1 }],
      ['培训不少于5天。', { page: 3, paragraph: 1 }],
    ]);
    const first = blocks[0];
    expect(first?.type === 'paragraph' && first.pages).toEqual([
      { at: '接到报修通知后，工程师须在2小时内到达现场，并在到达现场后24小时内排除'.length, page: 2 },
    ]);
  });

  it('未写满一行就结束的句子、首行缩进和条目号都开始新段落', () => {
    const blocks = blocksOf([
      linesOf([
        at('本章规定售后服务要求', 50, 0),
        { ...at('投标人应逐条响应本章要求，并在偏离表中注明偏离情况，', 70, 1), w: 475 },
        full('未注明的视为完全响应', 2),
        at('2. 质保期不少于三年', 50, 3),
      ]),
    ]);
    expect(blocks.map((b) => (b.type === 'paragraph' ? b.text : ''))).toEqual([
      '本章规定售后服务要求',
      '投标人应逐条响应本章要求，并在偏离表中注明偏离情况，未注明的视为完全响应',
      '2. 质保期不少于三年',
    ]);
  });
});
