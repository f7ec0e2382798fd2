// A problem as one line of text (the CLI, and error messages that list problems): severity, file, section and the
// text in the reader's language. The field is named by its label inside the text, so its key is not repeated here.
import type { Problem } from '../model/problem.js';
import { problemText, type ProblemLang } from './problemText.js';

const WORDS = {
  'zh-CN': {
    error: '错误',
    warning: '警告',
    sep: '：',
    section: (s: string) => `「${s}」`,
    clause: (c: string) => `条款 ${c}`,
  },
  en: {
    error: 'error',
    warning: 'warning',
    sep: ': ',
    section: (s: string) => `section “${s}”`,
    clause: (c: string) => `clause ${c}`,
  },
} as const;

/** Template problems are legal's to fix in a clause file: for them the clause id says where. */
const IN_CLAUSE = new Set(['template', 'bad_template', 'bad_condition', 'conflicting_declaration', 'unknown_clause']);

export function problemLine(p: Problem, lang: ProblemLang): string {
  const w = WORDS[lang];
  const text = problemText(p, lang);
  // File problems (core/project/fileProblems.ts) start with the file already.
  const file = p.file && !text.startsWith(p.file) ? p.file : undefined;
  const where = [
    file,
    p.section && w.section(p.section),
    p.clause && IN_CLAUSE.has(p.code) ? w.clause(p.clause) : undefined,
  ].filter(Boolean);
  return [w[p.severity], ...where, text].join(w.sep);
}
