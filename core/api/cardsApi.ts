// Handlers of 保修卡: read an uploaded data file, suggest and apply a column mapping, validate, preview, export.
// Stateless: the file travels with each call (≤ 18 MB), so nothing is cached between the screen's steps.
import { basename, extname } from 'node:path';
import { cardView, type CardLayout } from '../cards/card.js';
import { renderCardsDocx } from '../cards/docx.js';
import { CARD_FIELDS, FIELD_LABELS, mapColumns, type CardField, type CardMapping } from '../cards/fields.js';
import { sanitizeFileName } from '../cards/files.js';
import { renderCardsPdf } from '../cards/pdf.js';
import { qrMatrix } from '../cards/qr.js';
import { cellText, findHeader, readCardGrid, REQUIRED_FIELDS, rowsFromGrid, type CardRow, type ReadCardsResult } from '../cards/read.js';
import { loadCardTemplate, type CardTemplate } from '../cards/template.js';
import { BidForgeError, type Problem } from '../model/problem.js';
import type { SettingsStore } from '../settings/store.js';
import { PROBLEMS_SHOWN, type AppHandlers, type CardPreview, type ParseCardsResult } from './appContract.js';
import { ApiError } from './contract.js';

export type CardsDeps = { templatesDir: string; settings: SettingsStore };

type Input = { fileName: string; data: string; mapping?: CardMapping | undefined; template?: string | undefined };
type Read = { headers: string[]; headerRow: number; encoding: string; sheet?: string; suggested: CardMapping; result?: ReadCardsResult; fatal?: { code: string; message: string } };

const bytesOf = (base64: string) => {
  const b = Buffer.from(base64, 'base64');
  return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
};

/** Reads the file; a file-level mapping problem (required column unmapped) still returns the headers to map. */
async function readCards({ fileName, data, mapping = {} }: Input): Promise<Read> {
  const { grid, encoding, sheet } = await readCardGrid(bytesOf(data), fileName);
  const used = Object.fromEntries(Object.entries(mapping).filter(([, h]) => h)) as CardMapping;
  const h = findHeader(grid, used);
  if (h < 0) throw new ApiError('card_bad_file', `${fileName}：文件是空的，没有表头和数据`);
  const headers = grid[h]!.cells.map(cellText);
  const auto = mapColumns(headers);
  const suggested: CardMapping = {};
  for (const f of CARD_FIELDS) if (auto[f] !== undefined) suggested[f] = headers[auto[f]!];
  const base = { headers, headerRow: grid[h]!.rowNumber, encoding, ...(sheet ? { sheet } : {}), suggested };
  try {
    const result = rowsFromGrid(grid, fileName, used, { encoding, ...(sheet ? { sheet } : {}) });
    // A field the user set to "none" ('' in the mapping) is left blank even if a header would match it.
    const none = CARD_FIELDS.filter((f) => mapping[f] === '' && !REQUIRED_FIELDS.includes(f)) as Exclude<CardField, 'date'>[];
    for (const f of none) delete result.columns[f];
    if (none.length) result.rows = result.rows.map((r) => ({ ...r, ...Object.fromEntries(none.map((f) => [f, ''])) }) as CardRow);
    return { ...base, result };
  } catch (e) {
    if (e instanceof BidForgeError && (e.code === 'card_missing_column' || e.code === 'card_bad_mapping')) return { ...base, fatal: { code: e.code, message: e.message } };
    throw e;
  }
}

/** The card template with the company profile's name, hotline and service hours where they are set. */
async function templateFor(deps: CardsDeps, id = 'standard'): Promise<CardTemplate> {
  const t = await loadCardTemplate(id, deps.templatesDir);
  const { company: c } = (await deps.settings.get()).settings;
  return { ...t, company: c.name || t.company, hotline: c.hotline || t.hotline, serviceHours: c.serviceHours || t.serviceHours };
}

function preview(row: CardRow, t: CardTemplate, qr: boolean, dateLabel: string): CardPreview {
  const v = cardView(row, t, { qr, dateLabel });
  return { row: row.row, title: v.title, company: v.company, hotline: v.hotline, serviceHours: v.serviceHours, serial: v.serial, fields: v.fields, periods: v.periods, ...(v.qr ? { qr: qrMatrix(v.qr) } : {}) };
}

export function createCardsHandlers(deps: CardsDeps): Pick<AppHandlers, 'parseCards' | 'exportCards'> {
  return {
    async parseCards(req) {
      const r = await readCards(req);
      const { result } = r;
      // The date field is called what the file calls it: 安装日期 when the column speaks of installation.
      const label = (f: CardField) => (f === 'date' && result ? result.dateLabel : FIELD_LABELS[f]);
      const fields = CARD_FIELDS.map((field) => ({ field, label: label(field), required: REQUIRED_FIELDS.includes(field) }));
      const out: ParseCardsResult = {
        headers: r.headers,
        headerRow: r.headerRow,
        encoding: r.encoding,
        ...(r.sheet ? { sheet: r.sheet } : {}),
        suggested: r.suggested,
        columns: result?.columns ?? { ...r.suggested, ...req.mapping },
        ...(r.fatal ? { fatal: r.fatal } : {}),
        dataRows: result?.dataRows ?? 0,
        validRows: result?.rows.length ?? 0,
        problems: result?.problems.slice(0, PROBLEMS_SHOWN) ?? [],
        problemCount: result?.problems.length ?? 0,
        preview: [],
        fields,
      };
      if (result && req.previewCount > 0) {
        const t = await templateFor(deps, req.template);
        out.preview = result.rows.slice(0, req.previewCount).map((row) => preview(row, t, req.qr, result.dateLabel));
      }
      return out;
    },
    async exportCards(req) {
      const r = await readCards(req);
      if (!r.result) throw new ApiError(r.fatal!.code, r.fatal!.message);
      const { rows, problems, dateLabel } = r.result;
      if (!rows.length) throw new ApiError('card_no_rows', `${req.fileName}：没有可导出的有效行（${problems.filter((p) => p.severity === 'error').length} 行有错误）`);
      const t = await templateFor(deps, req.template);
      const opts = { layout: req.layout as CardLayout, qr: req.qr, dateLabel };
      const bytes = req.format === 'pdf' ? await renderCardsPdf(rows, t, opts) : await renderCardsDocx(rows, t, opts);
      const name = sanitizeFileName(`保修卡-${basename(req.fileName, extname(req.fileName))}`) || '保修卡';
      // Only a summary: the row problems were shown by parseCards, and the HTTP host carries these in a header.
      const errors = new Set(problems.filter((p) => p.severity === 'error').map((p) => p.row)).size;
      const summary: Problem[] = errors ? [{ severity: 'warning', code: 'card_rows_skipped', message: `${errors} 行有错误，未导出；已导出 ${rows.length} 张卡片` }] : [];
      return { fileName: `${name}.${req.format}`, bytes, problems: summary };
    },
  };
}
