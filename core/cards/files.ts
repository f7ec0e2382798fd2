// One file per card, named from a pattern such as "{serial}-{customer}" (Chinese kept, unsafe characters replaced).
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CardRenderOptions } from './card.js';
import { renderCardsDocx } from './docx.js';
import { renderCardsPdf } from './pdf.js';
import type { CardRow } from './read.js';
import type { CardTemplate } from './template.js';
import { cardRefusal } from './cardsText.js';

export const DEFAULT_NAME_PATTERN = '{serial}-{customer}';
/** Placeholders a name pattern may use: the card fields, {row} (row number in the data file) and {index} (1, 2, …). */
export const NAME_PLACEHOLDERS = [
  'customer',
  'phone',
  'address',
  'product',
  'model',
  'serial',
  'date',
  'dealer',
  'row',
  'index',
] as const;

export type CardFormat = 'pdf' | 'docx';

/** Throws on a placeholder the pattern cannot fill. */
export function checkNamePattern(pattern: string): void {
  const unknown = [...pattern.matchAll(/\{([^}]*)\}/g)]
    .map((m) => m[1]!)
    .filter((k) => !(NAME_PLACEHOLDERS as readonly string[]).includes(k));
  if (unknown.length)
    throw cardRefusal(
      'card_bad_pattern',
      `文件名模式“${pattern}”中有无法识别的占位符：${unknown.map((k) => `{${k}}`).join('、')}（可用：${NAME_PLACEHOLDERS.map((k) => `{${k}}`).join(' ')}）`,
      {
        why: 'unknown',
        pattern,
        unknown: unknown.map((k) => `{${k}}`).join(', '),
        known: NAME_PLACEHOLDERS.map((k) => `{${k}}`).join(' '),
      },
    );
  if (!/\{[^}]+\}/.test(pattern))
    throw cardRefusal('card_bad_pattern', `文件名模式“${pattern}”至少要含一个占位符，例如 {serial}`, {
      why: 'none',
      pattern,
      example: '{serial}',
    });
}

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\..*)?$/i;
const MAX_CHARS = 80; // 80 Chinese characters are 240 bytes in UTF-8: under the usual 255-byte limit with the extension.

/**
 * A file name (without extension) that is safe on Windows, macOS and Linux: path separators, reserved and control
 * characters become "_", spaces are collapsed, leading and trailing dots and spaces go, reserved device names get a
 * "_" in front, and it is cut to 80 characters. Chinese and other letters are kept.
 */
export function sanitizeFileName(name: string): string {
  let s = name
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, '_')
    .replace(/^[ .]+|[ .]+$/g, '');
  s = Array.from(s)
    .slice(0, MAX_CHARS)
    .join('')
    .replace(/[ .]+$/g, '');
  if (WINDOWS_RESERVED.test(s)) s = `_${s}`;
  return s;
}

/** The pattern filled in for one card and sanitised; empty fields leave no stray separators at the ends. */
export function cardFileName(pattern: string, row: CardRow, index: number): string {
  const filled = pattern.replace(/\{([a-z]+)\}/g, (_, k: string) =>
    k === 'row'
      ? String(row.row)
      : k === 'index'
        ? String(index + 1)
        : String((row as Record<string, unknown>)[k] ?? ''),
  );
  const name = sanitizeFileName(filled.replace(/^[-_ ]+|[-_ ]+$/g, ''));
  return name || `card-${row.row}`;
}

/** Unique names for a batch: a repeated name (compared without case, as Windows and macOS do) gets "-2", "-3", …. */
export function cardFileNames(pattern: string, rows: CardRow[], reserved: string[] = []): string[] {
  checkNamePattern(pattern);
  const used = new Set<string>(reserved.map((n) => n.toLowerCase()));
  return rows.map((r, i) => {
    const base = cardFileName(pattern, r, i);
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base}-${n}`;
    used.add(name.toLowerCase());
    return name;
  });
}

export type WriteCardFilesOptions = CardRenderOptions & {
  outDir: string;
  format?: CardFormat;
  namePattern?: string;
  /** Names (without extension) not to use, e.g. the batch file's. */
  reserved?: string[];
};

/** Writes one PDF or DOCX per card into outDir; returns the paths written, in row order. */
export async function writeCardFiles(
  rows: CardRow[],
  template: CardTemplate,
  opts: WriteCardFilesOptions,
): Promise<string[]> {
  const format = opts.format ?? 'pdf';
  const names = cardFileNames(opts.namePattern ?? DEFAULT_NAME_PATTERN, rows, opts.reserved);
  await mkdir(opts.outDir, { recursive: true });
  const written: string[] = [];
  for (let i = 0; i < rows.length; i++) {
    const bytes =
      format === 'pdf'
        ? await renderCardsPdf([rows[i]!], template, opts)
        : await renderCardsDocx([rows[i]!], template, opts);
    const path = join(opts.outDir, `${names[i]}.${format}`);
    await writeFile(path, bytes);
    written.push(path);
  }
  return written;
}
