// The undo key of an edit to one fact. Edits with one key in quick succession are one undo step (typing a figure),
// so the key names the control that changed, not just the fact: a time typed and then its unit chosen are two
// steps, and undoing the unit leaves the typed time. A switch flipped is a step of its own.
import type { Commitment } from '@core/commitments/schema.js';

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Where two facts differ, as dotted paths to their leaves: an array that differs is one leaf, and an object that
 * appears or goes (a scope) is read as its leaves.
 */
export function changedPaths(before: unknown, after: unknown, prefix = ''): string[] {
  if (Object.is(before, after)) return [];
  const a = before === undefined && isRecord(after) ? {} : before;
  const b = after === undefined && isRecord(before) ? {} : after;
  if (!isRecord(a) || !isRecord(b)) return JSON.stringify(a) === JSON.stringify(b) ? [] : [prefix];
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return keys.flatMap((k) => changedPaths(a[k], b[k], prefix ? `${prefix}.${k}` : k));
}

const at = (v: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], v);

/**
 * The undo key of the edit that turns `before` into `after`, the fact at `index`: the fact and the values that
 * changed (the same values edited again within the pause join the step), or undefined — a step of its own — when a
 * switch was flipped or nothing changed.
 */
export function factEditKey(index: number, before: Commitment | undefined, after: Commitment): string | undefined {
  const paths = before ? changedPaths(before, after) : [];
  const flipped = paths.some((p) => typeof at(before, p) === 'boolean' || typeof at(after, p) === 'boolean');
  return paths.length === 0 || flipped ? undefined : `commitments.${index}.${paths.join('+')}`;
}
