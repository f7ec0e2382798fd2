// Traces every number of an assembled document to where it comes from. A number in the output may be a fact's figure
// as the fact prints it (「2小时」「每季度1次」「¥18,000.00/年」), a project value (a phone number, a date, a table cell,
// an integer), a value computed from them (a warranty's end date, a table's total and its 人民币大写, an annex
// number) or numbering, which the Document keeps apart from the text. Anything else — 「48小时」 written into a
// clause, 「两次」, 「人民币伍佰元」 — is an invented figure, and the trace returns it.
import {
  EVENT_FROM,
  everyText,
  factDeadline,
  factFigure,
  factPhrase,
  formatFactDuration,
} from '@core/commitments/phrase.js';
import type { Commitment } from '@core/commitments/schema.js';
import { addMonths, chineseNumeral, formatDate, formatMoney, formatNumber, rmbUppercase } from '@core/format/zh.js';
import { runsText, type Block, type Document } from '@core/model/document.js';
import type { Project } from '@core/model/project.js';
import type { Row, Value, VariableDecl } from '@core/model/variables.js';
import { formatScalar } from '@core/format/zh.js';

export type Traced = {
  document: Document;
  values: Map<string, Value>;
  decls: Map<string, VariableDecl>;
  /** The clauses assembled: a value prints as a Chinese numeral only where a clause says {{cn key}}. */
  sections: { clauses: { body: string }[] }[];
};

/** Chinese counters and units a numeral is read with: 三次, 两份, 四十八小时, 一级. */
const COUNTERS =
  '(?:个工作日|工作日|小时|分钟|季度|星期|个月|次|日|天|周|月|年|份|名|台|人|级|类|项|件|个|倍|层|场|套|批|处|条|位|家|遍|轮|元|角|成|%)';
const NUMBER = new RegExp(
  [
    '[0-9０-９]+(?:[.,][0-9]+)*', // Arabic, full-width too
    `[零〇一二两三四五六七八九十百千万]+(?=${COUNTERS})`, // Chinese numerals counting something
    `半(?=${COUNTERS})`, // 半小时, 半个工作日, 半年
    '百分之[零〇一二两三四五六七八九十百]+',
    '[壹贰叁肆伍陆柒捌玖拾佰仟萬億]+', // 人民币大写
  ].join('|'),
  'g',
);

const TIME_UNITS = '(?:个工作日|工作日|小时|分钟|天|日|周|个月|月|年)';

/** Words whose numeral counts nothing (二次开发 is a kind of software work, not twice). */
const WORDS = ['二次开发'];

/** The text of every block, a block per line; numbering (heading and list numbers) is not text. */
export function documentText(doc: Document): string {
  const lines: string[] = [doc.meta.title, doc.meta.projectNo, doc.meta.bidder];
  for (const b of doc.blocks) lines.push(...blockText(b));
  return lines.join('\n');
}

function blockText(b: Block): string[] {
  switch (b.kind) {
    case 'heading':
      return [b.text];
    case 'paragraph':
    case 'listItem':
      return [runsText(b.runs)];
    case 'table':
      // A 序号 column counts the rows: its cells are numbering.
      return [
        b.header.join(' | '),
        ...b.rows.map((r, i) =>
          r.map((cell, j) => (b.header[j] === '序号' && cell === String(i + 1) ? '' : cell)).join(' | '),
        ),
      ];
    case 'signature':
      return b.parties.flatMap((p) => [p.role, ...p.lines]);
  }
}

const uniq = (xs: string[]) => [...new Set(xs.filter((x) => x !== ''))];

/** How a fact may print: its figure, its deadline, its whole phrase and the durations in it. */
function factForms(c: Commitment): string[] {
  const out = [factFigure(c), factDeadline(c), factPhrase(c)];
  if ('within' in c) out.push(formatFactDuration(c.within), `${EVENT_FROM[c.from]}${formatFactDuration(c.within)}内`);
  if ('period' in c) out.push(formatFactDuration(c.period));
  if ('every' in c) out.push(everyText(c.every), `${c.times}次`);
  if ('over' in c) out.push(formatFactDuration(c.over));
  if ('ahead' in c) out.push(formatFactDuration(c.ahead));
  if ('length' in c) out.push(formatFactDuration(c.length));
  if ('count' in c) out.push(factFigure(c));
  if (c.kind === 'train' && c.trainees) out.push(`${c.trainees}名`);
  if ('amount' in c && c.amount) out.push(formatMoney(Math.round(Number(c.amount) * 100)));
  if (c.kind === 'service_hours' && c.text) out.push(c.text);
  if (c.scope?.level) out.push(c.scope.level);
  return out;
}

/** The date a period ends, counted from a date of the document (what {{until}} prints). */
function endDates(c: Commitment, dates: string[]): string[] {
  if (!('period' in c) || !Number.isInteger(c.period.value)) return [];
  const { value, unit } = c.period;
  return dates.flatMap((iso) => {
    if (unit === '个月' || unit === '年') return [formatDate(addMonths(iso, unit === '年' ? value * 12 : value))];
    if (unit !== '天' && unit !== '周') return [];
    const d = new Date(`${iso}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + (unit === '周' ? value * 7 : value));
    return [formatDate(d.toISOString().slice(0, 10))];
  });
}

/** A typed value as clauses print it, with the forms computed from it (大写, a numeral). */
function valueForms(
  decl: VariableDecl | { type: VariableDecl['type']; columns?: VariableDecl['columns'] },
  v: Value,
  /** What follows {{cn key}} in the clauses: the numeral is a form only with it. */
  numeral: string[] = [],
) {
  const out: string[] = [];
  if (decl.type === 'list') out.push(...(v as string[]));
  else if (decl.type === 'table') {
    const rows = v as Row[];
    for (const col of decl.columns ?? []) {
      const cells = rows.map((r) => r[col.key]).filter((x) => x !== undefined);
      for (const cell of cells) out.push(...valueForms({ type: col.type }, cell as Value));
      // {{sum table "column"}}: the total of a number or money column.
      if (['money', 'integer', 'number', 'percent'].includes(col.type)) {
        const total = (cells as number[]).reduce((a, b) => a + b, 0);
        out.push(...valueForms({ type: col.type === 'integer' ? 'number' : col.type }, total));
      }
    }
    // {{sumProduct table "price" "qty"}}: Σ price × quantity, a money total and its 大写.
    for (const price of (decl.columns ?? []).filter((c) => c.type === 'money'))
      for (const qty of (decl.columns ?? []).filter((c) => c.type === 'integer' || c.type === 'number')) {
        // {{times price qty}} in a row: the line amount.
        const lines = rows.map((r) => Math.round((r[price.key] as number) * (r[qty.key] as number)));
        const total = lines.reduce((a, b) => a + b, 0);
        out.push(...lines.map(formatMoney), formatMoney(total), rmbUppercase(total));
      }
  } else if (v !== undefined && v !== null) {
    out.push(formatScalar(decl.type as never, v as never));
    if (decl.type === 'money') out.push(rmbUppercase(v as number));
    if (decl.type === 'integer' || decl.type === 'number') {
      out.push(formatNumber(v as number));
      for (const after of numeral) out.push(`${chineseNumeral(v as number)}${after}`);
      // A value with a unit prints with it: {{return_days}}日, {{records_keep_years}}年.
      if ('unit' in decl && decl.unit) out.push(`${formatNumber(v as number)}${decl.unit}`);
    }
    if (decl.type === 'date') out.push(v as string);
  }
  return out;
}

/** Every string the document may print that carries a number, longest first. */
export function allowedForms(project: Project, t: Traced): string[] {
  const facts = (project.commitments ?? []).filter((c) => c.offered !== false);
  const dates = [
    project.date,
    ...[...t.values].filter(([k]) => t.decls.get(k)?.type === 'date').map(([, v]) => v as string),
  ];
  // {{cn copies}}份: the numeral with the word the clause writes after it (「二份」), never a bare 「二」.
  const numerals = new Map<string, string[]>();
  for (const s of t.sections)
    for (const c of s.clauses)
      for (const m of c.body.matchAll(/\{\{cn\s+([a-z][a-z0-9_]*)\s*\}\}(\S)/g))
        numerals.set(m[1]!, [...(numerals.get(m[1]!) ?? []), m[2]!]);
  const forms = [
    project.title,
    project.projectNo,
    project.bidder,
    formatDate(project.date),
    ...facts.flatMap((c) => [...factForms(c), ...endDates(c, dates)]),
    ...[...t.values].flatMap(([k, v]) => {
      const decl = t.decls.get(k);
      return decl ? valueForms(decl, v, numerals.get(k)) : [];
    }),
    // The 偏离表: the tender's own words and figures, as the project states them.
    ...(project.requirements ?? []).flatMap((r) => [r.item, r.text, r.response ?? '', r.accepted ?? '']),
    // Annexes are numbered 附件1, 附件2 … in order: an annex number is numbering.
    ...t.document.blocks.filter((b) => b.kind === 'heading' && b.annex).map((_, i) => `附件${i + 1}`),
  ];
  return uniq(forms).sort((a, b) => b.length - a.length);
}

/** The numbers in `text` that none of `forms` accounts for. */
export function untracedNumbers(text: string, forms: string[]): string[] {
  let rest = text;
  for (const f of [...forms, ...WORDS]) rest = rest.replace(formPattern(f), '\u2063');
  return rest.match(NUMBER) ?? [];
}

const patterns = new Map<string, RegExp>();
/** A form matches whole numbers only: the value 2 accounts for 「2」, never for the 2 of 「24小时」 or 「2026」. */
function formPattern(form: string): RegExp {
  let re = patterns.get(form);
  if (!re) {
    const body = form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const before = /^[0-9]/.test(form)
      ? '(?<![0-9.,])'
      : /^[零〇一二两三四五六七八九十百千万]/.test(form)
        ? '(?<![零〇一二两三四五六七八九十百千万])'
        : '';
    // A bare number (an integer value) never accounts for a duration: 「2」 is not 「2小时」.
    const after = /^[0-9]+$/.test(form)
      ? `(?![0-9]|[.,][0-9]|${TIME_UNITS})`
      : /[0-9]$/.test(form)
        ? '(?![0-9]|[.,][0-9])'
        : /[零〇一二两三四五六七八九十百千万]$/.test(form)
          ? '(?![零〇一二两三四五六七八九十百千万])'
          : '';
    re = new RegExp(`${before}${body}${after}`, 'g');
    patterns.set(form, re);
  }
  return re;
}

/** The untraced numbers of an assembled document, each with the line it stands in. */
export function traceDocument(project: Project, t: Traced): { number: string; line: string }[] {
  const forms = allowedForms(project, t);
  return documentText(t.document)
    .split('\n')
    .flatMap((line) => untracedNumbers(line, forms).map((number) => ({ number, line })));
}
