// The advanced editor's variable declarations as JSON, checked before they replace the form's list. What is wrong is
// a catalog key and its params, so it reads in the UI's language (not JSON.parse's own English).
import type { VariableDecl } from '@core/api/library.js';
import type { MessageKey } from '../i18n.js';

export type VarsError = { key: MessageKey; params?: Record<string, number> };

/** The JSON of the declarations: an array of objects, each with at least key, type and label (the API checks the rest). */
export function parseVariables(text: string): { ok: true; value: VariableDecl[] } | { ok: false; error: VarsError } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    // JSON.parse's own message is the engine's English: say where it breaks in the UI's words instead.
    const at = /position (\d+)/.exec(e instanceof Error ? e.message : '');
    if (!at) return { ok: false, error: { key: 'lib.var.notJson' } };
    const lines = text.slice(0, Number(at[1])).split('\n');
    const params = { line: lines.length, column: lines[lines.length - 1]!.length + 1 };
    return { ok: false, error: { key: 'lib.var.notJsonAt', params } };
  }
  if (!Array.isArray(raw)) return { ok: false, error: { key: 'lib.var.notArray' } };
  const bad = raw.findIndex(
    (v: unknown) =>
      typeof v !== 'object' ||
      v === null ||
      typeof (v as { key?: unknown }).key !== 'string' ||
      typeof (v as { type?: unknown }).type !== 'string' ||
      typeof (v as { label?: unknown }).label !== 'string',
  );
  if (bad >= 0) return { ok: false, error: { key: 'lib.var.badItem', params: { n: bad + 1 } } };
  // A declaration without "required" is required (the API's default); the form needs the field to show it.
  return { ok: true, value: (raw as VariableDecl[]).map((v) => ({ ...v, required: v.required ?? true })) };
}
