// An API error in the reader's language: worded from the problems it carries (by code and params) when it has
// them, else its message. Works on what every transport delivers: a BidForgeError or ApiError in process, or the
// plain {code, message, details|params} object that crossed IPC or HTTP.
import type { Problem } from '../model/problem.js';
import { problemText, type ProblemLang } from './problemText.js';

/** The problems an API error carries, wherever its transport put them. */
export function problemsOf(e: unknown): Problem[] {
  if (!e || typeof e !== 'object') return [];
  const o = e as { problems?: unknown; details?: unknown; params?: { problems?: unknown } };
  const list =
    o.problems ??
    (Array.isArray(o.details) ? o.details : (o.details as { problems?: unknown } | undefined)?.problems) ??
    o.params?.problems;
  return Array.isArray(list)
    ? list.filter(
        (p): p is Problem =>
          !!p &&
          typeof p === 'object' &&
          typeof (p as Problem).code === 'string' &&
          typeof (p as Problem).message === 'string',
      )
    : [];
}

export function errorText(e: unknown, lang: ProblemLang, separator = lang === 'en' ? '; ' : '；'): string {
  const problems = problemsOf(e);
  if (problems.length) return problems.map((p) => problemText(p, lang)).join(separator);
  // An error made from params (ApiError's {code, message, params}) reads like a problem with that code.
  const own = e && typeof e === 'object' ? (e as { code?: unknown; message?: unknown; params?: unknown }) : undefined;
  const params =
    own?.params && typeof own.params === 'object'
      ? Object.fromEntries(
          Object.entries(own.params).filter(
            (x): x is [string, string | number] => typeof x[1] === 'string' || typeof x[1] === 'number',
          ),
        )
      : {};
  if (typeof own?.code === 'string' && typeof own.message === 'string') {
    // A coded error without params reads by its code too, when its wording needs none.
    const text = problemText({ severity: 'error', code: own.code, message: own.message, params }, lang);
    if (Object.keys(params).length || !/\{\w+\}/.test(text)) return text;
  }
  if (e instanceof Error) return e.message;
  const message = e && typeof e === 'object' ? (e as { message?: unknown }).message : undefined;
  return typeof message === 'string' ? message : String(e);
}
