// A batch as it will print: each valid row with its card template (one for all, or picked by a column when a batch
// holds several product types), the rows left out and why, and a warning for each printed field no column fills.
import { BidForgeError } from '../model/problem.js';
import { printedFields } from './card.js';
import { FIELD_LABELS, type CardField } from './fields.js';
import type { CardProblem, CardRow, ReadCardsResult } from './read.js';
import { cardLabels } from './script.js';
import { withComponents, type CardComponent, type CardTemplate } from './template.js';

export type BatchOptions = {
  /** The template of every row, unless `templateBy` picks one per row. */
  template: CardTemplate;
  /** All templates a row may pick (templates/cards/). */
  templates: CardTemplate[];
  /** The field whose value picks each row's template (product or model). */
  templateBy?: CardField | undefined;
  /** Fields left off the card. */
  hide?: readonly CardField[] | undefined;
  /** Periods edited on the screen, by template id. */
  periods?: Record<string, CardComponent[]> | undefined;
  /** A project's periods for a template: when it states any, they win over the template's and the edited ones. */
  projectPeriods?: ((t: CardTemplate) => CardComponent[] | undefined) | undefined;
};

export type Batch = {
  rows: CardRow[];
  templateOf(row: CardRow): CardTemplate;
  /** The read's problems, then the batch's own (unmapped printed fields, rows no template matches). */
  problems: CardProblem[];
  /** Data rows that will not print (row errors or no template), in file order. */
  skipped: number[];
  /** The templates the printed rows use, as printed (periods applied), with how many cards each. */
  used: { template: CardTemplate; cards: number }[];
};

/** "KRS-45II/A", "ｋｒｓ-45ii/a" and "KRS -45II/A" are the same model. */
const norm = (s: string) => s.normalize('NFKC').toUpperCase().replace(/\s+/g, '');

/** Whether a cell value names a template: one of its `match` patterns (* = any characters), its title or its id. */
export function matchesTemplate(value: string, t: CardTemplate): boolean {
  const v = norm(value);
  if (!v) return false;
  return [...t.match, t.title, t.id].some((p) => {
    const n = norm(p);
    if (!n.includes('*')) return n === v;
    const re = new RegExp(
      `^${n
        .split('*')
        .map((x) => x.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('.*')}$`,
    );
    return re.test(v);
  });
}

export function buildBatch(read: ReadCardsResult, file: string, o: BatchOptions): Batch {
  const effective = new Map<CardTemplate, CardTemplate>();
  const asPrinted = (t: CardTemplate) => {
    let e = effective.get(t);
    if (!e) effective.set(t, (e = withComponents(t, o.projectPeriods?.(t) ?? o.periods?.[t.id])));
    return e;
  };
  const problems: CardProblem[] = [];
  const picked = new Map<number, CardTemplate>();
  let rows = read.rows;
  if (o.templateBy) {
    const by = o.templateBy;
    const column = read.columns[by];
    if (column === undefined)
      throw new BidForgeError(
        'card_missing_column',
        `按“${FIELD_LABELS[by]}”选择保修卡模板，但文件中没有这一列；请指定列映射`,
        [
          {
            severity: 'error',
            code: 'card_template_column_missing',
            message: `按“${FIELD_LABELS[by]}”选择保修卡模板，但文件中没有这一列`,
            params: { label: FIELD_LABELS[by] },
            field: by,
          },
        ],
      );
    const names = o.templates.map((t) => t.title).join('、');
    rows = rows.filter((r) => {
      const t = o.templates.find((x) => matchesTemplate(r[by], x));
      if (t) picked.set(r.row, asPrinted(t));
      else
        problems.push({
          severity: 'error',
          code: 'card_no_template',
          message: `第 ${r.row} 行，“${column}”列：“${r[by]}”不对应任何保修卡模板（可用：${names}）`,
          params: { row: r.row, column, value: r[by], templates: names },
          file,
          field: by,
          row: r.row,
          column,
        });
      return !!t;
    });
  }
  const templateOf = (r: CardRow) => picked.get(r.row) ?? asPrinted(o.template);
  const used = new Map<CardTemplate, number>();
  for (const r of rows) used.set(templateOf(r), (used.get(templateOf(r)) ?? 0) + 1);
  if (!rows.length) used.set(asPrinted(o.template), 0);

  // Once per field any printed card shows, named as the card names it.
  const printed = new Set([...used.keys()].flatMap((t) => printedFields(t, o.hide)));
  const labels = cardLabels();
  const unmapped: CardProblem[] = [...printed]
    .filter((f) => read.columns[f] === undefined)
    .map((f) => {
      const label = f === 'date' ? read.dateLabel : labels.fields[f];
      return {
        severity: 'warning',
        code: 'card_unmapped_field',
        message: `卡片上的“${label}”没有对应的列，将印成空行；请指定列，或选择不印这一行`,
        params: { label },
        file,
        field: f,
      };
    });
  const printedRows = new Set(rows.map((r) => r.row));
  const errorRows = new Set(
    read.problems.filter((p) => p.severity === 'error' && p.row !== undefined).map((p) => p.row!),
  );
  const skipped = [
    ...new Set([...errorRows, ...read.rows.filter((r) => !printedRows.has(r.row)).map((r) => r.row)]),
  ].sort((a, b) => a - b);
  return {
    rows,
    templateOf,
    problems: [...unmapped, ...read.problems, ...problems].sort(byRow),
    skipped,
    used: [...used].map(([template, cards]) => ({ template, cards })),
  };
}

/** File-level problems first, then by row (a row's own problems keep their order). */
const byRow = (a: CardProblem, b: CardProblem) => (a.row ?? 0) - (b.row ?? 0);
