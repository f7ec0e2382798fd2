// The CLI and mandated forms (#18 item 3): `bidforge check` reports a mandated 偏离表 column nothing fills (through
// checkProject), `bidforge render` refuses to write it, and `render --forms ours` exports our own layout whatever the
// project follows.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../cli/main.js';
import { DEVIATION_TABLE_HEADER } from '@core/deviation/compute.js';
import type { TenderReading } from '@core/tender/model.js';
import { decide, tenderRecord, type ProjectTender } from '@core/tender/projectTender.js';
import { api } from '../helpers/sample.js';
import { squash } from '../helpers/text.js';
import { tempDir } from '../helpers/tmp.js';
import { missingTools, pdftotext } from '../helpers/tools.js';
import { tenderDocx } from './fixture.js';
import { COLUMNS, mandatedTender, OPENING } from './mandatedFixture.js';

const note = missingTools(['pdftotext']);
const WITH_PROOF = [...COLUMNS.slice(0, 5), '证明材料'];
let file: string;

async function cli(...argv: string[]) {
  const lines: string[] = [];
  const code = await run(
    argv,
    (s) => lines.push(s),
    (s) => lines.push(s),
  );
  return { code, all: lines.join('\n') };
}

beforeAll(async () => {
  const a = api();
  const sample = (await a.openSample({ name: 'bid-package-sample' })).project;
  const reading = (await a.readTender({
    fileName: '招标文件.docx',
    data: Buffer.from(await tenderDocx(mandatedTender(WITH_PROOF))).toString('base64'),
  })) as TenderReading & { sha256: string };
  let t: ProjectTender = tenderRecord(reading, '2026-12-07T08:00:00.000Z');
  t.rows.forEach((row, i) => {
    if (row.kind === 'format') t = decide(t, i, 'confirmed');
  });
  file = join(tempDir(), '项目.json');
  writeFileSync(file, JSON.stringify({ ...sample, tender: t }, null, 2));
}, 60_000);

describe('bidforge 与招标文件规定的格式', () => {
  it('check 报告无人填写的列（退出码 1），render 因此不生成', async () => {
    const c = await cli('check', file, '--lang', 'zh');
    expect(c.code, c.all).toBe(1);
    expect(c.all).toContain('「证明材料」一列没有内容');
    const out = tempDir();
    const r = await cli('render', file, '--out', out, '--format', 'pdf');
    expect(r.code, r.all).toBe(1);
    expect(r.all).toContain('「证明材料」一列没有内容');
    expect(readdirSync(out)).toHaveLength(0);
  }, 120_000);

  it('render --forms ours 用我方格式导出：偏离表是我方的列，不再报该列的错', async (ctx) => {
    ctx.skip(!!note, note);
    const out = tempDir();
    const r = await cli('render', file, '--out', out, '--format', 'pdf', '--forms', 'ours');
    expect(r.code, r.all).toBe(0);
    expect(r.all).not.toContain('证明材料');
    const texts = await Promise.all(
      readdirSync(out)
        .filter((f) => f.endsWith('.pdf'))
        .map(async (f) => squash(await pdftotext(join(out, f)))),
    );
    // Our 偏离表's headers (投标文件应答), not the tender's (投标响应, 证明材料), nor its letter's wording.
    expect(texts.some((t) => t.includes(DEVIATION_TABLE_HEADER[3]!))).toBe(true);
    expect(texts.some((t) => t.includes(COLUMNS[3]!))).toBe(false);
    expect(texts.some((t) => t.includes('证明材料'))).toBe(false);
    expect(texts.some((t) => t.includes(squash(OPENING)))).toBe(false);
  }, 180_000);

  it('--forms 只接受 tender 或 ours，否则退出码 2', async () => {
    const r = await cli('render', file, '--out', tempDir(), '--forms', 'theirs');
    expect(r.code).toBe(2);
    expect(r.all).toContain('--forms');
  });
});
