// bidforge library import-word FILE.docx [--dry-run] [--json]: a company's existing Word document → draft clauses.
// The file is read by the API (core/library/wordImport, the same channel as the 条款库 import screen); every
// candidate not marked as a duplicate of a library clause becomes a draft through libraryCreate, as the acting user
// (--as, else 设置's name). Nothing is approved. --dry-run lists the candidates only. Exit 0 done, 1 store in use,
// 2 bad input (no file, not a DOCX, damaged, too large).
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { ApiHandlers } from '../core/api/contract.js';
import { clauseInputOf, type WordCandidate, type WordImport } from '../core/library/wordImport/model.js';
import { errorText } from '../core/i18n/errorText.js';
import { isWordError, wordErrorText } from '../core/library/wordImport/messages.js';
import type { Lang } from './messages.js';

export type WordArgs = { file: string | undefined; dryRun: boolean; json: boolean; waitMs: number };
type Io = { out: (s: string) => void; err: (s: string) => void; lang: Lang };

const W = {
  zh: {
    needFile: 'library import-word：请指定 Word 文件（.docx）',
    cannotRead: (f: string, why: string) => `${f}：无法读取文件（${why}）`,
    read: (f: string, n: number, by: string) => `${f}：${n} 个候选条款（${by}）`,
    by: { headings: '按标题样式拆分', numbering: '按中文编号拆分', none: '未找到标题，整篇为一条' },
    converted: (f: string) => `（已由 LibreOffice 将 ${f} 转换为 DOCX）`,
    duplicate: (t: string, id: string, pct: number) => `与“${t}”（${id}）重复 ${pct}%`,
    near: (t: string, id: string, pct: number) => `与“${t}”（${id}）近似 ${pct}%`,
    facts: '承诺',
    variables: '变量',
    tables: (n: number) => `表格 ${n} 个`,
    created: (t: string, id: string) => `  已新建草稿 “${t}”（${id}）`,
    skipped: (n: number) => `已跳过 ${n} 个与条款库重复的候选（可在 条款库 的 Word 导入中逐条处理）`,
    done: (n: number) => `已新建 ${n} 个草稿；均未批准，请在 条款库 中检查后提交审核`,
    dry: '--dry-run：未作改动',
    storeInUse: (d: string) => `条款库正在被其他程序使用，已等待但未能写入，请稍后再试（${d}）`,
    noUser: '请用 --as 姓名 说明是谁在导入（或在 设置 中填写姓名）',
    sep: '；',
    colon: '：',
    list: '、',
    paren: (s: string) => `（${s}）`,
  },
  en: {
    needFile: 'library import-word: name the Word file (.docx)',
    cannotRead: (f: string, why: string) => `${f}: cannot read the file (${why})`,
    read: (f: string, n: number, by: string) => `${f}: ${n} candidate clauses (${by})`,
    by: {
      headings: 'split by heading styles',
      numbering: 'split by Chinese numbering',
      none: 'no headings: one clause',
    },
    converted: (f: string) => `(LibreOffice converted ${f} to DOCX)`,
    duplicate: (t: string, id: string, pct: number) => `duplicates “${t}” (${id}) ${pct}%`,
    near: (t: string, id: string, pct: number) => `close to “${t}” (${id}) ${pct}%`,
    facts: 'facts',
    variables: 'variables',
    tables: (n: number) => `${n} table(s)`,
    created: (t: string, id: string) => `  created draft “${t}” (${id})`,
    skipped: (n: number) =>
      `skipped ${n} candidate(s) that duplicate library clauses (handle them in 条款库's Word import)`,
    done: (n: number) => `created ${n} draft(s); none is approved: check them in 条款库 and submit them for review`,
    dry: '--dry-run: nothing changed',
    storeInUse: (d: string) => `the clause library is in use by another program; waited but could not write (${d})`,
    noUser: 'say who imports with --as NAME (or set your name in 设置)',
    sep: '; ',
    colon: ': ',
    list: ', ',
    paren: (s: string) => ` (${s})`,
  },
};

const codeOf = (e: unknown) => (e && typeof e === 'object' ? (e as { code?: unknown }).code : undefined);

/** One candidate as a line or two: number, title, category, marks, the facts and variables it proposes. */
function describe(c: WordCandidate, w: (typeof W)['zh']): string {
  const mark = c.duplicates[0];
  const pct = mark ? Math.round(mark.similarity * 100) : 0;
  const parts = [
    `${c.n}. ${c.title}${w.paren(c.category)}`,
    mark ? (c.mark === 'duplicate' ? w.duplicate : w.near)(mark.title, mark.clauseId, pct) : '',
    c.facts.length
      ? `${w.facts}${w.colon}${c.facts.map((f) => `${f.label}${f.value !== undefined ? ` ${f.value}${f.unit ?? ''}` : ''}`).join(w.list)}`
      : '',
    c.variables.length ? `${w.variables}${w.colon}${c.variables.map((v) => v.label).join(w.list)}` : '',
    c.tables ? w.tables(c.tables) : '',
  ];
  return parts.filter(Boolean).join(w.sep);
}

/** Calls a write again while the app holds the store's lock, up to waitMs. */
async function patiently<T>(fn: () => Promise<T>, waitMs: number): Promise<T> {
  const until = Date.now() + waitMs;
  for (;;) {
    try {
      return await fn();
    } catch (e) {
      if (codeOf(e) !== 'store_locked' || Date.now() >= until) throw e;
      await new Promise((r) => setTimeout(r, 50 + Math.random() * 100));
    }
  }
}

export async function importWordCommand(api: ApiHandlers, a: WordArgs, io: Io): Promise<number> {
  const w = W[io.lang];
  if (!a.file) return (io.err(w.needFile), 2);
  let bytes: Buffer;
  try {
    bytes = await readFile(a.file);
  } catch (e) {
    return (io.err(w.cannotRead(a.file, (e as NodeJS.ErrnoException).code ?? (e as Error).message)), 2);
  }
  const fileName = basename(a.file);
  let found: WordImport;
  try {
    found = await api.libraryImportWord({ fileName, data: bytes.toString('base64') });
  } catch (e) {
    if (!isWordError(codeOf(e))) throw e;
    return (io.err(wordErrorText(e as { code: string; message: string }, io.lang)), 2);
  }
  const created: { n: number; clauseId: string; variant: string }[] = [];
  const lines = [w.read(fileName, found.candidates.length, w.by[found.splitBy])];
  if (found.convertedFrom) lines.push(w.converted(found.convertedFrom));
  for (const c of found.candidates) lines.push(describe(c, w));
  if (!a.json) io.out(lines.join('\n'));
  const skipped = found.candidates.filter((c) => c.mark === 'duplicate').map((c) => c.n);
  if (!a.dryRun)
    try {
      for (const c of found.candidates) {
        if (c.mark === 'duplicate') continue;
        const ref = await patiently(
          () => api.libraryCreate({ clause: clauseInputOf(c, fileName, found.docType) }),
          a.waitMs,
        );
        created.push({ n: c.n, clauseId: ref.clauseId, variant: ref.variant });
        if (!a.json) io.out(w.created(c.title, ref.clauseId));
      }
    } catch (e) {
      const code = codeOf(e);
      if (code === 'store_locked') return (io.err(w.storeInUse(errorText(e, io.lang === 'en' ? 'en' : 'zh-CN'))), 1);
      if (code === 'no_user') return (io.err(w.noUser), 2);
      throw e;
    }
  if (a.json) io.out(JSON.stringify({ ...found, created, skipped }, null, 2));
  else {
    if (skipped.length && !a.dryRun) io.out(w.skipped(skipped.length));
    io.out(a.dryRun ? w.dry : w.done(created.length));
  }
  return 0;
}
