// A newer version of a tender (答疑 / 澄清 / 更正): which proposed rows were added, changed or removed, and which of
// the project's confirmed requirements a change touches. Rows are paired by their wording, not their place: a
// clarification moves paragraphs and renumbers items.
import type { Requirement } from '../deviation/schema.js';
import type { TenderRow } from './model.js';
import { splitItem } from './text.js';

export type RowChange = { before: TenderRow; after: TenderRow; what: ('wording' | 'figure' | 'kind')[] };
export type TenderDiff = { added: TenderRow[]; removed: TenderRow[]; changed: RowChange[]; unchanged: number };

/** The wording without 条目号, ★/▲, spaces and punctuation: what stays when only numbering or layout changed. */
export const wordingKey = (text: string) => splitItem(text).rest.replace(/[★▲\s，,。；;：:、]/g, '');

const bigrams = (s: string) => {
  const out = new Map<string, number>();
  for (let i = 0; i < s.length - 1; i++) out.set(s.slice(i, i + 2), (out.get(s.slice(i, i + 2)) ?? 0) + 1);
  return out;
};
/** Dice similarity of two wordings' character pairs (Chinese needs no word segmentation for this). */
export function similarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  let common = 0;
  for (const [k, n] of x) common += Math.min(n, y.get(k) ?? 0);
  const total = Math.max(0, a.length - 1) + Math.max(0, b.length - 1);
  return total ? (2 * common) / total : a === b ? 1 : 0;
}

/** Close enough to be the same requirement reworded (三年 → 五年, a clause added at the end). */
const SAME_REQUIREMENT = 0.6;

const figureOf = (r: TenderRow) => `${r.op ?? ''}${r.value ?? ''}${r.unit ?? ''}${r.schedule ?? ''}`;

function changeOf(before: TenderRow, after: TenderRow): RowChange | undefined {
  const what: RowChange['what'] = [];
  if (wordingKey(before.text) !== wordingKey(after.text)) what.push('wording');
  if (figureOf(before) !== figureOf(after)) what.push('figure');
  if (before.kind !== after.kind) what.push('kind');
  return what.length ? { before, after, what } : undefined;
}

export function diffTenders(older: TenderRow[], newer: TenderRow[]): TenderDiff {
  const left = [...older];
  const right = [...newer];
  const pairs: [TenderRow, TenderRow][] = [];
  const take = (match: (a: TenderRow, b: TenderRow) => boolean) => {
    for (let i = 0; i < left.length; i++) {
      const j = right.findIndex((b) => match(left[i]!, b));
      if (j < 0) continue;
      pairs.push([left[i]!, right[j]!]);
      left.splice(i--, 1);
      right.splice(j, 1);
    }
  };
  // Same wording and the same variable first (one sentence may give several rows), then the same wording, then a
  // rewording of the same requirement: the same variable (or neither has one) and most of the words.
  take((a, b) => wordingKey(a.text) === wordingKey(b.text) && a.key === b.key && a.pattern === b.pattern);
  take((a, b) => wordingKey(a.text) === wordingKey(b.text) && (a.key ?? a.pattern) === (b.key ?? b.pattern));
  take((a, b) => a.key === b.key && (a.kind === b.kind || a.key !== undefined) && similarity(wordingKey(a.text), wordingKey(b.text)) >= SAME_REQUIREMENT);
  // In the older version's order, as the writer reads the tender.
  pairs.sort((x, y) => older.indexOf(x[0]) - older.indexOf(y[0]));
  const changed = pairs.map(([a, b]) => changeOf(a, b)).filter((c): c is RowChange => !!c);
  return { added: right, removed: left, changed, unchanged: pairs.length - changed.length };
}

/** The project's confirmed requirements that a changed or removed row came from: by wording, as they were confirmed. */
export function touchedRequirements(diff: TenderDiff, requirements: Requirement[]): { index: number; change: 'changed' | 'removed'; row: TenderRow }[] {
  const out: { index: number; change: 'changed' | 'removed'; row: TenderRow }[] = [];
  requirements.forEach((r, index) => {
    const key = wordingKey(r.text);
    const changed = diff.changed.find((c) => wordingKey(c.before.text) === key && (!r.key || !c.before.key || r.key === c.before.key));
    const removed = diff.removed.find((x) => wordingKey(x.text) === key && (!r.key || !x.key || r.key === x.key));
    if (changed) out.push({ index, change: 'changed', row: changed.after });
    else if (removed) out.push({ index, change: 'removed', row: removed });
  });
  return out;
}
