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
 * What must never break across lines: a date (2026年11月24日, 2026-11-24), a number, an amount or a phone number
 * (¥28,000.00, 36%, 400-800-1234, 7×24), a Latin word or code (ECU, BJCG-2026-0412).
 */
export const UNBREAKABLE = /\d{4}年\d{1,2}月(?:\d{1,2}日)?|[¥￥$]?[-+]?\d[\d,.:/×-]*%?|[A-Za-z][\w.@/-]*/g;

/**
 * An unbreakable part as a word processor keeps it together: with the punctuation after it (a line may not start
 * with ，。、；： or a closing bracket, so the last digit goes over with it) and the character before it (LibreOffice
 * does not break between a Chinese character and the digits after it): 「热线400-800-123 / 4，」 otherwise.
 */
const UNBREAKABLE_AND_PUNCTUATION = new RegExp(
  `[\u3400-\u9fff]?(?:${UNBREAKABLE.source})[，。、；：！？）」』”]?`,
  'g',
);

/** A column's narrowest (its longest unbreakable part or short value; a header may take two lines) and natural width, in em. */
function columnRange(header: string, cells: string[]): { min: number; max: number } {
  // A short value (正偏离, 元/台次, 工程师) is one term: it does not wrap either.
  const parts = cells.flatMap((c) => (textEm(c) <= 4 ? [c] : (c.match(UNBREAKABLE_AND_PUNCTUATION) ?? [])));
  const headerMin = Math.min(longestLine(header), Math.max(2, Math.ceil(longestLine(header) / 2)));
  const max = Math.max(longestLine(header), ...cells.map(longestLine), 1);
  // A column of running text keeps four characters a line: narrower, one cell could outgrow a page.
  const min = Math.max(headerMin, ...parts.map(textEm), Math.min(max, 4));
  return { min, max: Math.max(min, max) };
}

/**
 * Column widths in em of the table's font, summing to `totalEm` (the text width), as a browser sizes an automatic
 * table: each column gets at least its minimum (so a number, a date or a phone number never breaks, and a header
 * takes at most two lines), and the room left goes to the columns in proportion to how much more their content
 * wants. A 序号 column stays as narrow as its header; long texts share the rest.
 */
export function columnWeights(t: TableBlock, totalEm: number): number[] {
  const PAD = 1.2; // cell padding and rules, in em
  const ranges = t.header.map((h, i) =>
    columnRange(
      h,
      t.rows.map((r) => r[i] ?? ''),
    ),
  );
  const min = ranges.map((r) => r.min + PAD);
  const max = ranges.map((r) => r.max + PAD);
  const sum = (xs: number[]) => xs.reduce((a, x) => a + x, 0);
  // Everything fits on one line: the extra room goes mostly to the longer columns.
  if (sum(max) <= totalEm) return max.map((m) => m + ((totalEm - sum(max)) * m) / sum(max));
  // Not even the minimums fit: shrink them alike (the table is too wide for any layout).
  if (sum(min) >= totalEm) return min.map((m) => (m * totalEm) / sum(min));
  const want = max.map((m, i) => m - min[i]!);
  return min.map((m, i) => m + ((totalEm - sum(min)) * want[i]!) / sum(want));
}

const AMOUNT = /^[-+]?[¥￥$]?\s?[-+]?\d[\d,]*(\.\d+)?\s?(%|元|万元)?$/;

/** Column alignment: as the clause wrote it, except that columns of amounts and figures are right-aligned. */
export function columnAlign(t: TableBlock): ('left' | 'center' | 'right')[] {
  return t.header.map((_, i) => {
    const given = t.align[i] ?? 'left';
    if (given !== 'left') return given;
    const cells = t.rows
      .filter((r) => !isTotalRow(r))
      .map((r) => (r[i] ?? '').trim())
      .filter(Boolean);
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

/** A signature line's label and value (甲方（盖章）： / 星联智行科技有限公司); no value when the line is to be filled in. */
export function labelAndValue(line: string): { label: string; value: string } {
  const at = line.indexOf('：');
  return at < 0 || at === line.length - 1
    ? { label: line, value: '' }
    : { label: line.slice(0, at + 1), value: line.slice(at + 1) };
}
