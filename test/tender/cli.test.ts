// bidforge tender read: the proposed rows with their place, as text or JSON, and a clear refusal for what it cannot read.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import type { TenderReading } from '@core/tender/model.js';
import { tempDir } from '../helpers/tmp.js';
import { clarified, SPLIT, tenderDocx, tenderPdf } from './fixture.js';

const dir = tempDir('bf-tender-cli-');
const data = tempDir('bf-tender-data-');

const cli = (...args: string[]) => runCli([...args, '--data', data]);

describe('bidforge tender read', () => {
  beforeAll(async () => {
    writeFileSync(join(dir, '招标文件.docx'), await tenderDocx());
    writeFileSync(join(dir, '招标文件.pdf'), await tenderPdf());
  }, 30_000);

  it('PDF：每行带页码和段落号、类别、比较符和数值，跨页的句子也在', async () => {
    const r = await cli('tender', 'read', join(dir, '招标文件.pdf'), '--lang', 'zh');
    expect(r.code).toBe(0);
    expect(r.out).toContain('5 页，提出 25 行；另有 3 句服务要求未能识别');
    expect(r.out).toContain(
      '第2页第3段  ★实质性条款  ≥ 3年 [warranty_months]  ★1. 质保期不少于三年，自验收合格之日起计算。',
    );
    expect(r.out).toContain(`第2–3页第9段  要求  ≤ 24小时 [resolution_time]  ${SPLIT}`);
    expect(r.out).toMatch(/待复核[\s\S]*第2页第8段 {2}6\. 中标人应建立用户设备档案/);
  });

  it('DOCX 以英文输出，并说明页码只按分页符计', async () => {
    const r = await cli('tender', 'read', join(dir, '招标文件.docx'), '--lang', 'en');
    expect(r.code).toBe(0);
    expect(r.out).toContain('pages are counted from page breaks only');
    expect(r.out).toContain('¶5 (from p. 1)  disqualification  投标文件未按规定密封和标记的，作废标处理。');
  });

  it('--json 给出全部建议行与待复核句', async () => {
    const r = await cli('tender', 'read', join(dir, '招标文件.docx'), '--json');
    const reading = JSON.parse(r.out) as TenderReading;
    expect(reading.rows).toHaveLength(25);
    expect(reading.review).toHaveLength(3);
    expect(reading.rows.filter((x) => x.kind === 'toc').map((x) => x.text)).toEqual([
      '一、投标函',
      '二、开标一览表',
      '三、售后服务承诺书',
      '四、服务偏离表',
    ]);
  });

  it('旧版 .doc 文件退出码为 2，提示另存为 DOCX 或 PDF', async () => {
    writeFileSync(join(dir, '旧.doc'), new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    const zh = await cli('tender', 'read', join(dir, '旧.doc'), '--lang', 'zh');
    expect(zh).toMatchObject({ code: 2, out: '' });
    expect(zh.err).toContain('另存为');
    expect((await cli('tender', 'read', join(dir, '旧.doc'), '--lang', 'en')).err).toContain('save it as DOCX or PDF');
  });

  it('缺少文件或文件不存在时退出码为 2', async () => {
    expect((await cli('tender', 'read', '--lang', 'zh')).code).toBe(2);
    const missing = await cli('tender', 'read', join(dir, '没有这个文件.pdf'), '--lang', 'zh');
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('ENOENT');
  });
});

describe('bidforge tender diff', () => {
  it('列出澄清版新增、修改、删除的要求，修改的给出原文', async () => {
    writeFileSync(join(dir, '招标文件-澄清.docx'), await tenderDocx(clarified()));
    writeFileSync(join(dir, '招标文件-原版.docx'), await tenderDocx());
    const r = await cli(
      'tender',
      'diff',
      join(dir, '招标文件-原版.docx'),
      join(dir, '招标文件-澄清.docx'),
      '--lang',
      'zh',
    );
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toBe('新增 2 行，修改 2 行，删除 1 行，未变 22 行');
    expect(r.out).toContain(
      '修改  第10段（第2页起）  ★实质性条款  ≥ 5年 [warranty_months]  ★1. 质保期不少于五年，自验收合格之日起计算。\n      原为  第9段（第2页起）  ★实质性条款  ≥ 3年 [warranty_months]  ★1. 质保期不少于三年',
    );
    expect(r.out).toContain('删除  第12段（第2页起）  要求  ≥ 8年 [parts_supply_years]  4. 备件供应不少于8年。');
  });
});
