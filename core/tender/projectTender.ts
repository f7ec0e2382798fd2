// The tender as the project keeps it (project.tender): which file was read (name, format, pages, when, its SHA-256),
// every row proposed from it with the writer's decision — confirmed (and the requirement it became), dismissed or
// pending — and the clarifications read since. Reopening the project shows the rows as they were decided; a newer
// version is compared with these rows, not with the confirmed requirements alone. Pure (zod), bounded in size.
import { z } from 'zod';
import type { Requirement } from '../deviation/schema.js';
import { pairRows, wordingKey, type TenderDiff } from './diff.js';
import { ROW_KINDS, type TenderReading, type TenderRow } from './model.js';

/** At most this many rows are kept (a 300-page tender proposes a few hundred); texts are cut to their limits. */
export const MAX_STORED_ROWS = 1500;
const MAX_TEXT = 2000;
const MAX_CLARIFICATIONS = 20;

const int = z.number().int().nonnegative();
const locSchema = z.object({ page: int, pageEnd: int.optional(), paragraph: int });
const cellLocSchema = locSchema.extend({ table: int, row: int, column: int });

export const DECISIONS = ['pending', 'confirmed', 'dismissed'] as const;
export type Decision = (typeof DECISIONS)[number];

const storedRowSchema = z.object({
  kind: z.enum(ROW_KINDS),
  text: z.string().min(1).max(MAX_TEXT),
  loc: z.union([cellLocSchema, locSchema]),
  chapter: z.array(z.string().max(200)).max(12),
  item: z.string().max(50).optional(),
  op: z.enum(['<=', '>=', '=']).optional(),
  value: z.number().finite().optional(),
  unit: z.string().max(20).optional(),
  schedule: z.string().max(20).optional(),
  key: z.string().max(100).optional(),
  fact: z.string().max(100).optional(),
  pattern: z.string().max(100).optional(),
  points: z.number().finite().optional(),
  form: z
    .object({
      title: z.string().max(200),
      text: z.string().max(MAX_TEXT),
      columns: z.array(z.string().max(100)).max(30).optional(),
    })
    .optional(),
  decision: z.enum(DECISIONS),
  /** Confirmed rows: the requirement's wording as it was confirmed (the link to project.requirements). */
  requirement: z.string().max(1000).optional(),
  /** A service sentence no phrasing recognised, listed for review. */
  review: z.boolean().optional(),
  /** What the latest clarification did to the row; `was` is its earlier wording. */
  change: z.enum(['added', 'changed', 'removed']).optional(),
  was: z.string().max(MAX_TEXT).optional(),
  /** Confirmed format rows: false when the writer chose not to follow the mandated form (absent: follow it). */
  follow: z.boolean().optional(),
  /** A mandated 偏离表: the writer's text for columns nothing computed fills, by column (core/tender/formsFollow.ts). */
  fill: z.record(z.string().max(100), z.string().max(200)).optional(),
});
export type StoredRow = z.infer<typeof storedRowSchema>;

const fileSchema = z.object({
  fileName: z.string().min(1).max(500),
  format: z.enum(['docx', 'pdf']),
  pages: int,
  readAt: z.string().max(40),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

export const projectTenderSchema = fileSchema.extend({
  pageBasis: z.enum(['layout', 'breaks']),
  paragraphBasis: z.enum(['page', 'document']),
  rows: z.array(storedRowSchema).max(MAX_STORED_ROWS),
  /** The versions read before this one, oldest first, each with what the version after it added, changed, removed. */
  history: z
    .array(fileSchema.extend({ added: int, changed: int, removed: int }))
    .max(MAX_CLARIFICATIONS)
    .optional(),
});
export type ProjectTender = z.infer<typeof projectTenderSchema>;

const cut = (s: string, n = MAX_TEXT) => (s.length > n ? s.slice(0, n) : s);

/** A row as stored: texts cut to their limits, the reader's row otherwise as it is. */
function stored(r: TenderRow, decision: Decision, extra: Partial<StoredRow> = {}): StoredRow {
  return {
    ...r,
    text: cut(r.text),
    chapter: r.chapter.slice(-12).map((c) => cut(c, 200)),
    ...(r.item !== undefined ? { item: cut(r.item, 50) } : {}),
    ...(r.form
      ? {
          form: {
            title: cut(r.form.title, 200),
            text: cut(r.form.text),
            ...(r.form.columns ? { columns: r.form.columns.slice(0, 30).map((c) => cut(c, 100)) } : {}),
          },
        }
      : {}),
    decision,
    ...extra,
  };
}

/** The reader's row back from a stored one (decision and marks dropped). */
export function rowOf({
  decision: _d,
  requirement: _q,
  review: _r,
  change: _c,
  was: _w,
  follow: _f,
  fill: _fill,
  ...row
}: StoredRow): TenderRow {
  return row;
}

/** A freshly read tender: every proposed row and every row for review, pending. Needs the reading's SHA-256. */
export function tenderRecord(reading: TenderReading & { sha256: string }, readAt: string): ProjectTender {
  const rows = [
    ...reading.rows.map((r) => stored(r, 'pending')),
    ...reading.review.map((r) => stored(r, 'pending', { review: true })),
  ].slice(0, MAX_STORED_ROWS);
  return {
    fileName: reading.fileName,
    format: reading.format,
    pages: reading.pages,
    readAt,
    sha256: reading.sha256,
    pageBasis: reading.pageBasis,
    paragraphBasis: reading.paragraphBasis,
    rows,
  };
}

/** The record with row `index` decided; a confirmed row remembers the requirement it became. */
export function decide(t: ProjectTender, index: number, decision: Decision, requirement?: Requirement): ProjectTender {
  return {
    ...t,
    rows: t.rows.map((r, i) => {
      if (i !== index) return r;
      const { requirement: _old, ...rest } = r;
      return {
        ...rest,
        decision,
        ...(decision === 'confirmed' && requirement ? { requirement: requirement.text } : {}),
      };
    }),
  };
}

/** The record with a format row's choice: follow its mandated form or not, and text for columns we cannot fill. */
export function followForm(
  t: ProjectTender,
  index: number,
  choice: { follow?: boolean; fill?: Record<string, string> },
): ProjectTender {
  return {
    ...t,
    rows: t.rows.map((r, i) => {
      if (i !== index) return r;
      const next = { ...r, ...choice };
      if (choice.fill) {
        const fill = Object.fromEntries(Object.entries(choice.fill).filter(([, v]) => v.trim()));
        if (Object.keys(fill).length) next.fill = fill;
        else delete next.fill;
      }
      return next;
    }),
  };
}

/**
 * For each stored row, the index of the project requirement it was confirmed as, else -1: by wording, and where one
 * sentence gave several rows (30分钟内响应，4小时内到场), the requirement with the row's variable or fact.
 */
export function linkedRequirements(t: ProjectTender, requirements: Requirement[]): number[] {
  const keys = requirements.map((r) => wordingKey(r.text));
  const used = new Set<number>();
  return t.rows.map((r) => {
    if (r.decision !== 'confirmed' || !r.requirement) return -1;
    const key = wordingKey(r.requirement);
    const same = keys.flatMap((k, i) => (k === key && !used.has(i) ? [i] : []));
    const q = (i: number) => requirements[i]!;
    const hit =
      same.find((i) => (r.fact && q(i).fact === r.fact) || (r.key && q(i).key === r.key) || q(i).value === r.value) ??
      same[0] ??
      -1;
    if (hit >= 0) used.add(hit);
    return hit;
  });
}

export type Clarified = {
  record: ProjectTender;
  diff: TenderDiff;
  /** Confirmed requirements (by index) whose row the newer version changed or removed. */
  requirements: { index: number; change: 'changed' | 'removed'; row: TenderRow }[];
  /** Facts (by id, or the variable key when no fact is known) that a changed or removed confirmed row concerns. */
  facts: string[];
};

/**
 * A newer version (答疑 / 澄清) against the stored one: rows it keeps keep their decision; changed rows keep theirs
 * and are marked (with the earlier wording); new rows are pending; removed rows stay, marked, so nothing vanishes.
 */
export function clarify(
  older: ProjectTender,
  newer: TenderReading & { sha256: string },
  readAt: string,
  requirements: Requirement[],
): Clarified {
  const olderRows = older.rows.filter((r) => !r.review && r.change !== 'removed');
  const asRows = olderRows.map(rowOf);
  const { pairs, diff } = pairRows(asRows, newer.rows);
  const oldOf = new Map<TenderRow, StoredRow>();
  for (const [a, b] of pairs) oldOf.set(b, olderRows[asRows.indexOf(a)]!);
  const changedAfter = new Map(diff.changed.map((c) => [c.after, c]));
  const rows: StoredRow[] = newer.rows.map((r) => {
    const old = oldOf.get(r);
    if (!old) return stored(r, 'pending', { change: 'added' });
    const keep = {
      ...(old.requirement ? { requirement: old.requirement } : {}),
      ...(old.follow !== undefined ? { follow: old.follow } : {}),
      ...(old.fill ? { fill: old.fill } : {}),
    };
    return changedAfter.has(r)
      ? stored(r, old.decision, { ...keep, change: 'changed', was: old.text })
      : stored(r, old.decision, keep);
  });
  const removed = diff.removed.map((r) => olderRows[asRows.indexOf(r)]!);
  for (const r of removed) rows.push({ ...r, change: 'removed' });
  rows.push(...newer.review.map((r) => stored(r, 'pending', { review: true })));
  const links = linkedRequirements(older, requirements);
  const touched: Clarified['requirements'] = [];
  const facts = new Set<string>();
  const mark = (old: StoredRow, change: 'changed' | 'removed', row: TenderRow) => {
    if (old.decision !== 'confirmed' || !old.requirement) return;
    const index = links[older.rows.indexOf(old)] ?? -1;
    if (index < 0) return;
    touched.push({ index, change, row });
    const q = requirements[index]!;
    const fact = q.fact ?? old.fact ?? q.key ?? old.key;
    if (fact) facts.add(fact);
  };
  for (const c of diff.changed) mark(oldOf.get(c.after)!, 'changed', c.after);
  for (const r of removed) mark(r, 'removed', rowOf(r));
  const { history = [] } = older;
  const file = {
    fileName: older.fileName,
    format: older.format,
    pages: older.pages,
    readAt: older.readAt,
    sha256: older.sha256,
    added: diff.added.length,
    changed: diff.changed.length,
    removed: diff.removed.length,
  };
  return {
    record: {
      ...tenderRecord(newer, readAt),
      rows: rows.slice(0, MAX_STORED_ROWS),
      history: [...history, file].slice(-MAX_CLARIFICATIONS),
    },
    diff,
    requirements: touched.sort((a, b) => a.index - b.index),
    facts: [...facts],
  };
}
