// 第 X 页 共 Y 页 in LibreOffice (#18 item 3): a letter, form or card (no cover) counts Y with NUMPAGES, which
// LibreOffice and Word count from their own layout, so the footer's total is the real page count of the DOCX as
// LibreOffice prints it — for the letter samples and for a letter that follows a tender's mandated 承诺书, which our PDF
// fits on one page and LibreOffice (spacing CJK from Latin text) on two.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Project } from '@core/model/project.js';
import type { TenderReading } from '@core/tender/model.js';
import { decide, tenderRecord, type ProjectTender } from '@core/tender/projectTender.js';
import { api } from '../helpers/sample.js';
import { tempDir } from '../helpers/tmp.js';
import { missingTools, pdfinfo, pdftotext, sofficeToPdf } from '../helpers/tools.js';
import { tenderDocx } from './fixture.js';
import { mandatedTender } from './mandatedFixture.js';

const note = missingTools(['soffice', 'pdftotext', 'pdfinfo']);
const a = api();
let mandated: ProjectTender;

beforeAll(async () => {
  const reading = (await a.readTender({
    fileName: '招标文件.docx',
    data: Buffer.from(await tenderDocx(mandatedTender())).toString('base64'),
  })) as TenderReading & { sha256: string };
  mandated = tenderRecord(reading, '2026-12-07T08:00:00.000Z');
  mandated.rows.forEach((row, i) => {
    if (row.kind === 'format') mandated = decide(mandated, i, 'confirmed');
  });
}, 60_000);

/** The footers of the DOCX as LibreOffice prints it: each page's 第 X 页 and 共 Y 页, and its page count. */
async function libreOfficeFooters(project: Project, document: string) {
  const dir = tempDir('bf-pages-');
  const { bytes } = await a.exportDocument({ project, format: 'docx', document });
  writeFileSync(join(dir, `${document}.docx`), bytes);
  const pdf = await sofficeToPdf(join(dir, `${document}.docx`), dir);
  const footers = [...(await pdftotext(pdf)).matchAll(/第\s*(\d+)\s*页\s*共\s*(\d+)\s*页/g)];
  return { pages: Number((await pdfinfo(pdf)).Pages), footers: footers.map((m) => [Number(m[1]), Number(m[2])]) };
}

const CASES: [string, string, boolean][] = [
  ['commitment-letter-sample', 'commitment-letter', false],
  ['bid-package-sample', 'commitment-letter', false],
  ['bid-package-sample', 'deviation-table', false],
  ['warranty-card-sample', 'warranty-card', false],
  ['bid-package-sample', 'commitment-letter', true],
];

describe.skipIf(!!note)('页脚的总页数等于 LibreOffice 排出的页数', () => {
  it.each(CASES)(
    '%s / %s（按招标文件格式：%s）',
    async (sample, document, follow) => {
      const project = (await a.openSample({ name: sample })).project;
      const { pages, footers } = await libreOfficeFooters(
        follow ? { ...project, tender: mandated } : project,
        document,
      );
      expect(pages).toBeGreaterThan(0);
      expect(footers).toEqual(Array.from({ length: pages }, (_, i) => [i + 1, pages]));
    },
    120_000,
  );
});
