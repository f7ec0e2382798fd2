// The tender stays with the project (#18): the file's name, format, pages, read time and hash, every proposed row with
// the writer's decision; it survives save and reopen, older files open unchanged, and a clarification is compared with
// the stored rows and marks the confirmed requirements and facts it touches.
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '@core/api/handlers.js';
import { createLocalClient } from '@core/api/localClient.js';
import { projectSchema, type Project } from '@core/model/project.js';
import type { TenderReading } from '@core/tender/model.js';
import { clarify, decide, linkedRequirements, MAX_STORED_ROWS, tenderRecord } from '@core/tender/projectTender.js';
import { toRequirement } from '@core/tender/toRequirement.js';
import { clarified, TENDER, tenderDocx } from './fixture.js';

const api = createLocalClient(createHandlers({ templatesDir: 'templates' }));
const read = async (bytes: Uint8Array, fileName: string) =>
  (await api.readTender({ fileName, data: Buffer.from(bytes).toString('base64') })) as TenderReading & {
    sha256: string;
  };

let v1Bytes: Uint8Array;
let v1: TenderReading & { sha256: string };
let v2: TenderReading & { sha256: string };
let sample: Project;
beforeAll(async () => {
  v1Bytes = await tenderDocx(TENDER);
  v1 = await read(v1Bytes, '招标文件.docx');
  v2 = await read(await tenderDocx(clarified()), '招标文件（澄清）.docx');
  sample = (await api.openSample({ name: 'service-plan-sample' })).project;
});

/** The project with the tender stored and the rows of the given variables confirmed. */
function confirmed(keys: string[]): Project {
  let tender = tenderRecord(v1, '2026-12-01T08:00:00.000Z');
  const requirements = [];
  for (const [i, r] of tender.rows.entries())
    if (keys.includes(r.key ?? '')) {
      const q = toRequirement(r, new Set(keys));
      requirements.push(q);
      tender = decide(tender, i, 'confirmed', q);
    } else if (r.kind === 'scoring') tender = decide(tender, i, 'dismissed');
  return { ...sample, requirements, tender };
}

describe('项目保存招标文件', () => {
  it('记录文件名、格式、页数、读取时间和 SHA-256，以及每一行（含待复核句），初始为待定', () => {
    const t = tenderRecord(v1, '2026-12-01T08:00:00.000Z');
    expect(t).toMatchObject({ fileName: '招标文件.docx', format: 'docx', pages: v1.pages, paragraphBasis: 'document' });
    expect(t.sha256).toBe(createHash('sha256').update(v1Bytes).digest('hex'));
    expect(t.rows).toHaveLength(v1.rows.length + v1.review.length);
    expect(new Set(t.rows.map((r) => r.decision))).toEqual(new Set(['pending']));
    expect(t.rows.filter((r) => r.review).map((r) => r.text)).toEqual(v1.review.map((r) => r.text));
  });

  it('保存后重新打开：行、页码和决定都在，已确认的行对应到招标要求', async () => {
    const project = confirmed(['warranty_months', 'parts_supply_years']);
    const { project: reopened } = await api.parseProject({ text: JSON.stringify(project), fileName: 'p.json' });
    expect(reopened.tender).toEqual(project.tender);
    const t = reopened.tender!;
    const decided = t.rows.filter((r) => r.decision === 'confirmed');
    expect(decided.map((r) => r.key)).toEqual(['warranty_months', 'parts_supply_years']);
    expect(decided[0]).toMatchObject({
      kind: 'star',
      loc: { page: 2 },
      requirement: '质保期不少于三年，自验收合格之日起计算。',
    });
    expect(t.rows.filter((r) => r.decision === 'dismissed').every((r) => r.kind === 'scoring')).toBe(true);
    const links = linkedRequirements(t, reopened.requirements!);
    expect(t.rows.flatMap((r, i) => (links[i]! >= 0 ? [[r.key, links[i]]] : []))).toEqual([
      ['warranty_months', 0],
      ['parts_supply_years', 1],
    ]);
  });

  it('没有招标文件记录的旧项目文件照常打开，不多出字段', async () => {
    const { tender: _t, ...old } = sample;
    const { project } = await api.parseProject({ text: JSON.stringify(old), fileName: 'old.json' });
    expect('tender' in project).toBe(false);
  });

  it('大小有上限：行数超限的项目文件被拒绝，读取时超长的行被截断', () => {
    const t = tenderRecord(v1, '2026-12-01T08:00:00.000Z');
    const many = { ...sample, tender: { ...t, rows: Array.from({ length: MAX_STORED_ROWS + 1 }, () => t.rows[0]!) } };
    expect(projectSchema.safeParse(many).success).toBe(false);
    const long = { ...v1, rows: [{ ...v1.rows[0]!, text: '要'.repeat(5000) }], review: [] };
    const cut = tenderRecord(long, '2026-12-01T08:00:00.000Z');
    expect(cut.rows[0]!.text.length).toBe(2000);
    expect(projectSchema.safeParse({ ...sample, tender: cut }).success).toBe(true);
  });
});

describe('澄清版与项目中保存的招标文件比较', () => {
  it('未变的行保留决定；修改的行标出原文；新增的待定；删除的保留并标出；并指出受影响的要求和事实', () => {
    const project = confirmed(['warranty_months', 'parts_supply_years', 'training_days']);
    const c = clarify(project.tender!, v2, '2026-12-05T08:00:00.000Z', project.requirements!);
    const rows = c.record.rows;
    const warranty = rows.find((r) => r.key === 'warranty_months' && r.kind === 'star')!;
    expect(warranty).toMatchObject({ decision: 'confirmed', change: 'changed', value: 5 });
    expect(warranty.was).toBe('★1. 质保期不少于三年，自验收合格之日起计算。');
    expect(rows.find((r) => r.key === 'parts_supply_years')).toMatchObject({
      decision: 'confirmed',
      change: 'removed',
    });
    expect(rows.find((r) => r.key === 'training_days')).toMatchObject({ decision: 'confirmed' });
    expect(rows.find((r) => r.key === 'training_days')!.change).toBeUndefined();
    expect(rows.filter((r) => r.change === 'added').map((r) => [r.decision, r.text])).toEqual([
      ['pending', '投标人被列入失信被执行人名单的，其投标无效。'],
      ['pending', '7. 每年免费保养2次。'],
    ]);
    // Scoring rows dismissed in the first version stay dismissed.
    expect(rows.filter((r) => r.kind === 'scoring').every((r) => r.decision === 'dismissed')).toBe(true);
    expect(c.requirements.map((t) => [t.index, t.change])).toEqual([
      [0, 'changed'],
      [1, 'removed'],
    ]);
    expect(c.facts.sort()).toEqual(['parts_supply', 'warranty']);
    expect(c.record.fileName).toBe('招标文件（澄清）.docx');
    expect(c.record.sha256).toBe(v2.sha256);
    expect(c.record.history).toEqual([
      expect.objectContaining({ fileName: '招标文件.docx', sha256: v1.sha256, added: 2, changed: 2, removed: 1 }),
    ]);
    expect(projectSchema.safeParse({ ...project, tender: c.record }).success).toBe(true);
  });
});

describe('保存的行总能通过项目文件的校验', () => {
  it('超长的条目号、章节、格式标题和列都被截到上限', () => {
    const row = v1.rows.find((r) => r.kind === 'format')!;
    const wild = {
      ...row,
      item: '1'.repeat(80),
      chapter: Array.from({ length: 20 }, () => '章'.repeat(300)),
      form: {
        title: '表'.repeat(300),
        text: '字'.repeat(3000),
        columns: Array.from({ length: 40 }, () => '列'.repeat(150)),
      },
    };
    const t = tenderRecord({ ...v1, rows: [wild], review: [] }, '2026-12-01T08:00:00.000Z');
    expect(projectSchema.safeParse({ ...sample, tender: t }).success).toBe(true);
  });
});
