// The pagination scan: reads a PDF's pages as pdftotext -layout prints them and names every orphan heading (the
// last line of a page is a heading), widow (a page opens with the lone last line of a paragraph begun on the page
// before) and orphan line (a page ends with the lone first line of a paragraph that goes on overleaf).
import type { Document } from '@core/model/document.js';
import { squash } from '../helpers/text.js';

const FOOTER = /^\s*(第\s*\d+\s*[页頁]\s*共\s*\d*\s*[页頁]|—\s*\d+\s*—)\s*$/;
const SEAL = /（(盖章处|蓋章處)）/g;

/** Each body page's lines, squashed, without the running header (title, seal box) and the footer. */
export function bodyLines(layoutText: string, title: string): string[][] {
  const pages = layoutText.split('\f');
  const start = pages.findIndex((p) => p.split('\n').some((l) => /^\s*(第\s*1\s*[页頁]|—\s*1\s*—)/.test(l)));
  return pages
    .slice(Math.max(0, start))
    .map((p) =>
      p
        .split('\n')
        .filter((l) => !FOOTER.test(l))
        .map((l) => squash(l).replace(SEAL, ''))
        .filter((l) => l && l !== squash(title)),
    )
    .filter((p) => p.length > 0);
}

/** What the scan compares lines with: headings and running text (paragraphs and list items), squashed. */
function textsOf(doc: Document): { headings: string[]; paragraphs: string[] } {
  const headings: string[] = [];
  const paragraphs: string[] = [];
  for (const b of doc.blocks) {
    if (b.kind === 'heading') headings.push(squash(b.number + b.text));
    if (b.kind === 'paragraph' || b.kind === 'listItem')
      paragraphs.push(squash((b.kind === 'listItem' ? b.number : '') + b.runs.map((r) => r.text).join('')));
  }
  return { headings, paragraphs };
}

/** Every pagination fault of a PDF of `doc`, as `page N: …` lines (N counts body pages from 1); none when right. */
export function paginationFaults(layoutText: string, doc: Document): string[] {
  const pages = bodyLines(layoutText, doc.meta.title);
  const { headings, paragraphs } = textsOf(doc);
  const faults: string[] = [];
  pages.forEach((lines, p) => {
    const next = pages[p + 1];
    if (!next) return;
    const last = lines[lines.length - 1]!;
    const before = lines[lines.length - 2] ?? '';
    const first = next[0]!;
    if (headings.some((h) => h === last || h === before + last))
      faults.push(`page ${p + 1}: ends with the heading 「${last}」`);
    // A paragraph that ends with the next page's first line, and runs into it from this page's last line.
    if (paragraphs.some((t) => t !== first && t.endsWith(first) && t.includes(last + first)))
      faults.push(`page ${p + 2}: opens with the lone last line 「${first}」`);
    if (paragraphs.some((t) => t !== last && t.startsWith(last) && t.includes(last + first)))
      faults.push(`page ${p + 1}: ends with the lone first line 「${last}」`);
  });
  return faults;
}
