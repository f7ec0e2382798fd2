// Why a file's contents are unusable, in both languages: a zod validation failure, or where its JSON breaks. Core
// writes the message in Chinese and the shells word it in English (core/library/store/storeText.ts). zod's own wording
// comes from its zh-CN and en locales; a message our schemas wrote in Chinese is kept, its English taken from the
// issue's params.en when the schema gave one. (zodMessage.ts beside it is the plain one-line English form.)
import type { z } from 'zod';
import { en, zhCN } from 'zod/v4/locales';

const HAN = /\p{Script=Han}/u;
const zhWords = zhCN().localeError;
const enWords = en().localeError;
// zh-CN leaves zod's type names in English.
const ZH_TYPE: Record<string, string> = {
  string: '字符串',
  boolean: '布尔值',
  object: '对象',
  undefined: '缺失',
  int: '整数',
  array: '数组',
  number: '数字',
};

type Bound = { origin?: string; inclusive?: boolean };
/** Sizes and bounds in plain Chinese (zh-CN says "数值过小：期望 string >=1 字符" even of a text's length). */
function boundZh(issue: Issue): string | undefined {
  if (issue.code !== 'too_small' && issue.code !== 'too_big') return undefined;
  const b = issue as Issue & Bound;
  const n = Number(issue.code === 'too_small' ? issue.minimum : issue.maximum);
  const unit = b.origin === 'string' ? ' 个字符' : b.origin === 'array' || b.origin === 'set' ? ' 项' : undefined;
  if (unit === undefined && b.origin !== 'number' && b.origin !== 'int') return undefined;
  if (issue.code === 'too_small') {
    if (unit !== undefined) return n <= 1 ? '不能为空' : `至少应有 ${n}${unit}`;
    return b.inclusive === false ? `应大于 ${n}` : `不能小于 ${n}`;
  }
  if (unit !== undefined) return `最多 ${n}${unit}`;
  return b.inclusive === false ? `应小于 ${n}` : `不能大于 ${n}`;
}

type Issue = z.core.$ZodIssue & { input?: unknown; params?: { en?: unknown } };
type Localized = (issue: never) => unknown;
const say = (words: Localized, issue: Issue): string => {
  const r = (words as (i: Issue) => unknown)(issue);
  return typeof r === 'string' ? r : typeof r === 'object' && r && 'message' in r ? String(r.message) : issue.message;
};

function zhOf(issue: Issue): string {
  if (HAN.test(issue.message) || issue.code === 'custom') return issue.message;
  // Parsed without reportInput, zod's Chinese would call what it received "undefined": name only what is expected.
  if (issue.code === 'invalid_type' && !('input' in issue))
    return `类型不对：应为 ${ZH_TYPE[issue.expected] ?? issue.expected}`;
  const bound = boundZh(issue);
  if (bound !== undefined) return bound;
  const said = say(zhWords, issue);
  return issue.code === 'invalid_type'
    ? said.replace(/\b(string|boolean|object|undefined|int)\b/g, (w) => ZH_TYPE[w] ?? w)
    : said;
}

function enOf(issue: Issue): string {
  if (!HAN.test(issue.message)) return issue.message;
  if (typeof issue.params?.en === 'string') return issue.params.en;
  return SAID_EN.get(issue.message) ?? say(enWords, issue);
}

/**
 * "路径：问题；…" and "path: problem; …" for the first `max` issues (and how many more). Parse with
 * { reportInput: true } so zod's Chinese can name what it received.
 */
export function zodDetail(error: z.ZodError, max = 5): { detail: string; detailEn: string } {
  const issues = error.issues.slice(0, max) as Issue[];
  const where = (i: Issue, top: string) => (i.path.length ? i.path.join('.') : top);
  const more = error.issues.length - issues.length;
  return {
    detail:
      issues.map((i) => `${where(i, '（顶层）')}：${zhOf(i)}`).join('；') + (more > 0 ? `（另有 ${more} 处）` : ''),
    detailEn:
      issues.map((i) => `${where(i, '(top level)')}: ${enOf(i)}`).join('; ') + (more > 0 ? ` (and ${more} more)` : ''),
  };
}

/** Where JSON.parse stopped, in both languages: a line and column when V8 gives a position, or that the text ends. */
export function jsonWhere(
  text: string,
  error: unknown,
): { zh: string; en: string; params: { line: number; column: number } | { ended: 1 } | Record<string, never> } {
  const message = error instanceof Error ? error.message : String(error);
  const at = /position (\d+)/.exec(message);
  if (at) {
    const before = text.slice(0, Number(at[1])).split('\n');
    const line = before.length;
    const column = before[before.length - 1]!.length + 1;
    return {
      zh: `（第 ${line} 行第 ${column} 列有误）`,
      en: ` (error at line ${line}, column ${column})`,
      params: { line, column },
    };
  }
  if (/end of JSON/i.test(message))
    return { zh: '（文件在结尾处中断）', en: ' (the file ends too early)', params: { ended: 1 } };
  return { zh: '', en: '', params: {} };
}

/** The English of fixed Chinese check messages (z.string().min(1, said(…)), where an issue carries no params. */
const SAID_EN = new Map<string, string>();
export function said(zh: string, en: string): string {
  SAID_EN.set(zh, en);
  return zh;
}

/** A refinement's message in Chinese, with its English for zodDetail: spread into addIssue or pass to refine. */
export const bilingual = (zh: string, en: string) => ({ message: zh, params: { en } });
