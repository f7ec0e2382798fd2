// The 保修卡 channels' handlers (their contract is core/cards/contract.ts): read an uploaded data file, suggest and apply a column mapping, validate, preview, export.
// Stateless: the file travels with each call (≤ 18 MB), so nothing is cached between the screen's steps.
// The app, the browser host and `bidforge cards` all print through these handlers: same company (设置), same periods,
// and the same refusal when 设置 holds no company name or hotline (core/cards/profile.ts) or no warranty period was
// given — by the project, typed, or in a company's own template (core/cards/periodGaps.ts).
import { basename, extname } from 'node:path';
import { buildBatch, type Batch } from './batch.js';
import { cardView, type CardRenderOptions } from './card.js';
import { badCardFile } from './cardsText.js';
import { renderCardsDocx } from './docx.js';
import { CARD_FIELDS, FIELD_LABELS, mapColumns, type CardField, type CardMapping } from './fields.js';
import { cardFileNames, checkNamePattern, sanitizeFileName } from './files.js';
import { renderCardsPdf } from './pdf.js';
import { periodGaps } from './periodGaps.js';
import { profileGaps, withProfile } from './profile.js';
import { periodsFromProject } from './projectPeriods.js';
import { qrMatrix } from './qr.js';
import {
  cellText,
  findHeader,
  readCardGrid,
  REQUIRED_FIELDS,
  rowsFromGrid,
  type CardRow,
  type ReadCardsResult,
} from './read.js';
import type { CardScript } from './script.js';
import { loadCardTemplate, loadCardTemplates, type CardTemplate } from './template.js';
import { BidForgeError, type Problem } from '../model/problem.js';
import type { SettingsStore } from '../settings/store.js';
import { ApiError } from '../api/envelope.js';
import {
  PROBLEMS_SHOWN,
  type CardBatchTemplate,
  type CardPreview,
  type CardsHandlers,
  type ParseCardsResult,
} from './contract.js';

export type CardsDeps = { templatesDir: string; settings: SettingsStore };

/** What both calls share: the file, its mapping and the batch's choices. */
type Input = Omit<Parameters<CardsHandlers['parseCards']>[0], 'previewCount' | 'qr'>;
type Read = {
  headers: string[];
  headerRow: number;
  encoding: string;
  sheet?: string;
  suggested: CardMapping;
  result?: ReadCardsResult;
  fatal?: ParseCardsResult['fatal'];
};

/** A refusal of the file as a whole, with its problems so each shell words it in its own language. */
const fatalOf = (e: BidForgeError): NonNullable<ParseCardsResult['fatal']> => ({
  code: e.code,
  message: e.message,
  ...(e.problems.length ? { params: { problems: e.problems } } : {}),
});

const bytesOf = (base64: string) => {
  const b = Buffer.from(base64, 'base64');
  return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
};

/** Reads the file; a file-level mapping problem (required column unmapped) still returns the headers to map. */
async function readCards({
  fileName,
  data,
  mapping = {},
}: Pick<Input, 'fileName' | 'data' | 'mapping'>): Promise<Read> {
  const { grid, encoding, sheet } = await readCardGrid(bytesOf(data), fileName);
  const used = Object.fromEntries(Object.entries(mapping).filter(([, h]) => h)) as CardMapping;
  const h = findHeader(grid, used);
  if (h < 0) throw badCardFile('empty', { file: fileName });
  const headers = grid[h]!.cells.map(cellText);
  const auto = mapColumns(headers);
  const suggested: CardMapping = {};
  for (const f of CARD_FIELDS) if (auto[f] !== undefined) suggested[f] = headers[auto[f]!];
  const base = { headers, headerRow: grid[h]!.rowNumber, encoding, ...(sheet ? { sheet } : {}), suggested };
  try {
    const result = rowsFromGrid(grid, fileName, used, { encoding, ...(sheet ? { sheet } : {}) });
    // A field the user set to "none" ('' in the mapping) is left blank even if a header would match it.
    const none = CARD_FIELDS.filter((f) => mapping[f] === '' && !REQUIRED_FIELDS.includes(f)) as Exclude<
      CardField,
      'date'
    >[];
    for (const f of none) delete result.columns[f];
    if (none.length)
      result.rows = result.rows.map((r) => ({ ...r, ...Object.fromEntries(none.map((f) => [f, ''])) }) as CardRow);
    return { ...base, result };
  } catch (e) {
    if (e instanceof BidForgeError && (e.code === 'card_missing_column' || e.code === 'card_bad_mapping'))
      return { ...base, fatal: fatalOf(e) };
    throw e;
  }
}

type Prepared = {
  batch: Batch;
  script: CardScript;
  projectProblems: Problem[];
  /**
   * Why no card of the batch may print: a company line the cards need is blank or a placeholder, or a printed template
   * has no warranty period (or a blank or 0 one). Every reason at once, the company's first.
   */
  refused: BidForgeError | undefined;
  periodsFrom(t: CardTemplate): CardBatchTemplate['periodsFrom'];
  /** Whether the template (as loaded, before any period was applied) carries periods of its own. */
  ownPeriods(id: string): boolean;
};

/** Templates (with 设置's company), the project's periods, and the batch the rows make with them. */
async function prepare(deps: CardsDeps, req: Input, result: ReadCardsResult): Promise<Prepared> {
  const { company } = (await deps.settings.get()).settings;
  const template = withProfile(await loadCardTemplate(req.template ?? 'standard', deps.templatesDir), company);
  const templates = req.templateBy
    ? (await loadCardTemplates(deps.templatesDir)).map((t) => withProfile(t, company))
    : [];
  const fromProject = req.project ? periodsFromProject(req.project) : undefined;
  const batch = buildBatch(result, req.fileName, {
    template,
    templates,
    templateBy: req.templateBy,
    hide: req.hide,
    periods: req.periods,
    projectPeriods: fromProject?.of,
  });
  // Where a template's periods come from, in this order; 'none' when nothing gave any (the batch is then refused).
  const periodsFrom = (t: CardTemplate): CardBatchTemplate['periodsFrom'] =>
    fromProject?.of(t) ? 'project' : req.periods?.[t.id] ? 'edited' : t.components.length ? 'template' : 'none';
  const printed = batch.used.map((u) => u.template);
  const own = new Set([template, ...templates].filter((t) => t.components.length).map((t) => t.id));
  const refusals = [profileGaps(printed), periodGaps(printed, req.project?.title)].filter((e) => e !== undefined);
  return {
    batch,
    script: req.script ?? req.project?.script ?? 'hans',
    projectProblems: fromProject?.problems ?? [],
    refused: refusals.length > 1 ? combined(refusals) : refusals[0],
    periodsFrom,
    ownPeriods: (id) => own.has(id),
  };
}

/** Several refusals as one, keeping each one's problems (the first one's code leads). */
const combined = (all: BidForgeError[]): BidForgeError =>
  new BidForgeError(
    all[0]!.code,
    all.map((e) => e.message).join('；'),
    all.flatMap((e) => e.problems),
  );

function preview(row: CardRow, t: CardTemplate, opts: CardRenderOptions): CardPreview {
  const v = cardView(row, t, opts);
  return {
    row: row.row,
    template: t.id,
    labels: {
      hotline: v.labels.hotline,
      serviceHours: v.labels.serviceHours.replace(/：$/, ''),
      periods: v.labels.period,
    },
    title: v.title,
    company: v.company,
    hotline: v.hotline,
    serviceHours: v.serviceHours,
    serial: v.serial,
    fields: v.fields,
    periods: v.periods,
    ...(v.qr ? { qr: qrMatrix(v.qr) } : {}),
  };
}

export function createCardsHandlers(deps: CardsDeps): CardsHandlers {
  return {
    async parseCards(req) {
      const r = await readCards(req);
      const { result } = r;
      // The date field is called what the file calls it: 安装日期 when the column speaks of installation.
      const label = (f: CardField) => (f === 'date' && result ? result.dateLabel : FIELD_LABELS[f]);
      const fields = CARD_FIELDS.map((field) => ({
        field,
        label: label(field),
        required: REQUIRED_FIELDS.includes(field),
      }));
      const choices = (await loadCardTemplates(deps.templatesDir)).map((t) => ({
        id: t.id,
        title: t.title,
        match: t.match,
      }));
      const out: ParseCardsResult = {
        headers: r.headers,
        headerRow: r.headerRow,
        encoding: r.encoding,
        ...(r.sheet ? { sheet: r.sheet } : {}),
        suggested: r.suggested,
        columns: result?.columns ?? { ...r.suggested, ...req.mapping },
        ...(r.fatal ? { fatal: r.fatal } : {}),
        dataRows: result?.dataRows ?? 0,
        validRows: 0,
        problems: [],
        problemCount: 0,
        preview: [],
        fields,
        templates: [],
        templateChoices: choices,
        skippedRows: 0,
      };
      if (!result) return out;
      let p: Prepared;
      try {
        p = await prepare(deps, req, result);
      } catch (e) {
        if (e instanceof BidForgeError && e.code === 'card_missing_column') return { ...out, fatal: fatalOf(e) };
        throw e;
      }
      const problems = [...p.projectProblems, ...p.batch.problems];
      const opts = { qr: req.qr, dateLabel: result.dateLabel, script: p.script, hide: req.hide ?? [] };
      return {
        ...out,
        validRows: p.batch.rows.length,
        problems: problems.slice(0, PROBLEMS_SHOWN),
        problemCount: problems.length,
        // A refused batch previews no card: the screen shows why in its place, not a card with a blank company.
        ...(p.refused ? { refused: fatalOf(p.refused) } : {}),
        preview: p.refused
          ? []
          : p.batch.rows.slice(0, req.previewCount).map((row) => preview(row, p.batch.templateOf(row), opts)),
        templates: p.batch.used.map(({ template: t, cards }) => ({
          id: t.id,
          title: t.title,
          cards,
          components: t.components,
          periodsFrom: p.periodsFrom(t),
          templatePeriods: p.ownPeriods(t.id),
        })),
        skippedRows: p.batch.skipped.length,
      };
    },
    async exportCards(req) {
      // A bad file-name pattern is refused before any work.
      if (req.perCard) checkNamePattern(req.perCard.namePattern);
      const r = await readCards(req);
      if (!r.result) throw new ApiError(r.fatal!.code, r.fatal!.message, r.fatal!.params);
      const p = await prepare(deps, req, r.result);
      if (p.refused) throw p.refused;
      const { rows, templateOf, skipped } = p.batch;
      if (!rows.length)
        throw new ApiError('card_no_rows', `${req.fileName}：没有可导出的有效行（${skipped.length} 行有错误）`, {
          file: req.fileName,
          skipped: skipped.length,
        });
      const opts = {
        layout: req.layout,
        qr: req.qr,
        dateLabel: r.result.dateLabel,
        script: p.script,
        hide: req.hide ?? [],
      };
      const render = (some: CardRow[]) =>
        req.format === 'pdf' ? renderCardsPdf(some, templateOf, opts) : renderCardsDocx(some, templateOf, opts);
      const bytes = await render(rows);
      const name = sanitizeFileName(`保修卡-${basename(req.fileName, extname(req.fileName))}`) || '保修卡';
      // Only a summary: the row problems were shown by parseCards, which lists each skipped row and why.
      const summary: Problem[] = skipped.length
        ? [
            {
              severity: 'warning',
              code: 'card_rows_skipped',
              message: `${skipped.length} 行有错误，未导出；已导出 ${rows.length} 张卡片`,
              params: { errors: skipped.length, rows: rows.length },
            },
          ]
        : [];
      const files = req.perCard
        ? await perCardFiles(rows, req.perCard.namePattern, name, req.format, render)
        : undefined;
      return {
        fileName: `${name}.${req.format}`,
        bytes,
        problems: summary,
        cards: rows.length,
        skipped: { count: skipped.length, rows: skipped },
        ...(files ? { files } : {}),
      };
    },
  };
}

async function perCardFiles(
  rows: CardRow[],
  pattern: string,
  batchName: string,
  format: string,
  render: (rows: CardRow[]) => Promise<Uint8Array>,
) {
  const names = cardFileNames(pattern, rows, [batchName]);
  const files: { fileName: string; bytes: Uint8Array }[] = [];
  for (let i = 0; i < rows.length; i++)
    files.push({ fileName: `${names[i]}.${format}`, bytes: await render([rows[i]!]) });
  return files;
}
