// Word documents whose numbers are Word's automatic numbering, not typed, written by the tests with `docx`: a tender
// whose chapters are numbered through the Heading 1 style (第三章) and whose items continue it as legal numbers (3.7),
// a contract with 第一条…第十二条 headings, and a document of every level rule and format. Where `docx` cannot write a
// rule (w:lvlRestart) or the test needs a broken part, the written DOCX is edited with jszip. Every sentence here was
// written for these tests.
import {
  AlignmentType,
  Document,
  HeadingLevel,
  LevelFormat,
  LevelSuffix,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  WidthType,
  type ILevelsOptions,
} from 'docx';
import JSZip from 'jszip';

type Numbered = { list: string; level: number; instance?: number } | false;
export type NPart = { p: string; n?: Numbered; h?: 1 | 2; style?: string } | { table: { p: string; n?: Numbered }[][] };

const level = (
  l: number,
  format: ILevelsOptions['format'],
  text: string,
  more: Partial<ILevelsOptions> = {},
): ILevelsOptions => ({ level: l, format, text, alignment: AlignmentType.LEFT, ...more });

function paragraph(x: { p: string; n?: Numbered; h?: 1 | 2; style?: string }): Paragraph {
  return new Paragraph({
    text: x.p,
    ...(x.h ? { heading: x.h === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2 } : {}),
    ...(x.style ? { style: x.style } : {}),
    ...(x.n === false
      ? { numbering: false as const }
      : x.n
        ? { numbering: { reference: x.n.list, level: x.n.level, ...(x.n.instance ? { instance: x.n.instance } : {}) } }
        : {}),
  });
}

/**
 * A document with these lists; Heading 1 and Heading 2 take levels 0 and 1 of `headings` when given (numbering
 * through the style, as Word's multilevel heading lists do), and `styles` adds paragraph styles based on others,
 * numbered at level 0 of `list` when given.
 */
export async function numberedDocx(
  lists: Record<string, ILevelsOptions[]>,
  parts: NPart[],
  opts: { headings?: string; styles?: { id: string; basedOn: string; list?: string }[] } = {},
): Promise<Uint8Array> {
  const h = opts.headings;
  const doc = new Document({
    numbering: { config: Object.entries(lists).map(([reference, levels]) => ({ reference, levels })) },
    styles: {
      ...(h
        ? {
            default: {
              heading1: { paragraph: { numbering: { reference: h, level: 0 } } },
              heading2: { paragraph: { numbering: { reference: h, level: 1 } } },
            },
          }
        : {}),
      paragraphStyles: (opts.styles ?? []).map((s) => ({
        id: s.id,
        name: s.id,
        basedOn: s.basedOn,
        next: 'Normal',
        ...(s.list ? { paragraph: { numbering: { reference: s.list, level: 0 } } } : {}),
      })),
    },
    sections: [
      {
        children: parts.map((x) =>
          'table' in x
            ? new Table({
                width: { size: 100, type: WidthType.PERCENTAGE },
                rows: x.table.map(
                  (r) => new TableRow({ children: r.map((c) => new TableCell({ children: [paragraph(c)] })) }),
                ),
              })
            : paragraph(x),
        ),
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** The DOCX with one part's XML edited. */
export async function editPart(bytes: Uint8Array, path: string, edit: (xml: string) => string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  zip.file(path, edit((await zip.file(path)?.async('string')) ?? ''));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** Chapters 第一章… through Heading 1; the items under them 2.1, 3.7 (legal numbers under a Chinese chapter number). */
export const OUTLINE = {
  outline: [
    level(0, LevelFormat.CHINESE_COUNTING, '第%1章', { start: 1, suffix: LevelSuffix.SPACE }),
    level(1, LevelFormat.DECIMAL, '%1.%2', { start: 1, isLegalNumberingStyle: true }),
  ],
};
const item = { list: 'outline', level: 1 };

export const NUMBERED_TENDER: NPart[] = [
  { p: '某市人民医院中央空调设备采购项目招标文件' },
  { h: 1, p: '招标公告' },
  { p: '本项目为某市人民医院中央空调设备采购项目，欢迎合格的供应商参加投标。' },
  { h: 1, p: '投标人须知' },
  { p: '投标有效期不少于90天。', n: item },
  { p: '投标人未按招标文件要求提供售后服务承诺书的，其投标无效。', n: item },
  { h: 1, p: '采购需求' },
  { p: '★质保期不少于三年，自验收合格之日起计算。', n: item },
  { p: '接到报修通知后30分钟内响应，4小时内到达现场。', n: item },
  { p: '中标人须提供7×24小时服务热线。', n: item },
  { p: '同一故障维修3次仍不能排除的，中标人应免费更换整机。', n: item },
  { p: '培训不少于5天，受训人员不少于10人。', n: item },
  { p: '中标人应建立用户设备档案，并定期进行电话回访。', n: item },
  { p: '备品备件供应期不少于12年。', n: item },
];

/** 第一条 … 第十二条 as Word numbering, each clause's points （一）（二） a level below. */
export const CLAUSES = {
  clause: [
    level(0, LevelFormat.CHINESE_COUNTING, '第%1条', { start: 1, suffix: LevelSuffix.SPACE }),
    level(1, LevelFormat.CHINESE_COUNTING, '（%2）', { start: 1, suffix: LevelSuffix.NOTHING }),
  ],
};

export const CLAUSE_TITLES = [
  '合同标的',
  '服务范围',
  '服务时限',
  '保修期限',
  '备品备件',
  '定期巡检',
  '培训',
  '服务费用',
  '付款方式',
  '违约责任',
  '争议解决',
  '合同生效',
];

/** The body of clause n (1-based): one sentence naming it, and two points under the fourth. */
export const clauseBody = (n: number) => `本条约定第${n}项事宜，双方应遵照执行。`;

export const NUMBERED_CONTRACT: NPart[] = [
  { p: '中央空调维修保养服务合同' },
  ...CLAUSE_TITLES.flatMap((title, i): NPart[] => [
    { p: title, n: { list: 'clause', level: 0 } },
    { p: clauseBody(i + 1) },
    ...(i === 3
      ? [
          { p: '设备质保期为2年，自验收合格之日起计算。', n: { list: 'clause', level: 1 } },
          { p: '维修后的部件保修期为6个月。', n: { list: 'clause', level: 1 } },
        ]
      : []),
  ]),
];
