// Undo/redo for the project being edited: a list of past states, the present, and the undone future.
// Typing into one field within a short pause is one step, as in a word processor.
export type History<T> = { past: T[]; present: T; future: T[]; lastKey?: string; lastAt: number };

export const MAX_STEPS = 200;
export const COALESCE_MS = 1000;

export function startHistory<T>(present: T): History<T> {
  return { past: [], present, future: [], lastAt: 0 };
}

/** Records a new present. Edits to the same `key` less than COALESCE_MS apart replace the last step instead of adding one. */
export function record<T>(h: History<T>, next: T, key: string | undefined, now: number): History<T> {
  if (Object.is(next, h.present)) return h;
  const coalesce = key !== undefined && key === h.lastKey && now - h.lastAt < COALESCE_MS && h.past.length > 0;
  const past = coalesce ? h.past : [...h.past, h.present].slice(-MAX_STEPS);
  return { past, present: next, future: [], lastKey: key, lastAt: now };
}

export function undo<T>(h: History<T>): History<T> {
  const prev = h.past[h.past.length - 1];
  if (h.past.length === 0) return h;
  return { past: h.past.slice(0, -1), present: prev as T, future: [h.present, ...h.future], lastAt: 0 };
}

export function redo<T>(h: History<T>): History<T> {
  if (h.future.length === 0) return h;
  const [next, ...rest] = h.future;
  return { past: [...h.past, h.present], present: next as T, future: rest, lastAt: 0 };
}

/** Ctrl+Z in a text field undoes its typing natively; project-level undo is for everything else. */
export function isTextEditing(el: { tagName: string; type?: string; isContentEditable?: boolean } | null): boolean {
  if (!el) return false;
  if (el.tagName === 'TEXTAREA') return true;
  if (el.tagName === 'INPUT') return !['checkbox', 'radio', 'button', 'submit'].includes(el.type ?? 'text');
  return el.isContentEditable === true;
}
