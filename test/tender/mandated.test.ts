// Mandated forms (#18 item 3): a tender that prescribes its 偏离表 columns and its 售后服务承诺书 wording. Read, the
// forms confirmed, the bid package's 偏离表 prints the tender's columns in its order and the letter keeps the tender's
// sentences verbatim around our commitments — in the preview, our PDF (pdftotext) and the DOCX (LibreOffice → PDF →
// pdftotext). Switched off, our own layout comes back; a column nothing fills is a check error naming it.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportDocx } from '@core/export/docx.js';
import { exportPdf } from '@core/export/pdf.js';
import { DEVIATION_TABLE_HEADER } from '@core/deviation/compute.js';
import { runsText, type Block, type Document } from '@core/model/document.js';
import type { Project } from '@core/model/project.js';
import type { TenderReading } from '@core/tender/model.js';
import { clarify, decide, followForm, tenderRecord, type ProjectTender } from '@core/tender/projectTender.js';
import { docxParts, tables as docxTables } from '../helpers/docx.js';
import { api } from '../helpers/sample.js';
import { squash } from '../helpers/text.js';
import { tempDir } from '../helpers/tmp.js';
import { missingTools, pdftotext, sofficeToPdf } from '../helpers/tools.js';
import { tenderDocx, type Part } from './fixture.js';
import { CLOSING, COLUMNS, LETTER_TITLE, mandatedTender as tender, OPENING } from './mandatedFixture.js';

const a = api();
let sample: Project;
let reading: TenderReading & { sha256: string };
let withBlank: TenderReading & { sha256: string };

/** The record with every format row confirmed (each followed unless switched off). */
const confirmedForms = (r: TenderReading & { sha256: string }): ProjectTender => {
  let t = tenderRecord(r, '2026-12-07T08:00:00.000Z');
  t.rows.forEach((row, i) => {
    if (row.kind === 'format') t = decide(t, i, 'confirmed');
  });
  return t;
};
const formIndex = (t: ProjectTender, title: RegExp) => t.rows.findIndex((r) => title.test(r.form?.title ?? ''));

const read = async (parts: Part[], fileName: string) =>
  (await a.readTender({
    fileName,
    data: Buffer.from(await tenderDocx(parts)).toString('base64'),
  })) as TenderReading & { sha256: string };

beforeAll(async () => {
  sample = (await a.openSample({ name: 'bid-package-sample' })).project;
  reading = await read(tender(COLUMNS), '招标文件.docx');
  withBlank = await read(tender([...COLUMNS.slice(0, 5), '证明材料']), '招标文件（含证明材料列）.docx');
}, 60_000);

const preview = async (project: Project, document: string) => (await a.preview({ project, document })).document;
const tableOf = (doc: Document) => doc.blocks.find((b): b is Extract<Block, { kind: 'table' }> => b.kind === 'table')!;
const text = (doc: Document) =>
  doc.blocks.map((b) => ('runs' in b ? runsText(b.runs) : b.kind === 'heading' ? b.text : '')).join('\n');
const items = (doc: Document) => doc.blocks.filter((b) => b.kind === 'listItem').map((b) => runsText(b.runs));

describe('招标文件规定的偏离表格式', () => {
  it('读出格式：列按招标文件的顺序和措辞', () => {
    const row = reading.rows.find((r) => r.kind === 'format' && /偏离表/.test(r.form?.title ?? ''));
    expect(row?.form?.columns).toEqual(COLUMNS);
  });

  it('确认后，偏离表的表头就是招标文件的列，每列各有我方计算的内容', async () => {
    const doc = await preview({ ...sample, tender: confirmedForms(reading) }, 'deviation-table');
    const table = tableOf(doc);
    expect(table.header).toEqual(COLUMNS);
    const ours = tableOf(await preview(sample, 'deviation-table'));
    expect(ours.header).toEqual([...DEVIATION_TABLE_HEADER]);
    // The same rows, their cells moved under the tender's columns: 序号, 条目号, 要求, 应答, 偏离, 说明.
    expect(table.rows).toEqual(ours.rows);
  });

  it('关闭“按招标文件格式”后恢复我方格式', async () => {
    const t = confirmedForms(reading);
    const off = followForm(t, formIndex(t, /偏离表/), { follow: false });
    expect(tableOf(await preview({ ...sample, tender: off }, 'deviation-table')).header).toEqual([
      ...DEVIATION_TABLE_HEADER,
    ]);
  });

  it('我方无法计算的列留空时报错并指明该列；填写后不再报错', async () => {
    const t = confirmedForms(withBlank);
    const { problems } = await a.checkProject({ project: { ...sample, tender: t } });
    const blank = problems.filter((p) => p.code === 'mandated_column_blank');
    expect(blank).toHaveLength(1);
    expect(blank[0]).toMatchObject({ severity: 'error', params: { column: '证明材料' } });
    expect(blank[0]!.message).toContain('证明材料');
    // The same wording test/core/problem-text.test.ts reads in English.
    expect(blank[0]!.message).toBe(
      '招标文件规定的「格式二 售后服务偏离表」中「证明材料」一列没有内容：请在招标要求中填写该列，或改用我方格式',
    );
    // A 繁體 bid prints the headers converted; the blank column is found all the same.
    const hant = await a.checkProject({ project: { ...sample, script: 'hant', tender: t } });
    expect(hant.problems.filter((p) => p.code === 'mandated_column_blank')).toHaveLength(1);
    const filled = followForm(t, formIndex(t, /偏离表/), { fill: { 证明材料: '见投标文件第五章' } });
    const again = await a.checkProject({ project: { ...sample, tender: filled } });
    expect(again.problems.filter((p) => p.code === 'mandated_column_blank')).toEqual([]);
    const table = tableOf(await preview({ ...sample, tender: filled }, 'deviation-table'));
    expect(table.rows.every((r) => r[5] === '见投标文件第五章')).toBe(true);
  });
});

describe('我方计算的列全部为空', () => {
  it('各项都没有条目号时，招标文件的「条款号」列报错；说明列可以为空', async () => {
    const requirements = (sample.requirements ?? []).map((q) => ({ ...q, item: '', note: '' }));
    const project = { ...sample, requirements, tender: confirmedForms(reading) };
    const { problems } = await a.checkProject({ project });
    expect(problems.filter((p) => p.code === 'mandated_column_blank').map((p) => p.params?.column)).toEqual([
      '招标文件条款号',
    ]);
    const withItems = await a.checkProject({ project: { ...project, requirements: sample.requirements } });
    expect(withItems.problems.filter((p) => p.code === 'mandated_column_blank')).toEqual([]);
  });
});

describe('选择随项目保存', () => {
  it('保存后重新打开、再导入澄清版，开关和填写的列内容都在', async () => {
    const t = confirmedForms(withBlank);
    const i = formIndex(t, /偏离表/);
    const chosen = followForm(t, i, { follow: false, fill: { 证明材料: '见附件' } });
    const project = { ...sample, tender: chosen };
    const { project: reopened } = await a.parseProject({ text: JSON.stringify(project), fileName: 'p.json' });
    expect(reopened.tender!.rows[i]).toMatchObject({ follow: false, fill: { 证明材料: '见附件' } });
    const newer = clarify(chosen, { ...withBlank, sha256: 'f'.repeat(64) }, '2026-12-08T08:00:00.000Z', []);
    expect(newer.record.rows[formIndex(newer.record, /偏离表/)]).toMatchObject({
      decision: 'confirmed',
      follow: false,
      fill: { 证明材料: '见附件' },
    });
  });
});

describe('招标文件规定的承诺书格式', () => {
  it('标题、抬头、开头和结尾按招标文件原文，中间是我方按承诺事项逐条列出的承诺', async () => {
    const ours = await preview(sample, 'commitment-letter');
    const doc = await preview({ ...sample, tender: confirmedForms(reading) }, 'commitment-letter');
    const values = sample.values as Record<string, string>;
    expect(doc.meta.projectName).toBe(LETTER_TITLE);
    const paragraphs = doc.blocks.filter((b) => b.kind === 'paragraph').map((b) => runsText(b.runs));
    expect(paragraphs[0]).toBe(`致：${values.purchaser_name}`);
    expect(paragraphs[1]).toBe(`${values.company_name}${OPENING}`);
    expect(paragraphs.at(-1)).toBe(CLOSING);
    // Our numbered commitments, as our own letter lists them from the facts; our salutation and closing give way.
    expect(items(doc)).toEqual(items(ours));
    expect(items(doc).length).toBeGreaterThan(3);
    const ownOpening = ours.blocks.filter((b) => b.kind === 'paragraph').map((b) => runsText(b.runs))[1]!;
    expect(text(doc)).not.toContain(ownOpening);
    // The form's blanks, signature and date lines are not printed: our signature block signs.
    expect(text(doc)).not.toMatch(/＿|……|日期：＿/);
    expect(doc.blocks.filter((b) => b.kind === 'signature')).toHaveLength(1);
  });

  it('关闭后恢复我方的承诺书', async () => {
    const t = confirmedForms(reading);
    const off = followForm(t, formIndex(t, /承诺书/), { follow: false });
    const ours = await preview(sample, 'commitment-letter');
    expect(await preview({ ...sample, tender: off }, 'commitment-letter')).toEqual(ours);
  });
});

/**
 * The table's header row in `pdftotext -layout` output: its lines down to the first row (序号 1), each word given to
 * the column whose first line starts nearest (a header that wraps in a narrow column continues below itself).
 */
function headerRow(layout: string): string[] {
  const lines = layout.split('\n');
  const first = lines.findIndex((l) => l.trimStart().startsWith(COLUMNS[0]!));
  const words = (l: string) => [...l.matchAll(/\S+/g)].map((m) => ({ at: m.index, text: m[0] }));
  const columns = words(lines[first]!);
  for (const line of lines.slice(first + 1)) {
    if (/^\s*1\s/.test(line)) break;
    for (const w of words(line)) {
      const near = columns.reduce((a, b) => (Math.abs(b.at - w.at) < Math.abs(a.at - w.at) ? b : a));
      near.text += w.text;
    }
  }
  return columns.map((c) => c.text);
}

const note = missingTools(['soffice', 'pdftotext']);
describe.skipIf(!!note)('导出的文件（pdftotext、LibreOffice）', () => {
  const reads = new Map<string, string[]>();
  let dir = '';
  beforeAll(async () => {
    dir = tempDir('bf-mandated-');
    const project = { ...sample, tender: confirmedForms(reading) };
    for (const name of ['deviation-table', 'commitment-letter']) {
      const doc = await preview(project, name);
      writeFileSync(join(dir, `${name}.pdf`), await exportPdf(doc));
      writeFileSync(join(dir, `${name}.docx`), await exportDocx(doc));
      const lo = await sofficeToPdf(join(dir, `${name}.docx`), join(dir, `lo-${name}`));
      const [ours, theirs] = [join(dir, `${name}.pdf`), lo];
      reads.set(name, [await pdftotext(ours), await pdftotext(theirs), await pdftotext(ours, 'layout')]);
      reads.set(`${name}-lo`, [await pdftotext(theirs, 'layout')]);
    }
  }, 180_000);

  it('偏离表的表头行是招标文件的列，按其顺序', () => {
    expect(headerRow(reads.get('deviation-table')![2]!)).toEqual(COLUMNS);
    expect(headerRow(reads.get('deviation-table-lo')![0]!)).toEqual(COLUMNS);
    const xml = docxParts(readFileSync(join(dir, 'deviation-table.docx')))['word/document.xml']!;
    expect(docxTables(xml)[0]![0]).toEqual(COLUMNS);
  });

  it('承诺书含招标文件的固定语句原文和我方承诺的数字', async () => {
    const ours = items(await preview(sample, 'commitment-letter'));
    const arrive = sample.commitments!.find((c) => c.kind === 'arrive') as { within: { value: number; unit: string } };
    for (const out of reads.get('commitment-letter')!.slice(0, 2)) {
      const flat = squash(out);
      expect(flat).toContain(squash(LETTER_TITLE));
      expect(flat).toContain(squash(OPENING));
      expect(flat).toContain(squash(CLOSING));
      expect(flat).toContain(`${arrive.within.value}${arrive.within.unit}`);
      for (const item of ours) expect(flat).toContain(squash(item).slice(0, 12));
    }
  });
});
