// What one printed card shows, independent of PDF or DOCX: its labelled fields, component periods and terms.
import { formatDate } from '../format/zh.js';
import { componentPeriods } from './dates.js';
import { periodOf, periodText } from './period.js';
import { CARD_FIELDS, type CardField } from './fields.js';
import { cardLabels, inScript, templateInScript, type CardLabels, type CardScript } from './script.js';
import { qrText } from './qr.js';
import type { CardRow } from './read.js';
import type { CardTemplate } from './template.js';
import type { CardFace, CardLayout } from './types.js';

export { CARD_LAYOUTS, type CardLayout } from './types.js';

export type CardRenderOptions = {
  layout?: CardLayout;
  /** Print a QR code of the serial number and hotline. */
  qr?: boolean;
  /** Label of the date field: "购买日期" (default) or "安装日期". */
  dateLabel?: string;
  /** 繁體 cards: the template's and the card's own words in Traditional characters. */
  script?: CardScript;
  /** Fields left off the card (the user chose not to print a row the data file cannot fill). */
  hide?: readonly CardField[];
};

/** A card as the printers lay it out: its face (core/cards/types.ts) with the terms, stamp and words around them. */
export type CardView = CardFace & {
  terms: { title: string; lines: string[] }[];
  stampLabel: string;
  /** Every other word the card prints, in its script. */
  labels: CardLabels;
  /** The script its words are in (and so its fonts: cardFonts.ts). */
  script: CardScript;
  qr?: string;
};

export const REPAIR_GRID_ROWS = 8;
/** Wide fields take a whole row of the fields table. */
const WIDE: ReadonlySet<CardField> = new Set(['address', 'dealer']);

/** The fields a template prints, minus the hidden ones. */
export function printedFields(t: Pick<CardTemplate, 'fields'>, hide: readonly CardField[] = []): CardField[] {
  return (t.fields ?? CARD_FIELDS).filter((f) => !hide.includes(f));
}

export function cardView(row: CardRow, template: CardTemplate, opts: CardRenderOptions = {}): CardView {
  const t = templateInScript(template, opts.script);
  const labels = cardLabels(opts.script);
  const value = (f: CardField) => (f === 'date' ? formatDate(row.date) : row[f]);
  const label = (f: CardField) =>
    f === 'date' && opts.dateLabel ? inScript(opts.dateLabel, opts.script) : labels.fields[f];
  return {
    title: t.title,
    company: t.company,
    hotline: t.hotline,
    serviceHours: t.serviceHours,
    serial: row.serial,
    fields: printedFields(t, opts.hide).map((f) => ({
      field: f,
      label: label(f),
      value: value(f),
      ...(WIDE.has(f) ? { wide: true } : {}),
    })),
    periods: componentPeriods(t, row.date).map((p) => ({
      name: p.name,
      label: periodText(periodOf(p), { 个月: labels.months, 周: labels.weeks, 天: labels.days }),
      end: formatDate(p.end),
    })),
    terms: [
      { title: labels.terms.coverage, lines: t.coverage },
      { title: labels.terms.exclusions, lines: t.exclusions },
      { title: labels.terms.claim, lines: t.claim },
      { title: labels.terms.sanbao, lines: t.sanbao },
    ].filter((s) => s.lines.length > 0),
    stampLabel: t.dealerStampLabel,
    labels,
    script: opts.script ?? 'hans',
    ...(opts.qr ? { qr: qrText(row.serial, t.hotline) } : {}),
  };
}

/** One template for the batch, or one picked per row (a batch with several product types). */
export type TemplateOf = CardTemplate | ((row: CardRow) => CardTemplate);
export const templatePicker = (t: TemplateOf): ((row: CardRow) => CardTemplate) =>
  typeof t === 'function' ? t : () => t;

/** Field pairs grouped into table rows: two pairs a row, a wide pair alone. */
export function fieldRows(fields: CardView['fields']): CardView['fields'][] {
  const rows: CardView['fields'][] = [];
  let cur: CardView['fields'] = [];
  for (const f of fields) {
    if (f.wide) {
      if (cur.length) rows.push(cur);
      rows.push([f]);
      cur = [];
    } else {
      cur.push(f);
      if (cur.length === 2) {
        rows.push(cur);
        cur = [];
      }
    }
  }
  if (cur.length) rows.push(cur);
  return rows;
}
