// A warranty-card XLSX that would unpack to far more than a card list needs (a "decompression bomb": 0.5 MB that
// kept the host busy for a minute at 3.5 GB) is refused with a Chinese message before exceljs sees it.
import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readCardRows } from '@core/cards/read.js';
import { checkXlsxLimits, XLSX_LIMITS } from '@core/cards/zipLimits.js';
import { thrown } from './helpers.js';

type Part = { name: string; data: Uint8Array; size: number; method?: number };

/** A zip written by hand, so a test can make its central directory declare any size (CRCs are left 0). */
function zip(parts: Part[]): Uint8Array {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(p.method ?? 8, 8);
    local.writeUInt32LE(p.data.length, 18);
    local.writeUInt32LE(p.size, 22);
    local.writeUInt16LE(name.length, 26);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(p.method ?? 8, 10);
    cd.writeUInt32LE(p.data.length, 20);
    cd.writeUInt32LE(p.size, 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt32LE(offset, 42);
    chunks.push(local, name, Buffer.from(p.data));
    central.push(cd, name);
    offset += 30 + name.length + p.data.length;
  }
  const cdBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cdBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...chunks, cdBytes, end]));
}

const MB = 1024 * 1024;

describe('XLSX decompression limits', () => {
  it('a 0.5 MB workbook declaring 300 MB is refused from its declared sizes, before anything is inflated', async () => {
    // The entry's bytes are not deflate data at all: had they been inflated, the error would be “无法解压”.
    const garbage = new Uint8Array(MB / 2).map((_, i) => (i * 7919) & 0xff);
    const bomb = zip([{ name: 'xl/worksheets/sheet1.xml', data: garbage, size: 300 * MB }]);
    const before = process.memoryUsage().arrayBuffers;
    const e = await thrown(readCardRows(bomb, '客户清单.xlsx'));
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(16 * MB);
    expect(e.code).toBe('card_file_too_big');
    expect(e.message).toBe(
      '客户清单.xlsx：解压后有 300 MB（上限 48 MB），已拒绝读取（可能是“压缩炸弹”文件）；请在 Excel 中删去多余的工作表或另存为 CSV',
    );
    expect(e.problems[0]!.params).toMatchObject({ stage: 'declared', bytes: 300 * MB });
  });

  it('an entry that inflates to more than it declares is stopped at its declared size', async () => {
    const zeros = deflateRawSync(Buffer.alloc(64 * MB)); // ~64 KB that unpacks to 64 MB
    const liar = zip([{ name: 'xl/worksheets/sheet1.xml', data: zeros, size: 10_000 }]);
    const before = process.memoryUsage().arrayBuffers;
    const e = await thrown(readCardRows(liar, 'liar.xlsx'));
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(16 * MB);
    expect(e.code).toBe('card_file_too_big');
    expect(e.message).toContain('“xl/worksheets/sheet1.xml”解压后超过它声明的');
    expect(e.problems[0]!.params).toMatchObject({ stage: 'inflate' });
  });

  it('a sheet of more cells than a card list could need is refused before exceljs reads it', () => {
    const xml = Buffer.from(
      `<worksheet><sheetData><row r="1">${'<c r="A1"/>'.repeat(XLSX_LIMITS.cells + 1)}</row></sheetData></worksheet>`,
    );
    const many = zip([{ name: 'xl/worksheets/sheet1.xml', data: deflateRawSync(xml), size: xml.length }]);
    let err: unknown;
    try {
      checkXlsxLimits(many, 'many.xlsx');
    } catch (e) {
      err = e;
    }
    expect(err).toMatchObject({
      code: 'card_file_too_big',
      message: expect.stringContaining('工作表中有超过 500,000 个单元格'),
    });
  });

  it('an ordinary workbook passes and reads as before', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('客户');
    ws.addRow(['客户名称', '序列号', '购买日期']);
    ws.addRow(['张三', 'SN1', '2026-01-31']);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    expect(() => checkXlsxLimits(bytes, 'ok.xlsx')).not.toThrow();
    expect((await readCardRows(bytes, 'ok.xlsx')).rows.map((r) => r.customer)).toEqual(['张三']);
  });
});
