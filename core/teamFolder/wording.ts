// A team-folder problem in the reader's language. Until core/i18n/problemText.ts spreads TEAM_FOLDER_EN into its
// table, its English comes from here; after that this is the same as problemText. Kept apart from text.ts so that
// problemText.ts can import text.ts without an import circle.
import { problemText, type ProblemLang } from '../i18n/problemText.js';
import type { Problem } from '../model/problem.js';
import { TEAM_FOLDER_EN } from './text.js';

export function teamFolderText(p: Problem, lang: ProblemLang): string {
  const t = lang === 'en' && Object.hasOwn(TEAM_FOLDER_EN, p.code) ? TEAM_FOLDER_EN[p.code] : undefined;
  const params = p.params;
  if (!t || !params) return problemText(p, lang);
  let missing = false;
  const out = (typeof t === 'function' ? t(params) : t).replace(/\{(\w+)\}/g, (m, name: string) => {
    if (Object.hasOwn(params, name)) return String(params[name]);
    missing = true;
    return m;
  });
  return missing ? p.message : out;
}
