// Word documents the word-import tests write themselves with `docx`: a company's past service plan with heading
// styles, the same kind of text under Chinese numbering only, tables, and figures in several phrasings. Every
// sentence here was written for these tests.
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, WidthType } from 'docx';

export type WordPart = { h: 1 | 2 | 3; text: string } | { p: string } | { table: string[][] };

export async function wordDocx(parts: WordPart[]): Promise<Uint8Array> {
  const children = parts.map((x) => {
    if ('h' in x)
      return new Paragraph({
        text: x.text,
        heading: x.h === 1 ? HeadingLevel.HEADING_1 : x.h === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3,
      });
    if ('p' in x) return new Paragraph({ text: x.p });
    return new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: x.table.map(
        (r) => new TableRow({ children: r.map((c) => new TableCell({ children: [new Paragraph({ text: c })] })) }),
      ),
    });
  });
  const doc = new Document({ sections: [{ children }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** A past service plan with Word's heading styles. */
export const STYLED: WordPart[] = [
  { p: '某市人民医院中央空调售后服务方案' },
  { h: 1, text: '一、服务承诺' },
  { h: 2, text: '（一）响应与到场' },
  { p: '我公司设立全国统一服务热线，提供7×24小时报修受理。' },
  { p: '接到报修后30分钟内响应，工程师2小时内到达现场。' },
  { p: '工程师到达现场后24小时内完成维修，恢复设备正常运行。' },
  { h: 2, text: '（二）质量保证' },
  { p: '整机免费保修三年，自验收合格之日起计算。' },
  { p: '压缩机保修期为5年。' },
  { p: '停产后备品备件供应不少于8年。' },
  { h: 1, text: '二、服务网点与人员' },
  { p: '我公司在本市配备不少于3名专职工程师负责本项目的维护工作。' },
  {
    table: [
      ['服务项目', '承诺'],
      ['到达现场', '2小时内到达现场'],
      ['定期巡检', '每季度巡检一次'],
    ],
  },
];

/** The same kind of text with no heading styles: only Chinese numbering marks the clauses. */
export const NUMBERED: WordPart[] = [
  { p: '第一条 合同标的' },
  { p: '乙方负责甲方办公楼中央空调系统的安装调试及售后服务。' },
  { p: '第二条 服务时限' },
  { p: '1. 乙方接到甲方报修通知后，应在1小时内作出答复。' },
  { p: '2. 需要上门处理的，乙方工程师应于四小时内到场。' },
  { p: '3. 修复时间不超过48小时。' },
  { p: '第三条 保修' },
  { p: '（一）保修期限' },
  { p: '设备质保期为2年，自验收合格之日起计算。' },
  { p: '（二）维修后保修' },
  { p: '维修后的部件保修期为6个月。' },
];

/** The built-in 服务承诺 (标准) as a company would have typed it in Word, its figures filled in; reworded in places. */
export function builtinAsWord(builtin: { clauseId: string; variant: string; body: string }[], reword: boolean) {
  const body = builtin.find((c) => c.clauseId === 'service-commitment' && c.variant === '标准')!.body;
  let text = body
    .replace('{{company_name}}', '我公司')
    .replace('{{hotline}}', '400-800-1234')
    .replace('{{response_time}}', '30分钟')
    .replace('{{onsite_arrival}}', '2小时')
    .replace('{{resolution_time}}', '24小时')
    .replace('{{standby_after}}', '24小时')
    .replace(/\*\*/g, '');
  if (reword)
    text = text
      .replace('全年无休受理报修，法定节假日照常安排值班工程师', '节假日不休')
      .replace('电话咨询和远程技术支持在保修期内外均免费提供。', '')
      .replace('直至原设备修复交回，确保采购人业务不受影响', '直至原设备修复');
  return text
    .split('\n')
    .filter(Boolean)
    .map((p): WordPart => ({ p }));
}
