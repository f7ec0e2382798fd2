// bidforge cards: a data file that is missing, a folder, or not what its name says is refused (exit 2) in the
// --lang language, Chinese by default.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inChinese, runCli } from '../helpers/cli.js';

const cli = (...args: string[]) => runCli(inChinese(args));

describe('bidforge cards refuses a data file it cannot read', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bf-cards-file-'));
  const out = join(dir, 'out');

  it('a missing file', async () => {
    const missing = join(dir, 'MISSING.csv');
    expect(await cli('cards', missing, '--out', out)).toMatchObject({
      code: 2,
      out: '',
      err: `错误：找不到数据文件：${missing}`,
    });
    expect(await cli('cards', missing, '--out', out, '--lang', 'en')).toMatchObject({
      code: 2,
      out: '',
      err: `error: Data file not found: ${missing}`,
    });
  });

  it('a folder given as the data file', async () => {
    const folder = join(dir, 'data.csv');
    mkdirSync(folder);
    expect((await cli('cards', folder, '--out', out)).err).toBe(`错误：${folder} 是一个文件夹，不是数据文件`);
    expect((await cli('cards', folder, '--out', out, '--lang', 'en')).err).toBe(
      `error: ${folder} is a folder, not a data file`,
    );
  });

  it('an .xlsx that is not a zip (a CSV renamed)', async () => {
    const data = join(dir, '客户.xlsx');
    writeFileSync(data, '客户名称,序列号,购买日期\n张三,SN1,2026-01-05\n');
    const zh = await cli('cards', data, '--out', out);
    expect(zh.code).toBe(2);
    expect(zh.err).toBe('错误：客户.xlsx：不是有效的 XLSX 文件（找不到 ZIP 目录）');
    const en = await cli('cards', data, '--out', out, '--lang', 'en');
    expect(en.code).toBe(2);
    expect(en.err).toBe(
      'error: 客户.xlsx: not a valid XLSX file (it is not a zip archive: no zip directory was found)',
    );
  });

  it('a file without a required column, in English too', async () => {
    const data = join(dir, 'odd.csv');
    writeFileSync(data, '客户名称,机器码,购买日期\n张三,SN1,2026-01-05\n');
    const en = await cli('cards', data, '--out', out, '--lang', 'en');
    expect(en.code).toBe(2);
    expect(en.err).toBe(
      'error: No “序列号” column (header in row 1: 客户名称, 机器码, 购买日期); change the header or map the column',
    );
  });

  it('arguments it refuses, in either language', async () => {
    const data = join(dir, 'ok.csv');
    writeFileSync(data, '客户名称,序列号,购买日期\n张三,SN1,2026-01-05\n');
    expect(await cli('cards', data, '--out', out, '--format', 'odt', '--lang', 'en')).toMatchObject({
      code: 2,
      err: 'cards: unknown format “odt” (use pdf, docx or both)',
    });
    expect(await cli('cards', data)).toMatchObject({ code: 2, err: 'cards：请用 --out <目录> 指定输出位置' });
  });
});
