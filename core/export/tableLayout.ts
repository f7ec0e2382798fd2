// Layout decisions shared by the DOCX and PDF exporters, so both place tables and signatures alike.
import type { Block } from '../model/document.js';

type TableBlock = Extract<Block, { kind: 'table' }>;

/** Width of a text in em (a CJK character is 1 em, an ASCII character about half). */
export function textEm(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.charCodeAt(0) < 0x2e80 ? 0.55 : 1;
  return w;
}

const longestLine = (text: string) => Math.max(0, ...text.split('\n').map(textEm));

/**
 * Column widths in em of the table's font, summing to `totalEm` (the text width): a short column (序号, 单位, an
 * amount) gets what its longest line needs, so it never wraps a word like 单位名称; the longer columns share the
 * rest in proportion to their content. Equal columns would wrap short numbers and waste room on them.
 */
export function columnWeights(t: TableBlock, totalEm: number): number[] {
  const PAD = 1.2; // cell padding and rules, in em
  const natural = t.header.map((h, i) => Math.max(longestLine(h), ...t.rows.map((r) => longestLine(r[i] ?? ''))) + PAD);
  const short = natural.map((n) => n <= 10);
  const fixed = natural.reduce((a, n, i) => a + (short[i] ? n : 0), 0);
  const proportional = () => natural.map((n) => (n * totalEm) / natural.reduce((a, x) => a + x, 0));
  // All columns short, or the short ones leave too little room: scale everything alike.
  if (short.every(Boolean) || fixed > totalEm * 0.7) return proportional();
  return natural.map((n, i) => (short[i] ? n : spread(natural, short, i, totalEm - fixed)));
}

/** Column i's share of `room` among the long columns, in proportion to their content (at least 6 em each). */
function spread(natural: number[], short: boolean[], i: number, room: number): number {
  const total = natural.reduce((a, n, j) => a + (short[j] ? 0 : Math.max(n, 6)), 0);
  return (Math.max(natural[i]!, 6) * room) / total;
}

const AMOUNT = /^[-+]?[¥￥$]?\s?[-+]?\d[\d,]*(\.\d+)?\s?(%|元|万元)?$/;

/** Column alignment: as the clause wrote it, except that columns of amounts and figures are right-aligned. */
export function columnAlign(t: TableBlock): ('left' | 'center' | 'right')[] {
  return t.header.map((_, i) => {
    const given = t.align[i] ?? 'left';
    if (given !== 'left') return given;
    const cells = t.rows.filter((r) => !isTotalRow(r)).map((r) => (r[i] ?? '').trim()).filter(Boolean);
    return cells.length > 0 && cells.every((c) => AMOUNT.test(c)) ? 'right' : 'left';
  });
}

/** A 合计 / 总计 / 小计 row, set in bold on a grey ground. */
export function isTotalRow(row: string[]): boolean {
  const first = row.find((c) => c.trim() !== '') ?? '';
  return /^(合\s*计|总\s*计|小\s*计|共\s*计|總\s*計|合\s*計|小\s*計)/.test(first.trim());
}

/**
 * Left indent (in em of the body size) that puts a single signer's block at the right of the page while its
 * longest line still fits on one line: the page's text width is `widthEm` body characters.
 */
export function signatureIndentEm(lines: string[], widthEm: number): number {
  const longest = Math.max(0, ...lines.map(textEm));
  return Math.max(0, Math.min(widthEm / 2, Math.floor(widthEm - longest - 1)));
}

/** Two or more signers' lines as rows: row i holds line i of each party (blank where a party has fewer). */
export function signatureRows(parties: { lines: string[] }[]): string[][] {
  const n = Math.max(0, ...parties.map((p) => p.lines.length));
  return Array.from({ length: n }, (_, i) => parties.map((p) => p.lines[i] ?? ''));
}
