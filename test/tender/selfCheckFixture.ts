// A tender written for the self-check tests, and the bid package sample with that tender stored in it (read through
// the API as the app reads it, its ★ rows confirmed). Every sentence here was written for these tests.
import { createHandlers } from '@core/api/handlers.js';
import { createLocalClient } from '@core/api/localClient.js';
import type { Project } from '@core/model/project.js';
import { decide, tenderRecord } from '@core/tender/projectTender.js';
import { toRequirement } from '@core/tender/toRequirement.js';
import { type Part, tenderDocx } from './fixture.js';

export const api = createLocalClient(createHandlers({ templatesDir: 'templates' }));

export const CHECK_TENDER: Part[] = [
  { h: 1, text: '第一章 招标公告' },
  { p: '本项目为某市第二中学学生宿舍热水系统采购项目，欢迎合格的供应商参加投标。' },
  { h: 1, text: '第二章 投标人须知' },
  { p: '投标人承诺的到场时间超过4小时的，其投标无效。' },
  { p: '投标文件未按规定密封和标记的，作废标处理。' },
  { pageBreak: true },
  { h: 1, text: '第三章 采购需求' },
  { h: 2, text: '一、售后服务要求' },
  { p: '★1. 接到报修通知后2小时内到达现场。' },
  { p: '★2. 质保期不少于三年，自验收合格之日起计算。' },
  { p: '3. 接到报修后1小时内响应。' },
  { pageBreak: true },
  { h: 1, text: '第五章 投标文件格式' },
  { h: 2, text: '目录' },
  { p: '一、投标函' },
  { p: '二、售后服务方案' },
  { p: '（一）培训计划' },
  { p: '（二）应急抢修预案' },
  { p: '三、售后服务承诺书' },
  { p: '四、服务偏离表' },
  { p: '五、安装外包协议' },
  { h: 2, text: '附件1 售后服务承诺书' },
  { p: '致：某市第二中学' },
  { p: '我方承诺：接到报修通知后＿＿小时内到达现场，质保期为＿＿年。' },
];

/** The bid package sample (or one of its documents alone) with CHECK_TENDER stored and its ★ rows confirmed. */
export async function projectWithTender(documents?: string[]): Promise<Project> {
  const { project: sample } = await api.openSample({ name: 'bid-package-sample' });
  const reading = await api.readTender({
    fileName: '热水系统招标文件.docx',
    data: Buffer.from(await tenderDocx(CHECK_TENDER)).toString('base64'),
  });
  let tender = tenderRecord({ ...reading, sha256: reading.sha256! }, '2026-12-01T08:00:00.000Z');
  const requirements = [];
  for (const [i, r] of tender.rows.entries()) {
    if (r.kind !== 'star') continue;
    const q = toRequirement(r, new Set());
    requirements.push({ ...q, fact: r.fact! });
    tender = decide(tender, i, 'confirmed', q);
  }
  const { documents: _d, ...rest } = sample;
  return {
    ...rest,
    ...(documents
      ? documents.length > 1
        ? { documents }
        : { blueprint: documents[0]! }
      : { documents: sample.documents! }),
    requirements,
    tender,
  };
}

/** The project with one fact's figure changed (by fact id). */
export function withFact(p: Project, id: string, figure: { value: number; unit: string }): Project {
  return {
    ...p,
    commitments: p.commitments!.map((c) =>
      c.id !== id ? c : 'within' in c ? { ...c, within: figure } : 'period' in c ? { ...c, period: figure } : c,
    ) as Project['commitments'],
  };
}
