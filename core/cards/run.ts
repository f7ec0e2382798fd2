// The whole `bidforge cards` job: read the data file, validate, write the batch file(s) and, on request, one per card.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { BidForgeError } from '../model/problem.js';
import { CARD_LAYOUTS, type CardLayout } from './card.js';
import { renderCardsDocx } from './docx.js';
import type { CardMapping } from './fields.js';
import { checkNamePattern, DEFAULT_NAME_PATTERN, sanitizeFileName, writeCardFiles, type CardFormat } from './files.js';
import { renderCardsPdf } from './pdf.js';
import { readCardRows, type CardProblem, type ReadCardsResult } from './read.js';
import { defaultTemplatesDir, loadCardTemplate } from './template.js';

export type RunCardsOptions = {
  /** CSV (UTF-8 or GBK) or XLSX. */
  dataFile: string;
  /** A template file path, or a template id under templates/cards/ ("standard", the default). */
  templateFile?: string;
  outDir: string;
  layout?: CardLayout;
  /** "both" writes a PDF and a DOCX. */
  format?: CardFormat | 'both';
  /** Also write one file per card. */
  perCard?: boolean;
  /** Per-card file names, default "{serial}-{customer}". */
  namePattern?: string;
  qr?: boolean;
  /** field → header text, overriding the automatic column mapping. */
  mapping?: CardMapping;
  /** Batch file name without extension; default "保修卡-<data file name>". */
  batchName?: string;
  templatesDir?: string;
};

export type RunCardsResult = {
  /** Paths written: the batch file(s) first, then the per-card files. */
  written: string[];
  /** Row problems (errors: the row was left out; warnings: printed anyway). */
  problems: CardProblem[];
  /** Cards in each batch file. */
  cards: number;
  read: Omit<ReadCardsResult, 'rows' | 'problems'>;
};

/**
 * Runs a card batch. Throws BidForgeError for bad input (unreadable data file or template, a required column missing,
 * a bad mapping, layout or name pattern): nothing is written then. Row errors do not stop the run: the valid rows are
 * written and the errors returned; with no valid row at all, nothing is written.
 */
export async function runCards(opts: RunCardsOptions): Promise<RunCardsResult> {
  const layout = opts.layout ?? 'a5';
  if (!(CARD_LAYOUTS as readonly string[]).includes(layout)) throw new BidForgeError('card_bad_layout', `未知的版式“${layout}”（可用：${CARD_LAYOUTS.join('、')}）`);
  const format = opts.format ?? 'pdf';
  if (!['pdf', 'docx', 'both'].includes(format)) throw new BidForgeError('card_bad_format', `未知的格式“${format}”（可用：pdf、docx、both）`);
  const namePattern = opts.namePattern ?? DEFAULT_NAME_PATTERN;
  if (opts.perCard) checkNamePattern(namePattern);

  const template = await loadCardTemplate(opts.templateFile ?? 'standard', opts.templatesDir ?? defaultTemplatesDir);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(opts.dataFile);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new BidForgeError('card_bad_file', code === 'ENOENT' ? `找不到数据文件：${opts.dataFile}` : `无法读取数据文件 ${opts.dataFile}：${(e as Error).message}`);
  }
  const fileName = basename(opts.dataFile);
  const { rows, problems, ...read } = await readCardRows(bytes, fileName, opts.mapping);
  const result: RunCardsResult = { written: [], problems, cards: rows.length, read };
  if (rows.length === 0) return result;

  await mkdir(opts.outDir, { recursive: true });
  const batch = sanitizeFileName(opts.batchName ?? `保修卡-${basename(fileName, extname(fileName))}`) || '保修卡';
  const formats: CardFormat[] = format === 'both' ? ['pdf', 'docx'] : [format];
  const render = { layout, qr: !!opts.qr, dateLabel: read.dateLabel };
  for (const f of formats) {
    const out = f === 'pdf' ? await renderCardsPdf(rows, template, render) : await renderCardsDocx(rows, template, render);
    const path = join(opts.outDir, `${batch}.${f}`);
    await writeFile(path, out);
    result.written.push(path);
  }
  if (opts.perCard) {
    for (const f of formats) result.written.push(...(await writeCardFiles(rows, template, { ...render, outDir: opts.outDir, format: f, namePattern, reserved: [batch] })));
  }
  return result;
}
