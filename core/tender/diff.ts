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
  return pairRows(older, newer).diff;
}

/** The diff, and which older row each kept or changed newer row pairs with (the very objects given). */
export function pairRows(
  older: TenderRow[],
  newer: TenderRow[],
): { diff: TenderDiff; pairs: [TenderRow, TenderRow][] } {
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
  take((a, b) => wordingKey(a.text) === wordingKey(b.text) && a.key === b.key && figureOf(a) === figureOf(b));
  take((a, b) => wordingKey(a.text) === wordingKey(b.text) && a.key === b.key && a.pattern === b.pattern);
  take((a, b) => wordingKey(a.text) === wordingKey(b.text) && (a.key ?? a.pattern) === (b.key ?? b.pattern));
  take(
    (a, b) =>
      a.key === b.key &&
      (a.kind === b.kind || a.key !== undefined) &&
      similarity(wordingKey(a.text), wordingKey(b.text)) >= SAME_REQUIREMENT,
  );
  // In the older version's order, as the writer reads the tender.
  pairs.sort((x, y) => older.indexOf(x[0]) - older.indexOf(y[0]));
  const changed = pairs.map(([a, b]) => changeOf(a, b)).filter((c): c is RowChange => !!c);
  return { diff: { added: right, removed: left, changed, unchanged: pairs.length - changed.length }, pairs };
}

/** The project's confirmed requirements that a changed or removed row came from: by wording, as they were confirmed. */
export function touchedRequirements(
  diff: TenderDiff,
  requirements: Requirement[],
): { index: number; change: 'changed' | 'removed'; row: TenderRow }[] {
  const out: { index: number; change: 'changed' | 'removed'; row: TenderRow }[] = [];
  requirements.forEach((r, index) => {
    const key = wordingKey(r.text);
    const changed = diff.changed.find(
      (c) => wordingKey(c.before.text) === key && (!r.key || !c.before.key || r.key === c.before.key),
    );
    const removed = diff.removed.find((x) => wordingKey(x.text) === key && (!r.key || !x.key || r.key === x.key));
    if (changed) out.push({ index, change: 'changed', row: changed.after });
    else if (removed) out.push({ index, change: 'removed', row: removed });
  });
  return out;
}

/** A confirmed requirement as a row, so a newly read tender can be compared with what the project already holds. */
function rowOfRequirement(r: Requirement): TenderRow {
  return {
    kind: r.star ? 'star' : 'requirement',
    text: r.text,
    loc: { page: 0, paragraph: 0 },
    chapter: [],
    ...(r.op ? { op: r.op } : {}),
    ...(r.value !== undefined ? { value: r.value } : {}),
    ...(r.unit ? { unit: r.unit } : {}),
    ...(r.key ? { key: r.key } : {}),
  };
}

export type AgainstProject = {
  /** Proposed rows the project already holds unchanged (by index into `rows`): not proposed again. */
  held: number[];
  /** Confirmed requirements the tender now words or figures differently, with the new row. */
  changed: { index: number; row: TenderRow; what: RowChange['what'] }[];
  /** Confirmed requirements the tender no longer has. */
  removed: number[];
};

/**
 * A tender read again (a clarification, or the same file) against the project's confirmed requirements: which rows
 * it already holds, which requirements changed and which are gone. Needs no copy of the older tender.
 */
export function againstRequirements(rows: TenderRow[], requirements: Requirement[]): AgainstProject {
  const confirmable = rows.map((r, i) => ({ r, i })).filter(({ r }) => r.kind !== 'format' && r.kind !== 'toc');
  // A requirement keeps neither the row's kind (but ★) nor its phrasing, and its variable only when the project has
  // it: rows are compared on what both hold — wording, figure, ★.
  const plain = ({ key: _key, pattern: _pattern, schedule: _schedule, op, ...r }: TenderRow): TenderRow => ({
    ...r,
    ...(op && r.value !== undefined ? { op } : {}),
    kind: r.kind === 'star' ? 'star' : 'requirement',
  });
  const asRows = requirements.map(rowOfRequirement).map(plain);
  const plainRows = confirmable.map(({ r }) => plain(r));
  const d = diffTenders(asRows, plainRows);
  // diffTenders hands back the very objects it was given: their place in plainRows is their place in `rows`.
  const rowIndex = (r: TenderRow) => confirmable[plainRows.indexOf(r)]!.i;
  const changedRows = new Set(d.changed.map((c) => c.after));
  const held = plainRows.filter((r) => !d.added.includes(r) && !changedRows.has(r)).map(rowIndex);
  return {
    held,
    changed: d.changed.map((c) => ({ index: asRows.indexOf(c.before), row: rows[rowIndex(c.after)]!, what: c.what })),
    removed: d.removed.map((r) => asRows.indexOf(r)),
  };
}
