// Files a tender reader cannot read are refused with a Chinese message that says what to do, never a stack trace.
import { describe, expect, it } from 'vitest';
import { MAX_BYTES } from '@core/tender/limits.js';
import { readTender } from '@core/tender/read.js';
import { pdfBytes } from './fixture.js';

async function refusal(bytes: Uint8Array, name: string): Promise<{ code: string; message: string }> {
  try {
    await readTender(bytes, name);
  } catch (e) {
    return { code: (e as { code: string }).code, message: (e as Error).message };
  }
  throw new Error('read without a refusal');
}

describe('无法读取的招标文件给出明确提示', () => {
  it('扫描版PDF（没有文字）提示可能是扫描件、暂不识别图片文字', async () => {
    const page = { canvas: [{ type: 'rect', x: 0, y: 0, w: 400, h: 600, color: '#999999' }] };
    const r = await refusal(await pdfBytes({ content: [page, { ...page, pageBreak: 'before' }] }), '扫描件.pdf');
    expect(r.code).toBe('tender_scanned');
    expect(r.message).toContain('扫描件');
    expect(r.message).toContain('2 页');
  }, 30_000);

  it('旧版Word（.doc）按文件内容识别，提示另存为DOCX或PDF', async () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    const r = await refusal(ole, '招标文件.docx');
    expect(r).toMatchObject({ code: 'tender_old_word' });
    expect(r.message).toContain('另存为');
  });

  it('WPS文件提示另存为DOCX或PDF', async () => {
    expect((await refusal(new TextEncoder().encode('not really wps'), '招标文件.wps')).code).toBe('tender_old_word');
  });

  it('既不是DOCX也不是PDF的文件被拒绝', async () => {
    expect(await refusal(new TextEncoder().encode('纯文本'), '招标文件.txt')).toMatchObject({
      code: 'tender_unknown_format',
    });
  });

  it('损坏的DOCX提示不是有效的DOCX文件', async () => {
    const r = await refusal(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]), '坏文件.docx');
    expect(r.code).toBe('tender_unreadable');
    expect(r.message).toContain('不是有效的 DOCX 文件');
  });

  it('损坏的PDF提示不是有效的PDF文件', async () => {
    expect((await refusal(new TextEncoder().encode('%PDF-1.7 broken'), '坏文件.pdf')).code).toBe('tender_unreadable');
  });

  it('超过大小上限的文件不读取就被拒绝', async () => {
    const r = await refusal(new Uint8Array(MAX_BYTES + 1), '超大.pdf');
    expect(r.code).toBe('tender_too_large');
    expect(r.message).toContain('MB');
  });
});
