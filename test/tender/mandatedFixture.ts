// A tender that mandates its 售后服务承诺书 wording and its 偏离表 columns (#18 item 3); every sentence written for
// these tests.
import type { Part } from './fixture.js';

export const COLUMNS = ['序号', '招标文件条款号', '招标文件技术要求', '投标响应', '偏离', '备注'];
export const OPENING = '我方已详细阅读本项目招标文件的全部内容，愿意按照招标文件的要求提供售后服务，并郑重承诺如下：';
export const CLOSING = '以上承诺如有违反，我方愿意承担由此产生的一切法律责任，并接受采购人的处理。';
export const LETTER_TITLE = '售后服务承诺书';

/** The tender with its 偏离表 columns as given. */
export const mandatedTender = (columns: string[] = COLUMNS): Part[] => [
  { h: 1, text: '第三章 采购需求' },
  { h: 2, text: '一、售后服务要求' },
  { p: '1. 质保期不少于三年，自验收合格之日起计算。' },
  { p: '2. 接到报修通知后4小时内到达现场。' },
  { h: 1, text: '第六章 投标文件格式' },
  { h: 2, text: '目录' },
  { p: '一、售后服务承诺书' },
  { p: '二、售后服务偏离表' },
  { p: '三、资格证明文件' },
  { h: 2, text: `格式一 ${LETTER_TITLE}` },
  { p: '致：（采购人名称）' },
  { p: `（投标人名称）${OPENING}` },
  { p: '1.＿＿＿＿＿＿＿＿＿＿＿＿' },
  { p: '2.＿＿＿＿＿＿＿＿＿＿＿＿' },
  { p: '……' },
  { p: CLOSING },
  { p: '投标人（盖章）：＿＿＿＿＿＿＿＿' },
  { p: '日期：＿＿＿＿年＿＿月＿＿日' },
  { h: 2, text: '格式二 售后服务偏离表' },
  { table: [columns] },
];
