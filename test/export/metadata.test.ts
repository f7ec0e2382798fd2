// Clean exports (#18 item 6): a DOCX's docProps and a PDF's information dictionary carry the title, the subject, the
// project number and the company as author — no account or machine name, no template path, no edit-session id, no
// library default. Read back from the files themselves (the zip's parts; pdfinfo).
import { writeFileSync } from 'node:fs';
import { hostname, userInfo } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportDocx } from '@core/export/docx.js';
import { exportPdf } from '@core/export/pdf.js';
import type { Document } from '@core/model/document.js';
import { decodeXml, docxParts } from '../helpers/docx.js';
import { tempDir } from '../helpers/tmp.js';
import { missingTools, pdfinfo } from '../helpers/tools.js';

const COMPANY = '华瑞康泰机电设备有限公司';
const doc = (bidder: string): Document => ({
  meta: {
    title: '滨江市第一人民医院净化空调机组采购项目售后服务方案',
    projectName: '售后服务方案',
    projectNo: 'BJCG-2026-0412',
    bidder,
    date: '2026-11-24',
    docType: 'service-plan',
    draft: false,
  },
  blocks: [
    { kind: 'heading', level: 1, number: '一、', text: '服务承诺' },
    { kind: 'paragraph', runs: [{ text: '我方承诺在接到报修通知后2小时内到达现场。' }] },
  ],
});

/** An XML part's elements as name → text (namespace prefixes kept). */
function elements(xml: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of xml.matchAll(/<([\w:]+)(?:\s[^>]*)?>([^<]*)<\/\1>/g)) out[m[1]!] = decodeXml(m[2]!);
  return out;
}

/** Strings that would identify this machine or its user, when they are long enough to be told from ordinary words. */
const identifying = [userInfo().username, hostname()].filter((s) => s.length >= 3);

describe('导出文件的元数据', () => {
  it('DOCX：只有标题、主题、说明和公司名作者，没有库的默认作者、账户名、机器名、模板或编辑会话标识', async () => {
    const parts = docxParts(await exportDocx(doc(COMPANY)));
    const core = elements(parts['docProps/core.xml']!);
    expect(Object.keys(core).sort()).toEqual(
      [
        'cp:lastModifiedBy',
        'cp:revision',
        'dc:creator',
        'dc:description',
        'dc:subject',
        'dc:title',
        'dcterms:created',
        'dcterms:modified',
      ].sort(),
    );
    expect(core['dc:creator']).toBe(COMPANY);
    expect(core['cp:lastModifiedBy']).toBe(COMPANY);
    expect(core['dc:title']).toBe('滨江市第一人民医院净化空调机组采购项目售后服务方案');
    expect(core['dc:description']).toBe('售后服务方案 BJCG-2026-0412');
    // app.xml and custom.xml: no Application, Company, Template, Manager, no custom property.
    expect(elements(parts['docProps/app.xml'] ?? '')).toEqual({});
    expect(parts['docProps/custom.xml'] ?? '').not.toMatch(/<property\b/);
    const all = Object.values(parts).join('\n');
    expect(all).not.toContain('Un-named');
    expect(all).not.toMatch(/w:rsid|<w:attachedTemplate|\.dotx?\b/);
    const meta = `${parts['docProps/core.xml']}${parts['docProps/app.xml'] ?? ''}${parts['docProps/custom.xml'] ?? ''}`;
    for (const s of identifying) expect(meta).not.toContain(s);
  });

  it('DOCX：没有投标人时作者是 BidForge，而不是 docx 库的 Un-named', async () => {
    const core = elements(docxParts(await exportDocx(doc('')))['docProps/core.xml']!);
    expect([core['dc:creator'], core['cp:lastModifiedBy']]).toEqual(['BidForge', 'BidForge']);
  });

  const note = missingTools(['pdfinfo']);
  it('PDF：pdfinfo 读出的作者是公司名，创建与生成程序是 BidForge，没有账户名或机器名', async (ctx) => {
    ctx.skip(!!note, note);
    const file = join(tempDir(), 'plan.pdf');
    const bytes = await exportPdf(doc(COMPANY));
    writeFileSync(file, bytes);
    const info = await pdfinfo(file);
    expect(info.Title).toBe('滨江市第一人民医院净化空调机组采购项目售后服务方案');
    expect(info.Author).toBe(COMPANY);
    expect(info.Subject).toBe('售后服务方案');
    expect(info.Keywords).toBe('BJCG-2026-0412');
    expect(info.Creator).toBe('BidForge');
    expect(info.Producer).toBe('BidForge');
    expect(info['Metadata Stream']).toBe('no');
    const shown = Object.values(info).join('\n');
    for (const s of identifying) expect(shown).not.toContain(s);
  });
});
