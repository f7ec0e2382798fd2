// What the proof tests compare: the Document's own texts, and the body text a reader extracts from a PDF.
import type { Document } from '@core/model/document.js';
import { signatureRows } from '@core/export/tableLayout.js';
import { squash } from '../helpers/text.js';

/**
 * Every paragraph, heading, list item, table cell and signature line of the Document, in order, whitespace
 * removed. Bullets (•) are left out: a word processor may draw them with a symbol font pdftotext cannot map.
 */
export function documentTexts(doc: Document): string[] {
  return doc.blocks
    .flatMap((b) => {
      switch (b.kind) {
        case 'heading':
          return [b.number + b.text];
        case 'paragraph':
          return [b.runs.map((r) => r.text).join('')];
        case 'listItem':
          return [(b.number === '•' ? '' : b.number) + b.runs.map((r) => r.text).join('')];
        case 'table':
          return [...b.header, ...b.rows.flat()];
        case 'signature':
          // Two signers stand side by side, line by line (a row per line), and read so.
          return signatureRows(b.parties).flat();
      }
    })
    .map(squash)
    .filter(Boolean);
}

const FOOTER = /^\s*(第\s*\d+\s*[页頁]\s*共\s*\d*\s*[页頁]|—\s*\d+\s*—)\s*$/;

/** Index of the first body page: the one numbered 1 (第 1 页 … or — 1 —); cover and contents come before it. */
export function bodyStart(pages: string[]): number {
  return pages.findIndex((p) => p.split('\n').some((l) => /^\s*(第\s*1\s*[页頁]|—\s*1\s*—)/.test(l)));
}

/** The body's text: pages from body page 1, without running header (the title, a seal box) and footer lines. */
export function bodyText(pdfText: string, title: string): string {
  const pages = pdfText.split('\f');
  const start = bodyStart(pages);
  return squash(
    pages
      .slice(Math.max(0, start))
      .flatMap((p) => p.split('\n'))
      .filter(
        (l) =>
          !FOOTER.test(l) &&
          squash(l).replace(/（盖章处）|（蓋章處）/, '') !== squash(title) &&
          !/^（(盖章处|蓋章處)）$/.test(squash(l)),
      )
      .join('\n'),
  );
}
