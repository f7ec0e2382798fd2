// One value per variable key, shared by every clause that declares it.
import type { ClauseVersion } from '../model/library.js';
import type { Problem } from '../model/problem.js';
import { LEGACY_KEY_OF } from '../commitments/legacy.js';
import { parseValue, ValueError, type Value, type VariableDecl, type VariableType } from '../model/variables.js';

/**
 * A later clause's suggestion (服务时间 of 联系方式) is offered even when the first declaration of its key has no
 * default; being only offered, never pre-filled (mergedLater below says what else a later declaration adds).
 */
export const offersLater = (first: VariableDecl, later: VariableDecl): boolean =>
  first.type === later.type && first.default === undefined && later.default !== undefined && isSuggested(later);

/**
 * The first declaration of a key with what a later one of the same type adds: its suggestion (above), and being
 * required — a key is required when any clause using it requires it, since that clause prints it without {{#if}}
 * (联系方式's 客服中心办公时间 printed blank when 服务承诺, earlier and optional, decided alone). Undefined: nothing added.
 */
export function mergedLater<D extends VariableDecl>(first: D, later: VariableDecl): D | undefined {
  if (first.type !== later.type) return undefined;
  let merged = first;
  if (offersLater(first, later)) merged = { ...merged, default: later.default, example: true };
  if (later.required && !merged.required) merged = { ...merged, required: true };
  return merged === first ? undefined : merged;
}

/** Declarations by key; two clauses declaring one key with different types is an error. */
export function collectDeclarations(clauses: ClauseVersion[], problems: Problem[]): Map<string, VariableDecl> {
  const decls = new Map<string, VariableDecl>();
  const owner = new Map<string, string>();
  for (const c of clauses) {
    for (const d of c.variables) {
      const prev = decls.get(d.key);
      if (!prev) {
        decls.set(d.key, d);
        owner.set(d.key, c.id);
      } else if (prev.type === d.type) {
        const merged = mergedLater(prev, d);
        if (merged) decls.set(d.key, merged);
      } else
        problems.push({
          severity: 'error',
          code: 'conflicting_declaration',
          message: `变量 ${d.key} 在条款 ${owner.get(d.key)} 中是 ${prev.type}，在此处是 ${d.type}`,
          params: { key: d.key, owner: owner.get(d.key)!, ownerType: prev.type, type: d.type },
          clause: c.id,
          field: `values.${d.key}`,
        });
    }
  }
  return decls;
}

/**
 * Parses the project's raw values against the declarations; problems name values.<key>.
 * `knownKeys`: keys used elsewhere (a clause left out by its condition, another document of the bid package),
 * whose values are therefore not "unused".
 */
export function resolveValues(
  raw: Record<string, unknown>,
  decls: Map<string, VariableDecl>,
  problems: Problem[],
  knownKeys: ReadonlySet<string> = new Set(),
): Map<string, Value> {
  const values = new Map<string, Value>();
  for (const [key, decl] of decls) {
    const v = Object.hasOwn(raw, key) ? raw[key] : undefined;
    // An optional text left empty is no value at all: a clause printing it under {{#if}} leaves the sentence out, one
    // printing it as is fails by the variable's label (assemble.ts) instead of printing a blank into the bid.
    if (v === undefined || v === null || (v === '' && !decl.required)) {
      if (decl.required)
        problems.push({
          severity: 'error',
          code: 'missing_value',
          message: `缺少必填变量「${decl.label}」的值`,
          params: { label: decl.label },
          field: `values.${key}`,
        });
      continue;
    }
    try {
      values.set(key, parseValue(decl, v));
    } catch (e) {
      if (!(e instanceof ValueError)) throw e;
      // reasonCode and the reason's own params let a shell word it in its language (core/i18n/valueText.ts).
      problems.push({
        severity: 'error',
        code: 'bad_value',
        message: `「${decl.label}」的值无效：${e.message}`,
        params: { ...e.params, label: decl.label, reason: e.message, reasonCode: e.code },
        field: `values.${key}`,
      });
    }
  }
  for (const key of Object.keys(raw))
    if (!decls.has(key) && !knownKeys.has(key))
      problems.push({
        severity: 'warning',
        code: 'unused_value',
        message: `变量 ${key} 没有被任何条款使用`,
        params: { key },
        field: `values.${key}`,
      });
  return values;
}

/**
 * Types whose value is a figure the bid promises or states (a time, a count, an amount, a rate, a day). Not figures:
 * text and multiline (names, wordings), list (training topics: lines of wording the form shows in full), table (no
 * clause declares a default for one), boolean (switches a sentence on or off, shown as 是/否) and choice (one of the
 * clause's own wordings, shown in full in the form) — except a choice that is itself a fact's figure (below).
 */
export const FIGURE_TYPES: ReadonlySet<VariableType> = new Set([
  'integer',
  'number',
  'money',
  'percent',
  'date',
  'duration',
]);

/** Keys that carry a fact's figure: 电话回访周期 is a choice of 每周/每月…, a frequency the company promises. */
const FACT_FIGURE_KEYS: ReadonlySet<string> = new Set(LEGACY_KEY_OF.values());

/** A variable whose value is a figure: the company states it; a clause's default is only a suggestion. */
export const isFigure = (decl: Pick<VariableDecl, 'key' | 'type'>): boolean =>
  FIGURE_TYPES.has(decl.type) || (decl.type === 'choice' && FACT_FIGURE_KEYS.has(decl.key));

/**
 * A default offered as a suggestion, never pre-filled: a figure's, or one the clause marks as an example (service
 * hours, the client's spec, what the warranty excludes) — a promise or a project's fact nobody typed.
 */
export const isSuggested = (decl: Pick<VariableDecl, 'key' | 'type' | 'example'>): boolean =>
  isFigure(decl) || decl.example === true;

/** Every declared default, in its JSON form: the clause library's sample of a clause (labelled as such there). */
export function defaultValues(decls: Map<string, VariableDecl>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, d] of decls) if (d.default !== undefined) out[key] = d.default;
  return out;
}

/**
 * What a new project starts with: the defaults that are wordings, never a figure nobody typed (30分钟, 2小时, 36个月)
 * nor an example (服务时间). Those stay in the declaration, where the form offers them as a suggestion to take.
 */
export function newProjectValues(decls: Map<string, VariableDecl>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, d] of decls) if (d.default !== undefined && !isSuggested(d)) out[key] = d.default;
  return out;
}
