// Word in, refused clearly: a file that is no DOCX, a damaged one, a zip that would unpack to too much, an old Word
// or WPS file (converted when LibreOffice is installed) — each named in the message, in bounded time.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { importWord } from '@core/library/wordImport/index.js';
import { importWordFile } from '@core/library/wordImport/file.js';
import { missingTools } from '../helpers/tools.js';
import { STYLED, wordDocx } from './wordFixture.js';

async function refusal(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    return e as { code: string; message: string };
  }
  throw new Error('not refused');
}

describe('读不了的文件', () => {
  it('不是 DOCX、已损坏、旧版 Word：各有说明并写明文件名', async () => {
    const text = new TextEncoder().encode('只是一段文字');
    expect(await refusal(importWord(text, '说明.txt', []))).toMatchObject({ code: 'word_not_docx' });
    const docx = await wordDocx(STYLED);
    const broken = docx.slice(0, docx.length / 2);
    const e = await refusal(importWord(broken, '旧方案.docx', []));
    expect(e.code).toBe('word_unreadable');
    expect(e.message).toContain('旧方案.docx');
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    const old = await refusal(importWord(ole, '承诺书.wps', []));
    expect(old.code).toBe('word_old_format');
    expect(old.message).toMatch(/承诺书\.wps.*另存为.*DOCX/);
  });

  it('解压后过大的 zip 在解压前就被拒绝', async () => {
    const docx = await wordDocx(STYLED);
    // Claims 4 GB for the first part in the central directory; nothing is unpacked to find out.
    const view = new DataView(docx.buffer, docx.byteOffset, docx.byteLength);
    let cd = -1;
    for (let i = 0; i + 4 <= docx.length; i++)
      if (view.getUint32(i, true) === 0x02014b50) {
        cd = i;
        break;
      }
    view.setUint32(cd + 24, 0xfffffff0, true);
    const started = Date.now();
    const e = await refusal(importWord(docx, '巨大.docx', []));
    expect(e.code).toBe('word_too_large');
    expect(e.message).toContain('巨大.docx');
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe('没有 LibreOffice 时的旧版 Word', () => {
  it('请用户另存为 DOCX，写明文件名', async () => {
    const before = process.env.BIDFORGE_SOFFICE;
    process.env.BIDFORGE_SOFFICE = '/nonexistent/soffice';
    try {
      const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
      const e = await refusal(importWordFile(ole, '旧协议.doc', []));
      expect(e.code).toBe('word_old_format');
      expect(e.message).toMatch(/^旧协议\.doc 是旧版 Word.*另存为” DOCX/);
    } finally {
      if (before === undefined) delete process.env.BIDFORGE_SOFFICE;
      else process.env.BIDFORGE_SOFFICE = before;
    }
  });
});

const note = missingTools(['soffice']);
describe.skipIf(!!note)('LibreOffice 已安装时转换旧版 Word', () => {
  it('.doc 先转换为 DOCX 再拆分', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bf-word-doc-'));
    writeFileSync(join(dir, 'plan.docx'), await wordDocx(STYLED));
    await promisify(execFile)(
      'soffice',
      [
        `-env:UserInstallation=file://${dir}/profile`,
        '--headless',
        '--convert-to',
        'doc',
        '--outdir',
        dir,
        join(dir, 'plan.docx'),
      ],
      { timeout: 120_000 },
    );
    const r = await importWordFile(new Uint8Array(readFileSync(join(dir, 'plan.doc'))), '旧方案.doc', []);
    expect(r.convertedFrom).toBe('旧方案.doc');
    expect(r.candidates.map((c) => c.title)).toEqual(['响应与到场', '质量保证', '服务网点与人员']);
    expect(r.candidates[0]!.facts.map((f) => f.id)).toContain('arrive');
  }, 240_000);
});
