// A character the PDF font lacks is a check error naming it, never a blank box.
import { describe, expect, it } from 'vitest';
import { missingGlyphs } from '@core/export/glyphs.js';
import type { Document } from '@core/model/document.js';

const doc = (text: string): Document => ({
  meta: {
    title: '方案',
    projectName: '售后服务方案',
    projectNo: '',
    bidder: '',
    date: '2026-11-24',
    docType: 'service-plan',
    draft: false,
  },
  blocks: [{ kind: 'paragraph', runs: [{ text }] }],
});

describe('PDF 字体覆盖', () => {
  it('covers the symbols these documents use, in both scripts', () => {
    expect(missingGlyphs(doc('①②③④⑤⑥⑦⑧⑨⑩ ≥ ≤ × ℃ ¥ ※ 「」『』，。；：？！（）——…… 售後服務 壓縮機 7×24'))).toEqual([]);
  });
  it('names a character the font lacks, with its code point', () => {
    const [p] = missingGlyphs(doc('客户笑脸😀'));
    expect(p).toMatchObject({ severity: 'error', code: 'missing_glyph' });
    expect(p!.message).toContain('😀');
    expect(p!.message).toContain('U+1F600');
  });
});
