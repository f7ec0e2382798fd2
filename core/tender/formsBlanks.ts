// Blanks inside a mandated 承诺书's sentences (#18 item 3): 「接到报修通知后＿＿小时内到达现场」, 「质保期为（  ）年」.
// Which promise a blank asks for is read the way the tender reader reads a requirement (core/tender/figures.ts): the
// sentence with a probe number in the blank. The blank takes our figure in the blank's unit when that is exact
// (2小时 → 120分钟, 3年 → 36个月); otherwise our own wording (3个工作日 in a 小时 blank) and a warning; a blank whose
// promise we do not offer, or that names no promise we know, stays a problem — never printed blank.
import type { Commitment, FactDuration } from '../commitments/schema.js';
import { factFigure, formatFactDuration } from '../commitments/phrase.js';
import { formatNumber } from '../format/zh.js';
import { figuresOf } from './figures.js';

/** A blank to fill: underscores, a row of dots, or empty brackets. */
export const FACT_BLANK = /[_＿]{2,}|…{2,}|\.{4,}|（[\s　]*）|\([\s　]*\)/g;

/** What filling a line found: the sentences whose blank took our own wording, and those left unfilled. */
export type BlankReport = { inexact: string[]; unfilled: string[] };

/** The unit words a blank may be followed by, longest first; the value the unit's figure counts in. */
const UNIT = /^(个工作日|工作日|个日历日|日历日|分钟|个小时|小时|个月|月|年|周|天|日|次|名|人|个|%|％)/;
const PROBE = 97;
const ITEM_NUMBER = /^\s*(?:\d+[.．、]|[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、)\s*/;

const MINUTES: Record<string, number> = { 分钟: 1, 小时: 60, 个小时: 60 };
const DAYS: Record<string, number> = { 天: 1, 日: 1, 日历日: 1, 个日历日: 1, 周: 7 };
const MONTHS: Record<string, number> = { 个月: 1, 月: 1, 年: 12 };

/** A duration in the blank's unit, when exact: the number, else undefined. 工作日 converts to nothing else. */
function inUnit(d: FactDuration, unit: string): number | undefined {
  const u = (x: string) => x.replace(/^个(?=工作日)/, '');
  if (u(unit) === u(d.unit)) return d.value;
  const from = (table: Record<string, number>, key: string) => table[key === '工作日' ? '' : key];
  for (const table of [MINUTES, DAYS, MONTHS]) {
    const a = from(table, d.unit);
    const b = from(table, unit);
    if (a && b) {
      const v = (d.value * a) / b;
      return Number.isInteger(v * 100) ? v : undefined;
    }
  }
  // A day as 24 hours: a calendar day only.
  if (d.unit === '天' && MINUTES[unit]) return (d.value * 24 * 60) / MINUTES[unit]!;
  return undefined;
}

/** Our figure for a blank followed by `unit`: the number alone when exact, else our own wording of the figure. */
function ourFigure(c: Commitment, unit: string, perYear: boolean): { text: string; exact: boolean } {
  const own = { text: factFigure(c), exact: false };
  const duration = 'within' in c ? c.within : 'period' in c ? c.period : c.kind === 'train' ? c.length : undefined;
  if (duration) {
    const v = inUnit(duration, unit);
    return v === undefined
      ? { text: formatFactDuration(duration), exact: false }
      : { text: formatNumber(v), exact: true };
  }
  if ('times' in c && unit === '次') {
    if (!perYear) return { text: String(c.times), exact: true };
    const months = { 个月: 1, 年: 12, 周: undefined, 天: undefined }[c.every.unit as '个月'];
    const n = months ? (c.times * 12) / (c.every.value * months) : undefined;
    return n !== undefined && Number.isInteger(n) ? { text: String(n), exact: true } : own;
  }
  if ('count' in c && /^(名|人|个)$/.test(unit)) return { text: String(c.count), exact: true };
  if (c.kind === 'satisfaction' && /^[%％]$/.test(unit)) return { text: formatNumber(c.percent), exact: true };
  return own;
}

/** The promise a blank asks for: the sentence read with a probe number in that blank (the others filled too). */
function factAt(line: string, at: number, length: number) {
  const probed = `${line.slice(0, at).replace(FACT_BLANK, '1')}${PROBE}${line.slice(at + length).replace(FACT_BLANK, '1')}`;
  // Read without its list number (「2. 接到报修电话后…」), as the tender reader reads a list item.
  return figuresOf(probed.replace(ITEM_NUMBER, '')).find((f) => f.value === PROBE && f.fact);
}

/** Whether a line's blanks all ask for promises the tender reader recognises (a sentence we fill, not a slot). */
export const isFactLine = (line: string): boolean => {
  const blanks = [...line.matchAll(FACT_BLANK)];
  return blanks.length > 0 && blanks.every((m) => !!factAt(line, m.index, m[0].length));
};

/**
 * The line with each blank that asks for a promise filled with our figure. `report` collects the line when a blank
 * took our own wording (inexact) or stays unfilled (a promise we do not offer, or none we recognise).
 */
export function fillFactBlanks(line: string, facts: readonly Commitment[], report?: BlankReport): string {
  let inexact = false;
  let unfilled = false;
  let text = '';
  let from = 0;
  for (const m of line.matchAll(FACT_BLANK)) {
    if (m.index < from) continue;
    text += line.slice(from, m.index);
    from = m.index + m[0].length;
    const figure = factAt(line, m.index, m[0].length);
    const fact = figure && facts.find((c) => c.id === figure.fact && c.offered !== false);
    if (!fact) {
      unfilled = true;
      text += m[0];
      continue;
    }
    const space = /^[\s　]*/.exec(line.slice(from))![0];
    const unit = UNIT.exec(line.slice(from + space.length))?.[1] ?? '';
    // A blank with no unit after it takes our figure as we word it (质保期：＿＿ → 36个月).
    const ours = unit
      ? ourFigure(fact, unit, /per_year$/.test(figure.key ?? ''))
      : { text: factFigure(fact), exact: true };
    text += ours.text;
    if (!ours.exact) {
      // Our own wording replaces the blank and the tender's unit after it.
      inexact = true;
      from += space.length + unit.length;
    }
  }
  text += line.slice(from);
  if (report && inexact) report.inexact.push(line);
  if (report && unfilled) report.unfilled.push(line);
  return text;
}
