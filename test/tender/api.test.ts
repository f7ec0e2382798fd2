// The readTender channel: what the CLI and the app call, through the same validation and envelope as every channel.
import { describe, expect, it } from 'vitest';
import { createHandlers } from '@core/api/handlers.js';
import { createLocalClient } from '@core/api/localClient.js';
import { tenderDocx } from './fixture.js';

const api = createLocalClient(createHandlers({ templatesDir: 'templates' }));
const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');

describe('readTender 通道', () => {
  it('读入招标文件，返回带页码和段落号的建议行', async () => {
    const r = await api.readTender({ fileName: '招标文件.docx', data: b64(await tenderDocx()) });
    expect(r.fileName).toBe('招标文件.docx');
    expect(r.rows.find((x) => x.key === 'warranty_months')).toMatchObject({
      kind: 'star',
      op: '>=',
      value: 3,
      unit: '年',
      loc: { page: 2 },
    });
  });

  it('旧版Word文件的拒绝带着代码和文件名穿过接口', async () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    await expect(api.readTender({ fileName: '旧招标文件.doc', data: b64(ole) })).rejects.toMatchObject({
      code: 'tender_old_word',
      params: { fileName: '旧招标文件.doc' },
    });
  });

  it('没有文件内容的请求在边界被拒绝', async () => {
    await expect(api.readTender({ fileName: 'x.pdf', data: '' })).rejects.toMatchObject({ code: 'bad_request' });
  });
});
