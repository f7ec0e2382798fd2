// The 保修卡 channels' contract: request schemas and result types. Node-free (zod and types only), so the renderer's
// screens import it; the handlers are core/cards/handlers.ts, and core/api/contract.ts combines them with the rest.
import { z } from 'zod';
import type { Problem } from '../model/problem.js';
import { projectSchema } from '../model/project.js';
import { CARD_FIELDS, type CardField, type CardMapping } from './fields.js';
import { ONE_PERIOD_MESSAGE, PERIOD_MAX, type PeriodFields } from './period.js';
import { CARD_LAYOUTS, type CardFace } from './types.js';

export { CARD_LAYOUTS, type CardLayout } from './types.js';

/** A data file as base64 inside the JSON body; the host takes bodies up to 25 MB, so files up to 18 MB. */
export const CARD_FILE_MAX_BYTES = 18 * 1024 * 1024;
const base64File = z
  .string()
  .min(1)
  .max(Math.ceil(CARD_FILE_MAX_BYTES / 3) * 4, `数据文件不能超过 ${CARD_FILE_MAX_BYTES / 1024 / 1024} MB`);
const mappingSchema = z.partialRecord(z.enum(CARD_FIELDS), z.string().max(200));

const templateId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/)
  .max(100);
// A typed period may still be blank or 0 here: the handlers refuse the batch naming the component (periodGaps.ts), in
// the user's language, rather than the whole request failing on its shape.
const typed = (max: number) => z.number().int().min(0).max(max).optional();
const cardPeriodSchema = z
  .object({
    name: z.string().trim().min(1).max(40),
    months: typed(PERIOD_MAX.个月),
    weeks: typed(PERIOD_MAX.周),
    days: typed(PERIOD_MAX.天),
  })
  .refine((c) => [c.months, c.weeks, c.days].filter((x) => x !== undefined).length <= 1, {
    message: ONE_PERIOD_MESSAGE,
  });

const cardFileRequest = z.object({
  fileName: z.string().min(1).max(500),
  /** The file's bytes, base64. */
  data: base64File,
  /** field → header; fields left out are matched automatically. */
  mapping: mappingSchema.optional(),
  /** Card template id under templates/cards/. */
  template: templateId.optional(),
  /** 保修卡: the field whose value picks each row's template (a batch with several product types). */
  templateBy: z.enum(['product', 'model']).optional(),
  /** Printed fields the user chose to leave off the card (no empty row). */
  hide: z.array(z.enum(CARD_FIELDS)).max(CARD_FIELDS.length).optional(),
  /**
   * Warranty periods typed on the screen (or the CLI's --period), by template id: used where the project states none.
   * The built-in templates carry none, so without a project or these the batch is refused (card_periods_missing).
   */
  periods: z.record(templateId, z.array(cardPeriodSchema).min(1).max(20)).optional(),
  /** The project the batch comes from: its warranty figures (and script, unless `script` says) are printed. */
  project: projectSchema.optional(),
  script: z.enum(['hans', 'hant']).optional(),
});

export const cardsRequestSchemas = {
  parseCards: cardFileRequest.extend({
    previewCount: z.number().int().min(0).max(20).default(3),
    qr: z.boolean().default(false),
  }),
  exportCards: cardFileRequest.extend({
    format: z.enum(['pdf', 'docx']),
    layout: z.enum(CARD_LAYOUTS).default('a5'),
    qr: z.boolean().default(false),
    /** Also one file per card, named from the pattern (the CLI's --per-card). */
    perCard: z.object({ namePattern: z.string().min(1).max(200) }).optional(),
  }),
} as const;

/** One card as the app previews it: the same face the PDF prints (core/cards/types.ts), with where it comes from. */
export type CardPreview = CardFace & {
  row: number;
  /** The card template this row prints on. */
  template: string;
  /** Words the card prints around the values, in the card's script (繁體 cards say 服務熱線). */
  labels: { hotline: string; serviceHours: string; periods: string };
  /** QR modules (true = dark) when asked for. */
  qr?: boolean[][];
};

/** A row problem with where it is, as the user sees it in Excel. */
export type CardRowProblem = Problem & { row?: number; column?: string };

export type ParseCardsResult = {
  headers: string[];
  headerRow: number;
  encoding: string;
  sheet?: string;
  /** The mapping found automatically (what the Select boxes start with). */
  suggested: CardMapping;
  /** The mapping used for this read: the request's mapping over the suggestion. */
  columns: CardMapping;
  /** A problem with the file as a whole (a required column not mapped, a mapped column missing): no rows read. */
  fatal?: { code: string; message: string; params?: { problems: Problem[] } };
  /**
   * The rows read, but no card may print (card_profile_missing: 设置 → 公司信息 holds no company name or hotline, or a
   * placeholder; card_periods_missing: no warranty period, or a blank or 0 one): the preview is empty and exportCards
   * refuses with the same problems (params.problems holds each, whatever the leading code).
   */
  refused?: { code: string; message: string; params?: { problems: Problem[] } };
  dataRows: number;
  validRows: number;
  /** Row problems, in file order; at most PROBLEMS_SHOWN (problemCount says how many there were). */
  problems: CardRowProblem[];
  problemCount: number;
  preview: CardPreview[];
  /** Fields with their labels, in card order, and which are required. */
  fields: { field: CardField; label: string; required: boolean }[];
  /** The templates the printed rows use, with the periods they print and where those come from. */
  templates: CardBatchTemplate[];
  /** Every template a row may pick (for templateBy). */
  templateChoices: { id: string; title: string; match: string[] }[];
  /** Data rows that will not print (errors, or no template). */
  skippedRows: number;
};
export type CardBatchTemplate = {
  id: string;
  title: string;
  cards: number;
  /** Each states months, weeks or days (core/cards/period.ts periodOf, periodText); a typed one may be blank or 0. */
  components: ({ name: string } & PeriodFields)[];
  /** 'none': nothing gave this template a period (no project, none typed, none in the template): refused. */
  periodsFrom: 'template' | 'edited' | 'project' | 'none';
  /** Whether the template carries periods of its own (a company's template; the built-in ones carry none). */
  templatePeriods: boolean;
};
/** An exported batch: the file, a summary problem, and which rows were left out (the 检查 list says why). */
export type ExportCardsResult = {
  fileName: string;
  bytes: Uint8Array;
  problems: Problem[];
  cards: number;
  skipped: { count: number; rows: number[] };
  /** One file per card, when asked for (perCard). */
  files?: { fileName: string; bytes: Uint8Array }[];
};
export const PROBLEMS_SHOWN = 500;

type Req<C extends keyof typeof cardsRequestSchemas> = z.infer<(typeof cardsRequestSchemas)[C]>;
export type CardsHandlers = {
  parseCards(req: Req<'parseCards'>): Promise<ParseCardsResult>;
  exportCards(req: Req<'exportCards'>): Promise<ExportCardsResult>;
};
