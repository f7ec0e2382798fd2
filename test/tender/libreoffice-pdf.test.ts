// A PDF we did not lay out ourselves: LibreOffice's PDF of the generated DOCX tender proposes the same rows, each on
// the page LibreOffice put it (its text runs are split and spaced differently from pdfmake's).
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { TenderReading } from '@core/tender/model.js';
import { readTender } from '@core/tender/read.js';
import { tempDir } from '../helpers/tmp.js';
import { missingTools } from '../helpers/tools.js';
import { tenderDocx } from './fixture.js';

const note = missingTools(['soffice']);
const shape = (r: TenderReading) =>
  r.rows.map((x) => [
    x.kind,
    x.item,
    x.op,
    x.value ?? x.schedule,
    x.unit,
    x.key,
    x.points,
    x.loc.page,
    'row' in x.loc ? x.loc.row : 0,
  ]);

describe.skipIf(!!note)('LibreOffice 生成的 PDF 招标文件', () => {
  it('与 DOCX 原件提出同样的行，页码按 LibreOffice 的排版', async () => {
    const dir = tempDir('bf-tender-lo-');
    const docx = join(dir, '招标文件.docx');
    writeFileSync(docx, await tenderDocx());
    await promisify(execFile)(
      'soffice',
      [
        `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        docx,
      ],
      { timeout: 120_000 },
    );
    const pdf = await readTender(new Uint8Array(readFileSync(join(dir, '招标文件.pdf'))), '招标文件.pdf');
    const original = await readTender(readFileSync(docx), '招标文件.docx');
    // Each chapter of the fixture fits on one page, so LibreOffice's pages are the DOCX's page breaks.
    expect(pdf.pages).toBe(original.pages);
    expect(shape(pdf)).toEqual(shape(original));
    expect(pdf.review.map((r) => r.loc.page)).toEqual(original.review.map((r) => r.loc.page));
  }, 180_000);
});
