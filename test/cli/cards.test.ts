// bidforge cards: valid rows exported, row errors named with row and column, exit codes.
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../cli/main.js';

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(args, (s) => out.push(s), (s) => err.push(s));
  return { code, out: out.join('\n'), err: err.join('\n') };
}
const HEADER = '客户名称,联系电话,地址,产品名称,型号,序列号,购买日期,经销商\n';
const row = (name: string, serial: string, date: string) => `${name},13800000000,滨江市解放路1号,空气源热泵,KF-120,${serial},${date},滨江家电\n`;

describe('bidforge cards', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bf-cards-cli-'));

  it('writes one batch PDF and, on request, one file per card named from the pattern', async () => {
    const data = join(dir, 'ok.csv');
    writeFileSync(data, HEADER + row('张三', 'SN1', '2026-01-31') + row('李四', 'SN2', '2024-02-29'));
    const r = await cli('cards', data, '--out', join(dir, 'ok'), '--per-card', '--name-pattern', '{customer}-{serial}');
    expect(r.code).toBe(0);
    expect(r.out).toContain('2 cards');
    expect(existsSync(join(dir, 'ok', '张三-SN1.pdf'))).toBe(true);
    expect(existsSync(join(dir, 'ok', '李四-SN2.pdf'))).toBe(true);
  });

  it('exports the valid rows, names each bad row and column, and exits 1', async () => {
    const data = join(dir, 'bad.csv');
    writeFileSync(data, HEADER + row('张三', 'SN1', '2026-01-31') + row('李四', 'SN1', '2026-02-30'));
    const r = await cli('cards', data, '--out', join(dir, 'bad'));
    expect(r.code).toBe(1);
    expect(r.out).toContain('1 cards');
    expect(r.err).toMatch(/第 3 行.*序列号.*重复/);
    expect(r.err).toMatch(/第 3 行.*购买日期.*2026\/02\/30|第 3 行.*购买日期.*2026-02-30/);
  });

  it('an unknown layout or a missing file is bad input: exit 2', async () => {
    const data = join(dir, 'ok.csv');
    expect((await cli('cards', data, '--out', join(dir, 'x'), '--layout', 'a3')).code).toBe(2);
    expect((await cli('cards', join(dir, 'missing.csv'), '--out', join(dir, 'x'))).code).toBe(2);
    expect((await cli('cards', data)).code).toBe(2);
  });
});
